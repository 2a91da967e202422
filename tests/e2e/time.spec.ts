import type { Playground } from './pages/Playground';
import { expect, test } from './fixtures';

// sample reads the clock `count` times, at least 100 ms apart, and returns what it read (a busy
// machine may take a while for each read: the bound is generous, the count is what matters).
async function sample(pg: Playground, count: number): Promise<number[]> {
  const seen: number[] = [];
  await expect
    .poll(
      async () => {
        seen.push(await pg.seconds());
        return seen.length;
      },
      { intervals: [100], timeout: count * 3_000 },
    )
    .toBeGreaterThanOrEqual(count);
  return seen;
}

test.describe('time controls', () => {
  test('pause stops the clock and play starts it again', async ({ playground: pg }) => {
    await pg.setSpeed(5);
    await pg.pause.click();
    await expect(pg.pause).toHaveAttribute('aria-pressed', 'true');
    const frozen = await sample(pg, 8);
    expect(new Set(frozen).size).toBe(1);
    await pg.play.click();
    await expect(pg.play).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => pg.seconds()).toBeGreaterThan(frozen[0] ?? 0);
  });

  test('step pauses and moves the clock to the next event', async ({ playground: pg }) => {
    await pg.pause.click();
    const before = await pg.seconds();
    await pg.step.click();
    await pg.step.click();
    await pg.step.click();
    await expect(pg.pause).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => pg.seconds()).toBeGreaterThan(before);
    const after = await sample(pg, 5);
    expect(new Set(after).size).toBe(1);
  });

  test('20× runs simulated time twenty times faster than the wall clock', async ({ playground: pg }) => {
    await pg.setSpeed(20);
    await expect(pg.speed).toHaveValue('20');
    const t0 = await pg.seconds();
    // At 1× this would take 30 s; the timeout allows 6.
    await expect.poll(() => pg.seconds(), { timeout: 6_000 }).toBeGreaterThan(t0 + 30);
  });

  test('restart runs the scenario again from t = 0', async ({ playground: pg }) => {
    await pg.setSpeed(20);
    await expect.poll(() => pg.seconds()).toBeGreaterThan(20);
    // At 1× the clock cannot pass 15 s again within the poll below, however late a sample comes.
    await pg.setSpeed(1);
    await pg.page.getByTestId('restart').click();
    await expect(pg.consoleOutput).toContainText('# restarted from t = 0');
    await expect.poll(() => pg.seconds()).toBeLessThan(15);
    await expect(pg.nodes()).toHaveCount(4);
  });
});
