import { expect, test } from './fixtures';

// The layout fits a 1280×720 projector and a 1920×1080 screen without a page scrollbar.
for (const size of [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
]) {
  test(`fits ${size.width}×${size.height} without scrolling the page`, async ({ playground: pg, page }) => {
    await page.setViewportSize(size);
    await pg.setSpeed(20);
    await expect(pg.podsOn('node-3')).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
    const overflow = await page.evaluate(() => ({
      x: document.documentElement.scrollWidth - window.innerWidth,
      y: document.documentElement.scrollHeight - window.innerHeight,
    }));
    expect(overflow).toEqual({ x: 0, y: 0 });
    for (const panel of [pg.editor, pg.grid, pg.consoleInput, pg.inspector, pg.events, pg.dsStatus]) {
      await expect(panel).toBeInViewport();
    }
    await pg.screenshot(`layout-${size.width}x${size.height}`);
  });
}

test('the dark theme keeps the grid readable', async ({ playground: pg, page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await pg.setSpeed(20);
  await expect(pg.podsOn('node-3')).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
  await pg.node('node-1').click();
  await pg.screenshot('dark-theme');
});

test('turns transitions off when the system asks for reduced motion', async ({ playground: pg, page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  const chip = pg.podsOn('node-1');
  await expect(chip).toHaveCount(1);
  const durations = await chip.evaluate((el) => getComputedStyle(el).transitionDuration.split(', '));
  expect(durations.every((d) => d === '0s')).toBe(true);
  // A node added now appears at once, with no fade.
  await pg.run('sim node add node-9');
  await expect(pg.node('node-9')).toHaveCSS('opacity', '1');
});
