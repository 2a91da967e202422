// Cordon's taint and kubelet admission under node pressure, as a user sees them: the node card and
// the inspector name node.kubernetes.io/unschedulable:NoSchedule after a cordon, and in the gallery's
// disk-pressure scenario the rejected (Evicted) daemon pod is replaced again and again with back-off.
import { ATTR } from '../../src/app/testIds';
import { GalleryLesson } from './pages/GalleryLesson';
import { expect, test } from './fixtures';

test.describe('node pressure and cordon', () => {
  test('cordon taints the node: the card shows the taint, the inspector says daemon pods tolerate it', async ({
    playground: pg,
  }) => {
    await pg.run('kubectl cordon node-1');
    const card = pg.node('node-1');
    await expect(card).toHaveAttribute('data-cordoned', 'true');
    await expect(card.locator('[title="taint node.kubernetes.io/unschedulable:NoSchedule"]')).toBeVisible();
    await card.click();
    await expect(pg.inspector).toContainText(
      'Cordoned: node.kubernetes.io/unschedulable:NoSchedule — daemon pods tolerate it.',
    );
    await pg.run('kubectl describe node node-1');
    await expect(pg.consoleOutput).toContainText(/Taints:\s+node\.kubernetes\.io\/unschedulable:NoSchedule/);
    await pg.run('kubectl uncordon node-1');
    await expect(card).toHaveAttribute('data-cordoned', 'false');
    await expect(card.locator('[title="taint node.kubernetes.io/unschedulable:NoSchedule"]')).toHaveCount(0);
  });

  test('a daemon pod rejected under DiskPressure is shown Evicted and replaced with back-off', async ({
    playground: pg,
  }) => {
    const g = new GalleryLesson(pg);
    await g.open('daemon-pod-disk-pressure');
    await expect(pg.node('node-2')).toHaveAttribute('data-conditions', /DiskPressure/);
    const rejected = pg.podsOn('node-2').and(pg.grid.locator(`[${ATTR.workload}="fluentd"]`));
    const evicted = rejected.and(pg.grid.locator(`[${ATTR.phase}="Evicted"]`));
    await expect(evicted).toHaveCount(1, { timeout: 20_000 });
    await expect(evicted).toHaveAttribute('data-tone', 'evicted');
    const first = (await evicted.getAttribute(ATTR.pod)) ?? '';
    // The system-node-critical kube-proxy pod beside it is admitted and runs.
    await expect(
      pg.podsOn('node-2').and(pg.grid.locator(`[${ATTR.workload}="kube-proxy"][${ATTR.phase}="Running"]`)),
    ).toHaveCount(1);
    // The DaemonSet controller deletes it after its back-off and a new pod is rejected in turn.
    await pg.setSpeed(5);
    await expect(evicted).not.toHaveAttribute(ATTR.pod, first, { timeout: 20_000 });
    await expect(evicted).toHaveCount(1, { timeout: 20_000 });
    // Paused, the chip stays put while the inspector reads the controller's countdown.
    await pg.pause.click();
    await evicted.click();
    await expect(pg.inspector).toContainText(
      'Rejected by the kubelet (node pressure): The node had condition: [DiskPressure].',
    );
    await expect(pg.inspector).toContainText(
      /The kubelet rejected the pod: the node had condition DiskPressure; the DaemonSet controller retries with back-off \(next try in \d+s\)\./,
    );
    await pg.screenshot('pressure-evicted-daemon-pod');
  });
});
