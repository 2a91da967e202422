// The rest of the cluster around the DaemonSet: a Deployment's pods look different from daemon
// pods, the controllers' comparison view counts them per workload as nodes come and go, and
// node cards show requested resources and node pressure (with the pod it evicts left Evicted).
import { TID } from '../../src/app/testIds';
import { expect, test } from './fixtures';
import { addDeployment, allDaemonPodsReady } from './pages/workloads';

test.describe('Deployment and DaemonSet side by side', () => {
  test.beforeEach(async ({ playground: pg }) => {
    await pg.setSpeed(20);
    await allDaemonPodsReady(pg);
    await addDeployment(pg, 4);
  });

  test('the comparison counts N Deployment pods anywhere and one daemon pod per node, as nodes come and go', async ({
    playground: pg,
    page,
  }) => {
    await expect(pg.grid.locator('[data-kind="Deployment"][data-workload="web"]')).toHaveCount(4);
    await expect(pg.grid.locator('[data-kind="DaemonSet"][data-workload="fluentd"]')).toHaveCount(4);

    await page.getByTestId(TID.compareToggle).click();
    const summary = page.getByTestId(TID.workloadSummary);
    await expect(summary).toContainText('DaemonSet fluentd: 1 per node on 4 nodes (4 eligible)');
    await expect(summary).toContainText(/Deployment web: 4 pods on [1-4] nodes? \(4 wanted, anywhere\)/);
    await expect(pg.node('node-1')).toContainText(/DS 1 · Deploy \d/);

    await pg.run('sim node add node-4');
    await expect(summary).toContainText('DaemonSet fluentd: 1 per node on 5 nodes (5 eligible)', {
      timeout: 15_000,
    });
    await expect(summary).toContainText('Deployment web: 4 pods');
    await expect(pg.node('node-4')).toContainText('DS 1 · Deploy 0');

    // Highlighting one workload dims every other pod.
    await summary.getByRole('button', { name: /^Deployment web/ }).click();
    await expect(pg.grid.locator('.pod-chip.is-dimmed[data-kind="DaemonSet"]')).toHaveCount(5);
    await expect(pg.grid.locator('.pod-chip.is-dimmed[data-kind="Deployment"]')).toHaveCount(0);
    await pg.screenshot('workloads-compare');
  });

  test('node cards show requested cpu, and memory pressure evicts a BestEffort pod that stays Evicted', async ({
    playground: pg,
  }) => {
    const withWeb = pg
      .nodes()
      .filter({ has: pg.page.locator('[data-kind="Deployment"]') })
      .first();
    const node = (await withWeb.getAttribute('data-node')) ?? '';
    const web = await pg.podsOn(node).and(pg.page.locator('[data-kind="Deployment"]')).count();
    // fluentd requests 100m, each web pod 250m, of 4 allocatable cpus; memory only fluentd's 200Mi.
    await expect(pg.node(node).locator('.res[data-resource="cpu"]')).toContainText(
      `${cpu(100 + 250 * web)}/4`,
    );
    await expect(pg.node(node).locator('.res[data-resource="memory"]')).toContainText('200Mi/8Gi');

    await pg.run(`sim node pressure ${node} memory on`);
    await expect(pg.node(node)).toHaveAttribute('data-conditions', /MemoryPressure/);
    await expect(pg.node(node)).toContainText('MemoryPressure');
    // The kubelet evicts pods using more memory than they request first: web requests none.
    const evicted = pg.podsOn(node).and(pg.page.locator('[data-phase="Evicted"][data-kind="Deployment"]'));
    await expect(evicted.first()).toBeVisible({ timeout: 15_000 });
    await expect(evicted.first()).toContainText('Evicted');
    // The Deployment replaces it elsewhere; the evicted pod stays on the card, Failed, holding nothing.
    await expect(pg.grid.locator('[data-kind="Deployment"][data-ready="true"]')).toHaveCount(4, {
      timeout: 15_000,
    });
    await expect(evicted.first()).toBeVisible();
    await evicted.first().click();
    await expect(pg.inspector).toContainText('Evicted by the kubelet (node pressure)');
    await pg.screenshot('memory-pressure');
  });
});

/** cpu writes millicores as the cards do: `600m`, `1.1`, `2`. */
function cpu(milli: number): string {
  if (milli % 1000 === 0) return String(milli / 1000);
  return milli > 1000 ? String(Number((milli / 1000).toFixed(2))) : `${milli}m`;
}
