import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { Layout } from './pages/Layout';

// axe reads one frame: mid-transition a chip's colour is between two tones, so the checks run
// with transitions off (the page honours reduced motion), on the colours a chip settles on.
test.use({ reducedMotion: 'reduce' });

// axe-core runs inside the page (injected from node_modules, no network); only serious and
// critical findings fail the check.
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('the default page has no serious accessibility violation', async ({ playground: pg, page }) => {
  await pg.node('node-1').click();
  expect(await seriousViolations(page)).toEqual([]);
});

test('a lesson has no serious accessibility violation', async ({ page }) => {
  await page.goto('./?scenario=lesson-first-daemonset');
  await expect(page.getByTestId('lesson')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('presenter mode has no serious accessibility violation', async ({ playground: pg, page }) => {
  await page.getByTestId('presenter').click();
  await expect(pg.editor).toBeHidden();
  expect(await seriousViolations(page)).toEqual([]);
});

test.describe('phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  test('the phone layout has no serious accessibility violation', async ({ playground: pg, page }) => {
    await expect(pg.grid).toBeVisible();
    await expect(new Layout(page).tabs).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test('Tab leaves the editor, and the editor says how', async ({ playground: pg, page }) => {
  await pg.waitForMonaco();
  const monaco = pg.editor.locator('.monaco-editor');
  await monaco.locator('.view-lines').click();
  const inEditor = () => page.evaluate(() => !!document.activeElement?.closest('.monaco-editor'));
  await expect.poll(inEditor).toBe(true);
  const text = await pg.editor.locator('.view-lines').innerText();
  await page.keyboard.press('Tab');
  await expect.poll(inEditor).toBe(false);
  // Tab moved focus instead of inserting an indent.
  expect(await pg.editor.locator('.view-lines').innerText()).toBe(text);
  await expect(pg.editor).toContainText('Tab moves focus out of the editor');
});

test('skip links jump to the grid, the console and the inspector', async ({ playground: pg, page }) => {
  await page.keyboard.press('Tab');
  const first = page.getByRole('link', { name: 'Skip to the node grid' });
  await expect(first).toBeFocused();
  await expect(first).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(pg.grid).toBeFocused();
  await page.getByRole('link', { name: 'Skip to the console' }).focus();
  await page.keyboard.press('Enter');
  await expect(pg.consoleInput).toBeFocused();
  await page.getByRole('link', { name: 'Skip to the inspector' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#inspector-slot')).toBeFocused();
});
