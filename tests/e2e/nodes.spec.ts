import { expect, test } from './fixtures';

test.describe('node actions from the grid', () => {
  test.beforeEach(async ({ playground: pg }) => {
    await pg.setSpeed(20);
    await expect(pg.podsOn('node-2')).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
  });

  test('the node menu shows the command behind each action and opens from the keyboard', async ({
    playground: pg,
    page,
  }) => {
    await pg.node('node-2').focus();
    await page.keyboard.press('Shift+F10');
    await expect(pg.nodeMenu).toBeVisible();
    await expect(pg.nodeMenu.getByRole('menuitem', { name: /^Label/ })).toBeFocused();
    await expect(pg.nodeMenu).toContainText('kubectl drain node-2 --ignore-daemonsets');
    await expect(pg.nodeMenu).toContainText('sim node fail node-2');
    await pg.screenshot('node-menu');
    await page.keyboard.press('Escape');
    await expect(pg.nodeMenu).toBeHidden();
  });

  test('adding a node from the dialog gives it a daemon pod and prints the command', async ({
    playground: pg,
    page,
  }) => {
    await page.getByTestId('add-node').click();
    await expect(pg.nodeDialog).toBeVisible();
    await pg.nodeDialog.getByLabel('Name').fill('node-4');
    await pg.nodeDialog.getByLabel(/Labels/).fill('disktype=ssd');
    await pg.nodeDialog.getByRole('button', { name: 'Run' }).click();
    await expect(pg.consoleOutput).toContainText(
      'sim node add node-4 --label disktype=ssd --cpu 4 --memory 8Gi',
    );
    await expect(pg.node('node-4')).toBeVisible();
    await expect(pg.podsOn('node-4')).toHaveCount(1);
    await expect(pg.podsOn('node-4')).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
  });

  test('a NoExecute taint evicts the daemon pod that does not tolerate it, and no new one comes', async ({
    playground: pg,
  }) => {
    // Paused, the eviction holds still: the chip turns Terminating and stays until time moves.
    await pg.pause.click();
    await pg.nodeAction('node-2', /^Taint/);
    await pg.nodeDialog.getByLabel('Key').fill('maintenance');
    await pg.nodeDialog.getByLabel(/Value/).fill('true');
    await pg.nodeDialog.getByLabel('Effect').selectOption('NoExecute');
    await pg.nodeDialog.getByRole('button', { name: 'Run' }).click();
    await expect(pg.consoleOutput).toContainText('kubectl taint nodes node-2 maintenance=true:NoExecute');
    await expect(pg.node('node-2')).toContainText('maintenance=true:NoExecute');
    await expect(pg.podsOn('node-2')).toHaveAttribute('data-phase', 'Terminating');
    await pg.screenshot('eviction');
    await pg.setSpeed(20);
    await pg.play.click();
    await expect(pg.podsOn('node-2')).toHaveCount(0, { timeout: 15_000 });
    // The other nodes keep theirs; a minute later node-2 still has none.
    const t0 = await pg.seconds();
    await expect.poll(() => pg.seconds(), { timeout: 15_000 }).toBeGreaterThan(t0 + 60);
    await expect(pg.podsOn('node-2')).toHaveCount(0);
    await expect(pg.podsOn('node-1')).toHaveCount(1);
  });

  test('cordoning marks the node SchedulingDisabled and keeps its daemon pod', async ({ playground: pg }) => {
    const pod = await pg.podsOn('node-3').getAttribute('data-pod');
    await pg.nodeAction('node-3', /^Cordon/);
    await expect(pg.consoleOutput).toContainText('kubectl cordon node-3');
    await expect(pg.node('node-3')).toHaveAttribute('data-cordoned', 'true');
    await expect(pg.node('node-3')).toContainText('SchedulingDisabled');
    const t0 = await pg.seconds();
    await expect.poll(() => pg.seconds(), { timeout: 15_000 }).toBeGreaterThan(t0 + 30);
    await expect(pg.podsOn('node-3')).toHaveAttribute('data-pod', pod ?? '');
    await expect(pg.podsOn('node-3')).toHaveAttribute('data-ready', 'true');
    await pg.nodeAction('node-3', /^Uncordon/);
    await expect(pg.node('node-3')).toHaveAttribute('data-cordoned', 'false');
  });

  test('a failed node turns NotReady and keeps its daemon pod', async ({ playground: pg }) => {
    test.slow();
    const pod = await pg.podsOn('node-1').getAttribute('data-pod');
    await pg.nodeAction('node-1', /^Fail/);
    await expect(pg.consoleOutput).toContainText('sim node fail node-1');
    // NotReady once the node-monitor grace period (50 s) has passed without heartbeats, then the
    // unreachable NoExecute taint: daemon pods tolerate it forever, so the pod is not evicted.
    await expect(pg.node('node-1')).not.toHaveAttribute('data-ready', 'Ready', { timeout: 20_000 });
    await expect(pg.node('node-1')).toContainText('NotReady');
    await expect(pg.node('node-1')).toContainText('node.kubernetes.io/unreachable:NoExecute', {
      timeout: 20_000,
    });
    const t0 = await pg.seconds();
    await expect.poll(() => pg.seconds(), { timeout: 20_000 }).toBeGreaterThan(t0 + 60);
    await expect(pg.podsOn('node-1')).toHaveAttribute('data-pod', pod ?? '');
    await pg.nodeAction('node-1', /^Recover/);
    await expect(pg.node('node-1')).toHaveAttribute('data-ready', 'Ready', { timeout: 20_000 });
  });
});
