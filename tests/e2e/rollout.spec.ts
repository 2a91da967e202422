import { expect, test } from './fixtures';

const NODES = ['control-plane', 'node-1', 'node-2', 'node-3'];

test.describe('rolling update', () => {
  test('kubectl set image rolls the pods to revision 2 one node at a time', async ({ playground: pg }) => {
    await pg.setSpeed(20);
    for (const n of NODES)
      await expect(pg.podsOn(n)).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
    await pg.setSpeed(5);
    await pg.run('kubectl set image ds/fluentd fluentd=fluent/fluentd:v1.15 -n kube-system');
    await expect(pg.consoleOutput).toContainText('daemonset.apps/fluentd image updated');

    // Sample which nodes run a ready revision-2 pod until all do. With maxUnavailable: 1 the
    // count of updated nodes must only ever grow by one, and the nodes must not all change at once.
    const seen: number[] = [];
    let shot = false;
    await expect
      .poll(
        async () => {
          const updated = await pg.grid.locator('[data-pod][data-revision="2"][data-ready="true"]').count();
          const old = await pg.grid.locator('[data-pod][data-revision="1"]').count();
          if (seen.at(-1) !== updated) seen.push(updated);
          if (!shot && updated >= 1 && old >= 1) {
            shot = true;
            await pg.screenshot('rollout-in-progress');
          }
          return updated;
        },
        { timeout: 40_000, intervals: [100] },
      )
      .toBe(NODES.length);
    expect(seen[0]).toBe(0);
    for (let i = 1; i < seen.length; i++) expect((seen[i] ?? 0) - (seen[i - 1] ?? 0)).toBe(1);
    expect(seen).toEqual([0, 1, 2, 3, 4]);
    expect(shot).toBe(true);
    await expect(pg.dsStatus.locator('[data-ds="fluentd"]')).toContainText('4');
  });
});
