// A node that stops reporting: after the node-monitor grace period (50 s) it is NotReady and
// tainted unreachable:NoExecute. The daemon pod tolerates that forever and stays; a Deployment's
// pod tolerates it for 300 s (DefaultTolerationSeconds), then is evicted and replaced elsewhere.
import { expect, test } from './fixtures';
import { addDeployment, allDaemonPodsReady } from './pages/workloads';

test.describe('a failing node', () => {
  test('keeps its daemon pod while a Deployment pod moves to another node after 300 s', async ({
    playground: pg,
  }) => {
    test.slow();
    await pg.setSpeed(20);
    await allDaemonPodsReady(pg);
    await addDeployment(pg, 3);
    // The node with a web pod fails.
    const withWeb = pg
      .nodes()
      .filter({ has: pg.page.locator('[data-kind="Deployment"]') })
      .first();
    const node = (await withWeb.getAttribute('data-node')) ?? '';
    const daemonPod = pg.podsOn(node).and(pg.page.locator('[data-kind="DaemonSet"]'));
    const daemonName = (await daemonPod.getAttribute('data-pod')) ?? '';
    const web = pg.podsOn(node).and(pg.page.locator('[data-kind="Deployment"]'));
    const webNames = await web.evaluateAll((els) => els.map((e) => e.getAttribute('data-pod')));

    // Read before the command: the clock read after it may lag on a busy machine.
    const failedAt = await pg.seconds();
    await pg.run(`sim node fail ${node}`);
    await expect(pg.node(node)).toHaveAttribute('data-ready', 'Unknown', { timeout: 30_000 });
    await expect(pg.node(node)).toContainText('node.kubernetes.io/unreachable:NoExecute');
    // The web pods are evicted (Terminating: the kubelet that would confirm it is down) and
    // replaced on the healthy nodes; not before the node went Unknown (the 50 s grace period
    // after its last heartbeat, sent at most 10 s before the failure) and their 300 s toleration
    // ran out.
    await expect(web.first()).toHaveAttribute('data-phase', 'Terminating', { timeout: 90_000 });
    expect(await pg.seconds()).toBeGreaterThanOrEqual(failedAt + 40 + 300);
    const elsewhere = pg.grid.locator(
      `[data-node]:not([data-node="${node}"]) [data-kind="Deployment"][data-ready="true"]`,
    );
    await expect(elsewhere).toHaveCount(3, { timeout: 30_000 });
    const moved = await elsewhere.evaluateAll((els) => els.map((e) => e.getAttribute('data-pod')));
    for (const name of webNames) expect(moved).not.toContain(name);
    // The daemon pod is the same pod, still on the failed node.
    await expect(daemonPod).toHaveAttribute('data-pod', daemonName);
    await expect(daemonPod).not.toHaveAttribute('data-phase', 'Terminating');
    await pg.screenshot('node-failure');
  });
});
