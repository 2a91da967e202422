// The page object for the big-cluster overview (grouped canvas, filter, zoom, node list),
// beside the Playground page object: specs drive it by the shared test ids.
import { expect } from '@playwright/test';
import type { Locator } from '@playwright/test';
import { ATTR, TID } from '../../../src/app/testIds';
import type { Playground } from './Playground';

export class Overview {
  readonly root: Locator;
  readonly picture: Locator;
  readonly canvas: Locator;
  readonly groupBy: Locator;
  readonly filter: Locator;
  readonly showing: Locator;
  readonly list: Locator;
  readonly zoomIn: Locator;
  readonly zoomReset: Locator;
  /** The state select: '' for any state, else a NodeState. */
  readonly states: Locator;

  constructor(readonly pg: Playground) {
    const id = (t: string) => pg.page.getByTestId(t);
    this.root = id(TID.gridOverview);
    this.picture = id(TID.gridCanvas);
    this.canvas = this.picture.locator('canvas');
    this.groupBy = id(TID.gridGroupBy);
    this.filter = id(TID.gridFilter);
    this.showing = id(TID.gridShowing);
    this.list = id(TID.nodeList);
    this.zoomIn = id(TID.gridZoomIn);
    this.zoomReset = id(TID.gridZoomReset);
    this.states = id(TID.gridStateFilter);
  }

  rows(): Locator {
    return this.list.getByRole('listitem');
  }

  /** clickFirstCell clicks the middle of the first listed node's cell on the canvas. */
  async clickFirstCell(): Promise<void> {
    await expect(this.canvas).toHaveAttribute(ATTR.firstCell, /^-?\d+ -?\d+ \d+$/);
    const [x, y, size] = ((await this.canvas.getAttribute(ATTR.firstCell)) ?? '').split(' ').map(Number);
    await this.canvas.click({ position: { x: x! + size! / 2, y: y! + size! / 2 } });
  }
}
