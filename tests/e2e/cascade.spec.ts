// Delete propagation from the console: --cascade=orphan leaves the daemon pods running with no
// owner (drawn as orphans, explained in the inspector); applying the DaemonSet again adopts them
// with the same names and no restart; --cascade=foreground keeps the DaemonSet listed as
// Terminating until its pods are gone.
import { expect, test } from './fixtures';

const NODES = ['control-plane', 'node-1', 'node-2', 'node-3'];

test.describe('cascade deletes', () => {
  test('orphan and adopt: the pods outlive their DaemonSet and are adopted with the same names', async ({
    playground: pg,
  }) => {
    await pg.setSpeed(20);
    for (const n of NODES)
      await expect(pg.podsOn(n)).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
    const names = async () => (await pg.pods().evaluateAll((els) => els.map((e) => e.dataset.pod))).sort();
    const before = await names();
    expect(before).toHaveLength(NODES.length);

    await pg.run('kubectl delete ds fluentd -n kube-system --cascade=orphan');
    await expect(pg.consoleOutput).toContainText('daemonset.apps "fluentd" deleted');
    await expect(pg.dsStatus.locator('[data-ds="fluentd"]')).toHaveCount(0);
    await expect(pg.grid.locator('[data-pod][data-orphan="DaemonSet"]')).toHaveCount(NODES.length);
    expect(await names()).toEqual(before);

    await pg.podsOn('node-1').click();
    await expect(pg.inspector).toContainText(
      'orphaned: no controller; a DaemonSet with a matching selector would adopt it',
    );

    // The editor still holds the DaemonSet: Apply sends it again (kubectl apply -f -).
    await pg.editor.getByRole('button', { name: 'Apply' }).click();
    await expect(pg.consoleOutput).toContainText('daemonset.apps/fluentd created');
    await expect(pg.grid.locator('[data-pod][data-orphan]')).toHaveCount(0);
    await expect(pg.dsStatus.locator('[data-ds="fluentd"]')).toHaveCount(1);
    expect(await names()).toEqual(before);
    await expect(pg.grid.locator('[data-pod][data-restarts="0"][data-ready="true"]')).toHaveCount(
      NODES.length,
    );
    await expect(pg.inspector).toContainText('DaemonSet/fluentd');
  });

  test('foreground: the DaemonSet shows as Terminating until its last pod is gone', async ({
    playground: pg,
  }) => {
    await pg.setSpeed(5);
    for (const n of NODES)
      await expect(pg.podsOn(n)).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
    // Paused, the cluster holds the moment: the owner waits on pods that cannot finish yet.
    await pg.pauseAndReadClock();
    await pg.run('kubectl delete ds fluentd -n kube-system --cascade=foreground');
    const row = pg.dsStatus.locator('[data-ds="fluentd"]');
    await expect(row).toHaveAttribute('data-deleting', 'foregroundDeletion');
    await expect(row).toContainText('waiting for');
    await pg.play.click();
    await expect(pg.pods()).toHaveCount(0, { timeout: 30_000 });
    await expect(row).toHaveCount(0);
  });
});
