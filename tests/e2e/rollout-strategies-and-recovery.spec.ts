// Rollouts as the grid, the DaemonSet panel, the history panel and the inspector show them:
// a surge rollout (old and new pod side by side on a node), an OnDelete update (nothing moves
// until a pod is deleted), and a crash-looping template that stalls at maxUnavailable until one
// click on undo in the history brings the old revision back.
import { TID } from '../../src/app/testIds';
import { expect, test } from './fixtures';
import { advance, allDaemonPodsReady } from './pages/workloads';

const NODES = 4;
const patchDs = (json: string) => `kubectl patch ds fluentd -n kube-system --type merge -p '${json}'`;

test.describe('rollouts', () => {
  test.beforeEach(async ({ playground: pg }) => {
    await pg.setSpeed(20);
    await allDaemonPodsReady(pg, NODES);
  });

  test('with maxSurge a node runs the old and the new pod together, and the old one goes once the new one is available', async ({
    playground: pg,
  }) => {
    await pg.run(patchDs('{"spec":{"updateStrategy":{"rollingUpdate":{"maxSurge":1,"maxUnavailable":0}}}}'));
    await expect(pg.dsStatus.getByTestId(TID.rolloutProgress)).toHaveAttribute('title', /maxSurge 1/);
    await pg.setSpeed(10);
    await pg.run('kubectl set image ds/fluentd fluentd=fluent/fluentd:v1.15-1 -n kube-system');

    // Live pods only: a chip fading out has lost its data-pod.
    const both = pg
      .nodes()
      .filter({ has: pg.page.locator('[data-pod][data-revision="1"]') })
      .filter({
        has: pg.page.locator('[data-pod][data-revision="2"]'),
      });
    // maxUnavailable 0: every node keeps a ready pod throughout, so the ready count never drops.
    let surged = '';
    let minReady = NODES;
    await expect
      .poll(
        async () => {
          minReady = Math.min(minReady, await pg.grid.locator('[data-pod][data-ready="true"]').count());
          if (!surged && (await both.count()) > 0) {
            surged = (await both.first().getAttribute('data-node')) ?? '';
          }
          return pg.grid.locator('[data-pod][data-revision="2"][data-ready="true"]').count();
        },
        // Four nodes one at a time, each pulling, starting and waiting minReadySeconds: a minute
        // of wall time allows for a machine whose cores are shared many times over.
        { timeout: 60_000, intervals: [100] },
      )
      .toBe(NODES);
    expect(surged, 'a node carried r1 and r2 at once').not.toBe('');
    expect(minReady).toBeGreaterThanOrEqual(NODES);
    await expect(pg.podsOn(surged)).toHaveCount(1);
    await expect(pg.podsOn(surged)).toHaveAttribute('data-revision', '2');
    await expect(pg.dsStatus.getByTestId(TID.rolloutProgress)).toContainText('4 of 4 nodes updated');
  });

  test('OnDelete changes nothing until a pod is deleted; its replacement is revision 2, the others stay on 1', async ({
    playground: pg,
  }) => {
    await pg.run(patchDs('{"spec":{"updateStrategy":{"type":"OnDelete"}}}'));
    await pg.run('kubectl set image ds/fluentd fluentd=fluent/fluentd:v1.15-1 -n kube-system');
    await expect(pg.dsStatus.getByTestId(TID.rolloutProgress)).toContainText('0 of 4 nodes updated');
    await expect(pg.dsStatus.getByTestId(TID.rolloutProgress)).toContainText('OnDelete');
    await advance(pg, 30);
    await expect(pg.grid.locator('[data-pod][data-revision="1"]')).toHaveCount(NODES);

    const victim = (await pg.podsOn('node-2').getAttribute('data-pod')) ?? '';
    await pg.run(`kubectl delete pod ${victim} -n kube-system`);
    await expect(pg.podsOn('node-2')).toHaveAttribute('data-revision', '2', { timeout: 15_000 });
    await expect(pg.podsOn('node-2')).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
    await expect(pg.podsOn('node-2')).not.toHaveAttribute('data-pod', victim);
    for (const node of ['control-plane', 'node-1', 'node-3'])
      await expect(pg.podsOn(node)).toHaveAttribute('data-revision', '1');
    await expect(pg.dsStatus.getByTestId(TID.rolloutProgress)).toContainText('1 of 4 nodes updated');
  });

  test('a crash-looping template stalls at maxUnavailable and one click on undo in the history recovers', async ({
    playground: pg,
  }) => {
    await pg.run(
      patchDs('{"spec":{"template":{"metadata":{"annotations":{"playground/behavior":"crash-loop"}}}}}'),
    );
    const crashing = pg.grid.locator('[data-pod][data-phase="CrashLoopBackOff"]');
    await expect(crashing).toHaveCount(1, { timeout: 15_000 });
    await expect(crashing).toHaveAttribute('data-revision', '2');
    await expect(pg.dsStatus.getByTestId(TID.rolloutProgress)).toContainText('stuck');
    // A minute later it is still stuck: one node broken (maxUnavailable 1), the rest on revision 1.
    await advance(pg, 60);
    await expect(crashing).toHaveCount(1);
    await expect(pg.grid.locator('[data-pod][data-revision="1"][data-ready="true"]')).toHaveCount(NODES - 1);
    await expect(pg.dsStatus.getByTestId(TID.rolloutProgress)).toContainText('1 of 4 nodes updated');
    await expect(crashing).toHaveAttribute('data-restarts', /^[1-9]/);

    // The inspector explains it with the kubelet's back-off timer and the crash's log lines.
    await pg.setSpeed(1);
    await crashing.click();
    const headline = pg.inspector.getByTestId(TID.containerHeadline);
    await expect(headline).toContainText(/restarting in [\dms]+ \(back-off [\dms]+\), restarts: [1-9]/);
    await expect(pg.inspector).toContainText('exited with code 1 (Error)');
    await pg.inspector.getByRole('button', { name: 'previous (-p)' }).click();
    await expect(pg.inspector.getByTestId(TID.podLogs)).toContainText('[error]');
    await headline.scrollIntoViewIfNeeded();
    await pg.screenshot('crash-loop-explained');

    await pg.dsStatus.getByRole('button', { name: /^History/ }).click();
    const history = pg.dsStatus.getByTestId(TID.rolloutHistory);
    await expect(history.locator('[data-revision="2"]')).toContainText(
      'added annotation playground/behavior=crash-loop',
    );
    await expect(history.locator('[data-revision="1"]')).toContainText('first revision');
    await pg.screenshot('rollout-history');

    await pg.setSpeed(20);
    await history.getByRole('button', { name: 'Undo to revision 1' }).click();
    await expect(pg.consoleOutput).toContainText(
      'kubectl rollout undo daemonset/fluentd -n kube-system --to-revision=1',
    );
    await expect(pg.consoleOutput).toContainText('daemonset.apps/fluentd rolled back');
    // Upstream moves the old template to the newest number: the pods end on revision 3.
    await expect(pg.grid.locator('[data-pod][data-revision="3"][data-ready="true"]')).toHaveCount(NODES, {
      timeout: 20_000,
    });
    await expect(crashing).toHaveCount(0);
    await expect(history.locator('[data-revision="3"]')).toContainText('current');
    await expect(pg.dsStatus.getByTestId(TID.rolloutProgress)).toContainText('rollout complete');
  });

  test('an image that cannot be pulled shows ImagePullBackOff on the chip and the time to the next pull', async ({
    playground: pg,
  }) => {
    // Ready is not yet available (minReadySeconds: 5), and update.go replaces unavailable old pods
    // at once, all of them: let the pods become available so only maxUnavailable (1) is replaced.
    await advance(pg, 6);
    await pg.run(
      patchDs(
        '{"spec":{"template":{"metadata":{"annotations":{"playground/behavior":"image-pull-error"}}}}}',
      ),
    );
    const failing = pg.grid.locator('[data-pod][data-phase="ImagePullBackOff"]');
    await expect(failing).toHaveCount(1, { timeout: 15_000 });
    await expect(failing).toContainText('ImagePullBackOff');
    await pg.setSpeed(1);
    await failing.click();
    await expect(pg.inspector.getByTestId(TID.containerHeadline)).toContainText(/pulling again in [\dms]+/);
    await expect(pg.inspector).toContainText('kubectl set image');
  });

  test('restart rollout replaces every pod with a new revision', async ({ playground: pg }) => {
    await pg.dsStatus.getByRole('button', { name: /Restart rollout/ }).click();
    await expect(pg.consoleOutput).toContainText('kubectl rollout restart daemonset/fluentd -n kube-system');
    await expect(pg.grid.locator('[data-pod][data-revision="2"][data-ready="true"]')).toHaveCount(NODES, {
      timeout: 20_000,
    });
    await pg.dsStatus.getByRole('button', { name: /^History/ }).click();
    await expect(pg.dsStatus.getByTestId(TID.rolloutHistory).locator('[data-revision="2"]')).toContainText(
      'restarted (kubectl rollout restart at',
    );
  });
});
