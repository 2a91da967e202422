// The comparison view lists a column for every workload kind in the cluster, each saying what its
// controller does with the same nodes (src/app/grid/workloadBehaviour.ts), with its workloads.
import { TID } from '../../src/app/testIds';
import { expect, test } from './fixtures';
import { addDeployment, allDaemonPodsReady } from './pages/workloads';

test.describe('workload comparison', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('a DaemonSet, a Deployment and a Job each get a column with what their controller does', async ({
    playground: pg,
    page,
  }) => {
    await pg.setSpeed(20);
    await allDaemonPodsReady(pg);
    await page.getByTestId(TID.compareToggle).click();
    const summary = page.getByTestId(TID.workloadSummary);
    const columns = summary.locator('[data-compare-kind]');
    await expect(columns).toHaveCount(1);

    await addDeployment(pg, 2);
    await pg.run('kubectl create job bench --image=aquasec/kube-bench:v0.10.1');
    await expect(columns).toHaveCount(3);
    expect(await columns.evaluateAll((els) => els.map((e) => e.getAttribute('data-compare-kind')))).toEqual([
      'DaemonSet',
      'Deployment',
      'Job',
    ]);
    const cell = (kind: string, situation: string) =>
      summary.locator(`td[data-kind="${kind}"][data-situation="${situation}"]`);
    for (const kind of ['DaemonSet', 'Deployment', 'Job'])
      await expect(summary.locator(`td[data-kind="${kind}"]`)).toHaveCount(7);
    await expect(cell('DaemonSet', 'drain')).toContainText('--ignore-daemonsets');
    await expect(cell('DaemonSet', 'workloads')).toContainText(/DaemonSet fluentd: 1 per node on \d nodes/);
    await expect(cell('Deployment', 'workloads')).toContainText('Deployment web: 2 pods');
    await expect(cell('Job', 'newImage')).toContainText('cannot change');
    await expect(summary.locator('[data-compare-kind="Job"]')).toContainText('Job · 1');
    await pg.screenshot('workloads-compare-columns');

    // A finished Job keeps its column: the kind is still in the cluster.
    await expect(pg.grid.locator('[data-pod][data-phase="Completed"]')).toHaveCount(1, { timeout: 30_000 });
    await expect(columns).toHaveCount(3);
    await pg.run('kubectl delete job bench');
    await expect(columns).toHaveCount(2);
  });
});
