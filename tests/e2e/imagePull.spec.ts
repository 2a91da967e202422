// Image references behave like a registry: `kubectl set image` to a tag the registry does not
// have (fluentd's tags carry an image revision: v1.15-1, not v1.15) stalls the rollout at
// maxUnavailable with ImagePullBackOff, the inspector gives the registry's answer, and
// `kubectl rollout undo` rescues it, all from the console.
import { TID } from '../../src/app/testIds';
import { expect, test } from './fixtures';
import { advance, allDaemonPodsReady } from './pages/workloads';

const NODES = 4;

test.describe('image pulls answered by the registry', () => {
  test("a typo'd tag stalls the rollout with ImagePullBackOff, and rollout undo rescues it", async ({
    playground: pg,
  }) => {
    await pg.setSpeed(20);
    await allDaemonPodsReady(pg, NODES);
    await pg.run('kubectl set image ds/fluentd fluentd=fluent/fluentd:v1.15 -n kube-system');
    await expect(pg.consoleOutput).toContainText('daemonset.apps/fluentd image updated');

    // maxUnavailable 1: one node's pod is replaced by one that cannot pull; the others stay.
    const failing = pg.grid.locator('[data-pod][data-phase="ImagePullBackOff"]');
    await expect(failing).toHaveCount(1, { timeout: 20_000 });
    await expect(failing).toHaveAttribute('data-revision', '2');
    await expect(pg.grid.locator('[data-pod][data-revision="1"][data-ready="true"]')).toHaveCount(NODES - 1);
    // Time does not help: the back-off grows, the rollout does not move.
    await advance(pg, 60);
    await expect(failing).toHaveCount(1);
    await expect(pg.grid.locator('[data-pod][data-revision="1"][data-ready="true"]')).toHaveCount(NODES - 1);
    await expect(pg.dsStatus.getByTestId(TID.rolloutProgress)).toContainText('1 of 4 nodes updated');

    // The inspector says what the registry answered, and which tags do exist.
    await pg.setSpeed(1);
    await failing.click();
    await expect(pg.inspector.getByTestId(TID.containerHeadline)).toContainText(
      /pulling again in [\dms]+|waiting to pull again/,
    );
    await expect(pg.inspector).toContainText(
      'tag v1.15 does not exist for docker.io/fluent/fluentd; known tags: v1.15-1, v1.15-debian-1',
    );
    await pg.screenshot('image-pull-registry-answer');

    await pg.run('kubectl events -n kube-system --types=Warning');
    await expect(pg.consoleOutput).toContainText(
      'failed to resolve reference "docker.io/fluent/fluentd:v1.15": docker.io/fluent/fluentd:v1.15: not found',
    );

    await pg.setSpeed(20);
    await pg.run('kubectl rollout undo ds/fluentd -n kube-system');
    await expect(pg.consoleOutput).toContainText('daemonset.apps/fluentd rolled back');
    // Upstream moves the old template to the newest number: every pod ends on revision 3.
    await expect(pg.grid.locator('[data-pod][data-revision="3"][data-ready="true"]')).toHaveCount(NODES, {
      timeout: 20_000,
    });
    await expect(failing).toHaveCount(0);
    await expect(pg.dsStatus.getByTestId(TID.rolloutProgress)).toContainText('rollout complete');
  });
});
