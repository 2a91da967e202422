import { expect, test } from './fixtures';

test.describe('inspector', () => {
  test('explains why a tainted node has no fluentd pod', async ({ playground: pg }) => {
    await pg.setSpeed(20);
    await pg.run('sim node add node-4 --taint dedicated=gpu:NoSchedule');
    await expect(pg.node('node-4')).toBeVisible();
    const t0 = await pg.seconds();
    await expect.poll(() => pg.seconds(), { timeout: 15_000 }).toBeGreaterThan(t0 + 20);
    await expect(pg.podsOn('node-4')).toHaveCount(0);
    await pg.node('node-4').click();
    await expect(pg.inspector).toContainText('fluentd does not run here');
    await expect(pg.inspector).toContainText('dedicated=gpu:NoSchedule is not tolerated');
    await expect(pg.inspector).toContainText(
      '{key: dedicated, operator: Equal, value: "gpu", effect: NoSchedule}',
    );
    await pg.screenshot('inspector');
  });

  test('says a cordoned node keeps its daemon pod because daemon pods tolerate unschedulable', async ({
    playground: pg,
  }) => {
    await pg.run('kubectl cordon node-1');
    await pg.node('node-1').click();
    await expect(pg.inspector).toContainText(
      'node.kubernetes.io/unschedulable:NoSchedule — daemon pods tolerate it',
    );
  });

  test('shows a pod, its YAML and its events', async ({ playground: pg }) => {
    await pg.setSpeed(20);
    const chip = pg.podsOn('node-2');
    await expect(chip).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
    const name = (await chip.getAttribute('data-pod')) ?? '';
    await chip.click();
    await expect(pg.inspector).toContainText(name);
    await expect(pg.inspector).toContainText('DaemonSet/fluentd');
    await pg.inspector.getByRole('tab', { name: 'YAML' }).click();
    await expect(pg.inspector).toContainText('controller-revision-hash');
    await pg.inspector.getByRole('tab', { name: 'Events' }).click();
    await expect(pg.inspector).toContainText('Scheduled');
  });
});
