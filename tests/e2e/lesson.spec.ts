import { GalleryLesson } from './pages/GalleryLesson';
import { expect, test } from './fixtures';

test.describe('workshop lessons', () => {
  test('node maintenance is completed by typing the right commands in the console', async ({
    playground: pg,
  }) => {
    const g = new GalleryLesson(pg);
    await g.open('lesson-node-maintenance');
    await pg.setSpeed(20);
    await expect(g.lesson).toBeVisible();
    await expect(g.progress).toHaveText('0 / 3');
    await expect(g.task).toContainText('Stop new pods from landing on node-2');

    // Hints come one at a time, until there are none left.
    await expect(g.hint).toHaveText('Hint 1 of 2');
    await g.hint.click();
    await expect(g.task).toContainText('cordon');
    await g.hint.click();
    await expect(g.task.locator('code', { hasText: 'kubectl cordon node-2' })).toBeVisible();
    await expect(g.hint).toBeDisabled();

    await pg.run('kubectl cordon node-2');
    await expect(g.progress).toHaveText('1 / 3');
    await expect(g.lesson.locator('[data-passed="true"]')).toHaveCount(1);
    await expect(g.task).toContainText('Move the web pods off node-2');

    // The tempting command fails and counts for nothing; the right one does.
    await pg.run('kubectl drain node-2');
    await expect(pg.consoleOutput).toContainText('use --ignore-daemonsets to ignore');
    await expect(g.progress).toHaveText('1 / 3');
    await pg.run('kubectl drain node-2 --ignore-daemonsets');
    await expect(g.progress).toHaveText('2 / 3', { timeout: 20_000 });

    await pg.run('kubectl uncordon node-2');
    await expect(g.progress).toHaveText('3 / 3');
    await expect(g.lesson).toContainText('All tasks done');
    await expect(g.lesson.locator('[data-passed="true"]')).toHaveCount(3);
    await pg.screenshot('lesson-done');
  });

  test('your first DaemonSet is completed with kubectl alone, and Restart starts it over', async ({
    playground: pg,
    page,
  }) => {
    const g = new GalleryLesson(pg);
    await g.open('lesson-first-daemonset');
    await pg.setSpeed(20);
    await expect(g.progress).toHaveText('0 / 3');
    await pg.run(
      `kubectl patch ds fluentd -n kube-system --type json -p '[{"op":"add","path":"/spec/template/spec/tolerations","value":[{"key":"node-role.kubernetes.io/control-plane","operator":"Exists","effect":"NoSchedule"}]}]'`,
    );
    await expect(g.progress).toHaveText('1 / 3', { timeout: 20_000 });
    await pg.run('kubectl taint node node-3 tenant=acme:NoExecute');
    await expect(g.progress).toHaveText('2 / 3', { timeout: 20_000 });
    await pg.run('kubectl set image ds/fluentd fluentd=fluent/fluentd:v1.17-1 -n kube-system');
    await expect(g.progress).toHaveText('3 / 3', { timeout: 30_000 });

    // Restart discards the lesson's progress: it asks first.
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('restart').click();
    await expect(g.progress).toHaveText('0 / 3');
  });

  test('presenter mode enlarges the lesson text and the grid', async ({ playground: pg }) => {
    const g = new GalleryLesson(pg);
    await g.open('lesson-node-maintenance');
    const size = () => g.task.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    // The grid scales itself to the room it has (nodeGrid.ts), at least 1.3 times in presenter mode.
    const zoom = () => pg.grid.getAttribute('data-scale');
    const before = await size();
    await g.presenter.click();
    await expect(g.presenter).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(size).toBeGreaterThan(before * 1.3);
    expect(Number(await zoom())).toBeGreaterThan(1.2);
    await pg.screenshot('lesson-presenter');
    await g.presenter.click();
    await expect.poll(size).toBe(before);
  });
});
