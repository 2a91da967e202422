import { expect, test } from './fixtures';

const NODES = ['control-plane', 'node-1', 'node-2', 'node-3'];

test.describe('rolling update', () => {
  test('kubectl set image rolls the pods to revision 2 one node at a time', async ({ playground: pg }) => {
    await pg.setSpeed(20);
    for (const n of NODES)
      await expect(pg.podsOn(n)).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
    await pg.setSpeed(5);

    // Record, inside the page, how many ready revision-2 pods there are after every DOM change, so
    // no intermediate state is missed however slow the test machine is. With maxUnavailable: 1
    // the count of updated nodes must only ever grow by one.
    await pg.page.evaluate(() => {
      const w = window as unknown as { __seen: number[] };
      w.__seen = [];
      const grid = document.querySelector('[data-testid="node-grid"]')!;
      const count = () => grid.querySelectorAll('[data-pod][data-revision="2"][data-ready="true"]').length;
      const note = () => {
        const n = count();
        if (w.__seen.at(-1) !== n) w.__seen.push(n);
      };
      note();
      new MutationObserver(note).observe(grid, { subtree: true, childList: true, attributes: true });
    });
    await pg.run('kubectl set image ds/fluentd fluentd=fluent/fluentd:v1.15-1 -n kube-system');
    await expect(pg.consoleOutput).toContainText('daemonset.apps/fluentd image updated');
    // The screenshot is for people; the sequence above is what the test asserts.
    let shot = false;
    await expect
      .poll(
        async () => {
          const updated = await pg.grid.locator('[data-pod][data-revision="2"][data-ready="true"]').count();
          const old = await pg.grid.locator('[data-pod][data-revision="1"]').count();
          if (!shot && updated >= 1 && old >= 1) {
            shot = true;
            await pg.screenshot('rollout-in-progress');
          }
          return updated;
        },
        { timeout: 60_000, intervals: [100] },
      )
      .toBe(NODES.length);
    const seen = await pg.page.evaluate(() => (window as unknown as { __seen: number[] }).__seen);
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    await expect(pg.dsStatus.locator('[data-ds="fluentd"]')).toContainText('4');
  });
});
