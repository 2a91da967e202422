// kube-bench done right: one Job per node. Each pod runs 20 simulated seconds, exits 0 and stays
// Completed (phase Succeeded, not restarted); `kubectl get jobs` says Complete 1/1 for each.
import { TID } from '../../src/app/testIds';
import { GalleryLesson } from './pages/GalleryLesson';
import { expect, test } from './fixtures';

test.describe('Jobs', () => {
  test('the kube-bench Job per node completes on every node and kubectl get jobs says Complete 1/1', async ({
    playground: pg,
  }) => {
    const g = new GalleryLesson(pg);
    await g.open('kube-bench-job-per-node');
    await pg.setSpeed(20);
    const completed = pg.grid.locator('[data-pod][data-phase="Completed"]');
    await expect(completed).toHaveCount(3, { timeout: 30_000 });
    for (const node of ['node-1', 'node-2', 'node-3'])
      await expect(pg.podsOn(node)).toHaveAttribute('data-phase', 'Completed');

    await pg.run('kubectl get jobs');
    for (const n of [1, 2, 3])
      await expect(pg.consoleOutput).toContainText(new RegExp(`kube-bench-node-${n}\\s+Complete\\s+1/1`));

    // The inspector says why a finished Job pod is left alone.
    await completed.first().click();
    await expect(pg.inspector.getByTestId(TID.containerHeadline)).toContainText(
      "completed: exit code 0; a Job's pods are not restarted",
    );
    await pg.screenshot('jobs-kube-bench-per-node');
  });
});
