// kubectl drain on a node with a daemon pod and a Deployment's pods: refused without
// --ignore-daemonsets (naming the DaemonSet-managed pod), then done with it: the node is
// cordoned, the Deployment's pods are evicted and recreated elsewhere, the daemon pod stays.
import { expect, test } from './fixtures';
import { addDeployment, allDaemonPodsReady } from './pages/workloads';

test.describe('kubectl drain', () => {
  test('refuses without --ignore-daemonsets, then evicts the Deployment pods and keeps the daemon pod', async ({
    playground: pg,
  }) => {
    await pg.setSpeed(20);
    await allDaemonPodsReady(pg);
    await addDeployment(pg, 6);
    const daemonPod = pg.podsOn('node-2').and(pg.page.locator('[data-kind="DaemonSet"]'));
    const daemonName = (await daemonPod.getAttribute('data-pod')) ?? '';
    const web = pg.podsOn('node-2').and(pg.page.locator('[data-kind="Deployment"]'));
    const before = await web.count();
    expect(before, 'the scheduler spread web onto node-2').toBeGreaterThan(0);

    await pg.run('kubectl drain node-2');
    await expect(pg.consoleOutput).toContainText(
      `cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/${daemonName}`,
    );
    await expect(web).toHaveCount(before);

    await pg.run('kubectl drain node-2 --ignore-daemonsets');
    await expect(pg.consoleOutput).toContainText('node/node-2 drained');
    await expect(pg.consoleOutput).toContainText(
      `Warning: ignoring DaemonSet-managed Pods: kube-system/${daemonName}`,
    );
    await expect(pg.node('node-2')).toHaveAttribute('data-cordoned', 'true');
    await expect(web).toHaveCount(0, { timeout: 15_000 });
    // The Deployment is whole again on the other nodes; the daemon pod never left node-2.
    await expect(pg.grid.locator('[data-kind="Deployment"][data-ready="true"]')).toHaveCount(6, {
      timeout: 15_000,
    });
    await expect(daemonPod).toHaveAttribute('data-pod', daemonName);
    await expect(daemonPod).toHaveAttribute('data-ready', 'true');
  });
});
