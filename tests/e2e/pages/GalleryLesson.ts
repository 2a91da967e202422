// The page object for the scenario gallery and the lesson panel, beside the Playground page
// object: specs open scenarios and follow lessons through it, by the shared test ids.
import { expect } from '@playwright/test';
import type { Locator } from '@playwright/test';
import { ATTR, TID } from '../../../src/app/testIds';
import type { Playground } from './Playground';

export class GalleryLesson {
  readonly openButton: Locator;
  readonly gallery: Locator;
  readonly lesson: Locator;
  readonly progress: Locator;
  readonly task: Locator;
  readonly hint: Locator;
  readonly presenter: Locator;

  constructor(readonly pg: Playground) {
    const id = (t: string) => pg.page.getByTestId(t);
    this.openButton = id(TID.galleryOpen);
    this.gallery = id(TID.gallery);
    this.lesson = id(TID.lesson);
    this.progress = id(TID.lessonProgress);
    this.task = id(TID.lessonTask);
    this.hint = id(TID.lessonHint);
    this.presenter = id(TID.presenter);
  }

  entry(name: string): Locator {
    return this.gallery.locator(`[${ATTR.scenario}="${name}"]`);
  }

  /** open picks a scenario from the gallery and waits until the picker has closed. */
  async open(name: string): Promise<void> {
    await this.openButton.click();
    await expect(this.gallery).toBeVisible();
    await this.entry(name).click();
    await expect(this.gallery).toBeHidden();
  }
}
