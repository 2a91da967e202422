import { expect, test } from './fixtures';

// `kubectl rollout status` exits once the rollout is done (rollout_status.go: UntilWithSync stops
// when the status viewer says done), so the console leaves its watching state by itself.
test.describe('rollout status', () => {
  test('the console stops watching by itself when the rollout has rolled out', async ({ playground: pg }) => {
    await expect(pg.grid.locator('[data-pod][data-ready="true"]')).not.toHaveCount(0, { timeout: 15_000 });
    // Paused, the rollout cannot finish before the watch starts, however slow the machine.
    await pg.pauseAndReadClock();
    await pg.run('kubectl set image ds/fluentd fluentd=fluent/fluentd:v1.15-1 -n kube-system');
    await expect(pg.consoleOutput).toContainText('daemonset.apps/fluentd image updated');
    await pg.run('kubectl rollout status ds/fluentd -n kube-system');
    await expect(pg.consoleInput).toHaveAttribute('data-watching', 'true');
    await pg.setSpeed(20);
    await pg.play.click();
    await expect(pg.consoleOutput).toContainText('daemon set "fluentd" successfully rolled out', {
      timeout: 60_000,
    });
    await expect(pg.consoleInput).toHaveAttribute('data-watching', 'false');
    await expect(pg.consoleInput).toHaveAttribute('placeholder', 'kubectl get pods -A -o wide');
    await expect(pg.page.getByRole('button', { name: /Stop/ })).toHaveCount(0);
  });

  test('--watch=false prints one status and never watches', async ({ playground: pg }) => {
    // Pods of the old revision first, then paused: the rollout is surely still to do when asked.
    await expect(pg.grid.locator('[data-pod][data-ready="true"]')).not.toHaveCount(0, { timeout: 15_000 });
    await pg.pauseAndReadClock();
    await pg.run('kubectl set image ds/fluentd fluentd=fluent/fluentd:v1.15-1 -n kube-system');
    await pg.run('kubectl rollout status ds/fluentd -n kube-system --watch=false');
    await expect(pg.consoleOutput).toContainText('Waiting for daemon set');
    await expect(pg.consoleInput).toHaveAttribute('data-watching', 'false');
  });
});
