// The guide's five workload controllers side by side (gallery five-controllers): the comparison
// view's columns in order, each with its node-failure line, then the grid showing the differences
// those lines name when node-2's kubelet stops (pkg/controller/daemon keeps its pod there, the
// ReplicaSet replaces its pod elsewhere, the StatefulSet waits with one Terminating db-1) and when
// the scenario's `kubectl set image` reaches each (the StatefulSet from its highest ordinal down).
import type { Locator } from '@playwright/test';
import { ATTR, TID } from '../../src/app/testIds';
import { GalleryLesson } from './pages/GalleryLesson';
import { expect, test } from './fixtures';

const KINDS = ['DaemonSet', 'Deployment', 'StatefulSet', 'Job', 'CronJob'];

/** after reads the console's text after the last echo of `line`: that command's own output. */
async function after(consoleOutput: Locator, line: string): Promise<string> {
  const text = await consoleOutput.innerText();
  const at = text.lastIndexOf(line);
  return at < 0 ? '' : text.slice(at + line.length);
}

test.describe('five workload controllers on one cluster', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('a node failure and an image update: each column says what its controller does, and the grid shows it', async ({
    playground: pg,
    page,
  }) => {
    test.setTimeout(240_000);
    const g = new GalleryLesson(pg);
    await g.open('five-controllers');
    await page.getByTestId(TID.compareToggle).click();
    const summary = page.getByTestId(TID.workloadSummary);
    const columns = summary.locator('[data-compare-kind]');
    await expect(columns).toHaveCount(5, { timeout: 30_000 });
    expect(await columns.evaluateAll((els) => els.map((e) => e.getAttribute('data-compare-kind')))).toEqual(
      KINDS,
    );
    const cell = (kind: string, situation: string) =>
      summary.locator(`td[data-kind="${kind}"][data-situation="${situation}"]`);
    await expect(cell('DaemonSet', 'nodeFails')).toContainText('stays bound there');
    await expect(cell('Deployment', 'nodeFails')).toContainText('replaced on other nodes');
    await expect(cell('StatefulSet', 'nodeFails')).toContainText('not recreated until the node returns');
    await expect(cell('Job', 'nodeFails')).toContainText('retried elsewhere');
    await expect(cell('CronJob', 'nodeFails')).toContainText('only a running Job');
    await expect(cell('StatefulSet', 'newImage')).toContainText('from the highest ordinal down');
    await expect(cell('CronJob', 'workloads')).toContainText('CronJob report (*/5 * * * *)');

    // The scenario fails node-2 at t = 30s; its pods' 300 s tolerations run out at 380 s.
    await pg.setSpeed(60);
    const on2 = (workload: string) =>
      pg.podsOn('node-2').and(pg.grid.locator(`[${ATTR.workload}="${workload}"]`));
    const web = pg.grid.locator(`[${ATTR.pod}][${ATTR.workload}="web"]`);
    await expect(on2('web')).toHaveAttribute(ATTR.phase, 'Terminating', { timeout: 120_000 });
    await expect(web.and(pg.grid.locator(`[${ATTR.phase}="Running"]`))).toHaveCount(2, { timeout: 60_000 });
    await pg.pauseAndReadClock();
    expect(await pg.seconds()).toBeLessThan(690);
    await expect(pg.node('node-2')).toHaveAttribute('data-ready', 'Unknown');
    // DaemonSet: its pod stays bound to the failed node, not evicted and not moved.
    await expect(on2('node-agent')).toHaveCount(1);
    await expect(on2('node-agent')).not.toHaveAttribute(ATTR.phase, 'Terminating');
    await expect(pg.grid.locator(`[${ATTR.pod}][${ATTR.workload}="node-agent"]`)).toHaveCount(3);
    // Deployment: two Running pods on other nodes beside the Terminating one.
    await expect(web.and(pg.podsOn('node-2'))).toHaveCount(1);
    // StatefulSet: db-1 Terminating on node-2, and no second db-1 anywhere.
    const db1 = pg.grid.locator(`[${ATTR.pod}="db-1"]`);
    await expect(db1).toHaveCount(1);
    await expect(on2('db')).toHaveAttribute(ATTR.pod, 'db-1');
    await expect(db1).toHaveAttribute(ATTR.phase, 'Terminating');
    await expect(cell('StatefulSet', 'workloads')).toContainText('StatefulSet db: 1 pod');
    await expect(cell('CronJob', 'workloads')).toContainText('last scheduled 00:05');
    await expect(summary.locator('[data-compare-kind="Job"]')).toContainText('Job · 1');
    await pg.node('node-2').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/work/wt/shots/compare5-node-failure.png' });

    // node-2 recovers at 11m30s; at 12m the scenario sets a new image on each workload.
    await pg.play.click();
    await pg.setSpeed(60);
    const agents = pg.grid.locator(`[${ATTR.pod}][${ATTR.workload}="node-agent"]`);
    const db = pg.grid.locator(`[${ATTR.pod}][${ATTR.workload}="db"]`);
    await expect(agents.and(pg.grid.locator(`[${ATTR.revision}="2"][${ATTR.ready}="true"]`))).toHaveCount(3, {
      timeout: 120_000,
    });
    await expect(db.and(pg.grid.locator(`[${ATTR.revision}="2"][${ATTR.ready}="true"]`))).toHaveCount(2, {
      timeout: 60_000,
    });
    await pg.setSpeed(1);
    // The StatefulSet replaced db-1 before db-0 (updateStatefulSet walks the ordinals down).
    const sorted = 'kubectl get pods -l app=db --sort-by=.metadata.creationTimestamp';
    await pg.run(sorted);
    await expect
      .poll(() => after(pg.consoleOutput, sorted))
      .toMatch(/\ndb-1\s+1\/1\s+Running[^\n]*\ndb-0\s+1\/1\s+Running/);
    // The Deployment: the new ReplicaSet holds both pods, the old one none.
    const rs = 'kubectl get rs -l app=web';
    await pg.run(rs);
    await expect
      .poll(() => after(pg.consoleOutput, rs))
      .toMatch(
        /\nweb-\w+\s+2\s+2\s+2\s[\s\S]*\nweb-\w+\s+0\s+0\s+0\s|\nweb-\w+\s+0\s+0\s+0\s[\s\S]*\nweb-\w+\s+2\s+2\s+2\s/,
      );
    await expect(cell('StatefulSet', 'workloads')).toContainText('StatefulSet db: 2 pods');
    await expect(summary.locator('[data-compare-kind="Job"]')).toContainText('Job · 1');
    await expect(summary.locator('[data-compare-kind="CronJob"]')).toContainText('CronJob · 1');
    await page.screenshot({ path: '/work/wt/shots/compare5-image-update.png' });
  });
});
