import type { Page } from '@playwright/test';
import { TID } from '../../src/app/testIds';
import type { Playground } from './pages/Playground';
import { expect, test } from './fixtures';

/** placement lists every node with its pods, the way the grid shows them. */
function placement(page: Page): Promise<string[]> {
  return page.locator('[data-node]').evaluateAll((cards) =>
    cards
      .map(
        (c) =>
          `${c.getAttribute('data-node')}: ${[...c.querySelectorAll('[data-pod]')]
            .map((p) => p.getAttribute('data-pod'))
            .sort()
            .join(',')}`,
      )
      .sort(),
  );
}

/** exactTime reads the simulated clock to the millisecond (its title). */
async function exactTime(pg: Playground): Promise<number> {
  return Number.parseFloat((await pg.clock.getAttribute('title')) ?? 'NaN');
}

/** recordRun plays at 20×, adds node-9 after 10 s, and pauses a while later; returns when node-9 came. */
async function recordRun(pg: Playground): Promise<number> {
  await pg.setSpeed(20);
  await expect.poll(() => pg.seconds()).toBeGreaterThan(10);
  // Paused, the command runs at exactly the time the clock shows.
  await pg.pause.click();
  await expect(pg.pause).toHaveAttribute('aria-pressed', 'true');
  const added = await exactTime(pg);
  await pg.run('sim node add node-9');
  await pg.play.click();
  await expect(pg.podsOn('node-9')).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
  await expect.poll(() => pg.seconds()).toBeGreaterThan(added + 20);
  await pg.pause.click();
  await expect(pg.pause).toHaveAttribute('aria-pressed', 'true');
  return added;
}

test.describe('timeline', () => {
  test('dragging back replays the run to that moment, and forward again restores it', async ({
    playground: pg,
    page,
  }) => {
    const added = await recordRun(pg);
    const end = await exactTime(pg);
    const before = await placement(page);
    const timeline = page.getByTestId(TID.timeline);

    await timeline.fill(String(added - 5));
    await expect.poll(() => exactTime(pg)).toBeCloseTo(added - 5, 3);
    await expect(pg.node('node-9')).toHaveCount(0);
    await expect(pg.nodes()).toHaveCount(4);
    await expect(pg.pause).toHaveAttribute('aria-pressed', 'true');
    await pg.screenshot('timeline-rewound');

    // The command after that moment is still on the tape: going forward runs it at its time.
    await timeline.fill(String(end));
    await expect.poll(() => exactTime(pg)).toBeCloseTo(end, 3);
    await expect.poll(() => placement(page)).toEqual(before);
  });

  test('play after a rewind runs the recorded commands again at their times', async ({
    playground: pg,
    page,
  }) => {
    const added = await recordRun(pg);
    await page.getByTestId(TID.timeline).fill(String(added - 2));
    await expect(pg.node('node-9')).toHaveCount(0);
    await pg.play.click();
    await expect(pg.node('node-9')).toBeVisible();
  });

  test('a change made after rewinding starts a new future', async ({ playground: pg, page }) => {
    const added = await recordRun(pg);
    const timeline = page.getByTestId(TID.timeline);
    await timeline.fill(String(added - 5));
    await expect(pg.node('node-9')).toHaveCount(0);
    // Reading does not change the future...
    await pg.run('kubectl get nodes');
    await expect.poll(async () => Number(await timeline.getAttribute('max'))).toBeGreaterThan(added + 20);
    // ...a change does: the recorded node-9 is gone for good.
    await pg.run('kubectl cordon node-1');
    await expect.poll(async () => Number(await timeline.getAttribute('max'))).toBeLessThan(added);
    await timeline.press('End');
    await pg.play.click();
    await expect.poll(() => pg.seconds()).toBeGreaterThan(added + 5);
    await expect(pg.node('node-9')).toHaveCount(0);
  });
});
