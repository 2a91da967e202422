// CronJobs from the console: `kubectl create cronjob` with an hourly schedule, the clock sped up
// with the speed control as a user would, and the Job's pod appearing in the grid after the start
// time; the inspector says when the next run is (pkg/controller/cronjob, nextScheduleTimeDuration).
import { TID } from '../../src/app/testIds';
import { expect, test } from './fixtures';

test.describe('CronJobs', () => {
  test('an hourly CronJob created in the console fires at the top of the hour; at 600× that is seconds of wall time', async ({
    playground: pg,
  }) => {
    await pg.run("kubectl create cronjob tidy --image=busybox:1.36 --schedule='0 * * * *' -- sh -c date");
    await expect(pg.consoleOutput).toContainText('cronjob.batch/tidy created');
    await pg.run('kubectl get cronjobs');
    await expect(pg.consoleOutput).toContainText(/tidy\s+0 \* \* \* \*\s+<none>\s+False\s+0\s+<none>/);
    const jobPods = pg.grid.locator('[data-pod^="tidy-28928220-"]');
    await expect(jobPods).toHaveCount(0);

    await pg.setSpeed(600);
    await expect(pg.speed).toHaveValue('600');
    const started = Date.now();
    // The schedule's first start is 01:00 (t = 1h); at 600× an hour of simulated time is 6 s.
    await expect(jobPods).toHaveCount(1, { timeout: 40_000 });
    const wallSeconds = (Date.now() - started) / 1000;
    test
      .info()
      .annotations.push({ type: 'wall seconds to the first run', description: wallSeconds.toFixed(1) });
    expect(wallSeconds).toBeLessThan(60);
    expect(await pg.seconds()).toBeGreaterThanOrEqual(3600);

    await pg.setSpeed(1);
    await jobPods.first().click();
    await expect(pg.inspector.getByTestId(TID.cronJobNextRun)).toContainText(
      /next run 2025-01-01T0\d:00:00Z, in/,
    );
    await expect(pg.inspector).toContainText('Job/tidy-28928220 (CronJob/tidy)');

    await pg.run('kubectl get jobs');
    await expect(pg.consoleOutput).toContainText(/tidy-28928220\s+Running/);
    await pg.screenshot('cronjob-hourly-first-run');
  });
});
