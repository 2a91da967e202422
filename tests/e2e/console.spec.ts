import { expect, test } from './fixtures';

test.describe('kubectl console', () => {
  test('prints kubectl output and walks the history with the arrow keys', async ({ playground: pg }) => {
    await pg.run('kubectl get nodes');
    await expect(pg.consoleOutput).toContainText(/NAME\s+STATUS\s+ROLES/);
    await expect(pg.consoleOutput).toContainText('control-plane');
    await pg.run('kubectl get ds -n kube-system');
    await expect(pg.consoleOutput).toContainText(/DESIRED\s+CURRENT/);
    await pg.consoleInput.press('ArrowUp');
    await expect(pg.consoleInput).toHaveValue('kubectl get ds -n kube-system');
    await pg.consoleInput.press('ArrowUp');
    await expect(pg.consoleInput).toHaveValue('kubectl get nodes');
    await pg.consoleInput.press('ArrowDown');
    await pg.consoleInput.press('ArrowDown');
    await expect(pg.consoleInput).toHaveValue('');
  });

  test('completes names with Tab and lists the choices when there are several', async ({
    playground: pg,
  }) => {
    await pg.consoleInput.fill('kubectl describe ds -n kube-system flu');
    await pg.consoleInput.press('Tab');
    await expect(pg.consoleInput).toHaveValue('kubectl describe ds -n kube-system fluentd ');
    await pg.consoleInput.fill('kubectl cordon node-');
    await pg.consoleInput.press('Tab');
    await expect(pg.consoleOutput).toContainText(/node-1\s+node-2\s+node-3/);
    await expect(pg.consoleInput).toHaveValue('kubectl cordon node-');
  });

  test('streams a -w watch until Ctrl+C', async ({ playground: pg }) => {
    // Let the first pods become available, so the rollout goes node by node and keeps changing.
    await pg.setSpeed(20);
    await expect(pg.podsOn('node-3')).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
    await pg.setSpeed(5);
    await pg.run('kubectl set image ds/fluentd fluentd=fluent/fluentd:v1.15-1 -n kube-system');
    await pg.run('kubectl get pods -n kube-system -w');
    const watchLines = pg.consoleOutput.locator('.console__line--watch');
    await expect(watchLines.first()).toBeVisible({ timeout: 20_000 });
    await pg.consoleInput.press('Control+c');
    await expect(pg.consoleOutput).toContainText('^C');
    await expect(pg.consoleInput).toHaveAttribute('placeholder', /kubectl/);
    // Nothing more streams once the watch is stopped.
    const lines = await watchLines.count();
    const t0 = await pg.seconds();
    await expect.poll(() => pg.seconds(), { timeout: 15_000 }).toBeGreaterThan(t0 + 20);
    await expect(watchLines).toHaveCount(lines);
  });

  test("an unknown command answers with kubectl's own error", async ({ playground: pg }) => {
    await pg.run('kubectl frobnicate');
    await expect(pg.consoleOutput).toContainText('error: unknown command "frobnicate" for "kubectl"');
  });
});
