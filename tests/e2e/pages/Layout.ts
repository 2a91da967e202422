// The page object for the page's layout: the phone's tabs, the fold buttons, the skip links and
// measurements of overflow and font sizes.
import type { Locator, Page } from '@playwright/test';
import { TID } from '../../../src/app/testIds';

export class Layout {
  readonly tabs: Locator;
  readonly skipLinks: Locator;
  readonly revisionLegend: Locator;

  constructor(readonly page: Page) {
    this.tabs = page.getByTestId(TID.panelTabs);
    this.skipLinks = page.getByTestId(TID.skipLinks);
    this.revisionLegend = page.getByTestId(TID.revisionLegend);
  }

  tab(panel: string): Locator {
    return this.tabs.locator(`[data-panel="${panel}"]`);
  }

  fold(panel: 'editor' | 'inspector' | 'events'): Locator {
    return this.page.locator(`[data-testid="${TID.panelFold}"][data-panel="${panel}"]`);
  }

  /** horizontalOverflow is how far the page is wider than the viewport (0: no horizontal scroll). */
  horizontalOverflow(): Promise<number> {
    return this.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  }

  /**
   * smallestFont is the smallest font size on screen of any visible text under `selector`: the
   * computed size times the element's effective CSS zoom (the grid is drawn zoomed, and a computed
   * font-size does not include zoom).
   */
  smallestFont(selector: string): Promise<{ size: number; text: string }> {
    return this.page.evaluate((sel) => {
      let best = { size: Infinity, text: '' };
      for (const root of document.querySelectorAll(sel)) {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const el = n.parentElement;
          if (!el || !n.textContent?.trim() || el.getClientRects().length === 0) continue;
          const zoom = (el as Element & { currentCSSZoom?: number }).currentCSSZoom ?? 1;
          const size = Math.round(parseFloat(getComputedStyle(el).fontSize) * zoom * 100) / 100;
          if (size < best.size) best = { size, text: n.textContent.trim().slice(0, 40) };
        }
      }
      return best;
    }, selector);
  }
}
