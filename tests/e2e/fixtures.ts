// The test fixture every spec uses: the page object on a freshly loaded playground, and a check
// that fails the test on any browser console error or uncaught page error.
import { test as base, expect } from '@playwright/test';
import { Playground } from './pages/Playground';

export const test = base.extend<{ playground: Playground; consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
      });
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
      await use(errors);
      expect(errors, 'the browser reported errors').toEqual([]);
    },
    { auto: true },
  ],
  playground: async ({ page }, use) => {
    const playground = new Playground(page);
    await playground.goto();
    await use(playground);
  },
});

export { expect };
