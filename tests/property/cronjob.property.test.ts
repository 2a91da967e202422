// Invariants of the CronJob controller (pkg/controller/cronjob/cronjob_controllerv2.go syncCronJob,
// cleanupFinishedJobs) over random schedules, policies, limits and Job outcomes, with fast-check on
// a fixed seed: Forbid never lets two Jobs run at once; each start time gets one Job, named after
// it, never created twice; after every sync the finished Jobs kept stay within the history limits;
// nothing is started before its start time.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Job } from '../../src/engine/api/types';
import { SIM_EPOCH_MS } from '../../src/engine/clock/clock';
import { newCronJob, newNodes } from '../fixtures/builders';
import { newCluster } from '../fixtures/cluster';

const shape = fc.record({
  schedule: fc.constantFrom('*/1 * * * *', '*/2 * * * *', '*/5 * * * *', '0,20,40 * * * *', '@every 90s'),
  concurrencyPolicy: fc.constantFrom('Allow' as const, 'Forbid' as const, 'Replace' as const),
  runSeconds: fc.integer({ min: 5, max: 400 }),
  exitCode: fc.constantFrom(0, 0, 1),
  successfulJobsHistoryLimit: fc.integer({ min: 0, max: 4 }),
  failedJobsHistoryLimit: fc.integer({ min: 0, max: 2 }),
  startingDeadlineSeconds: fc.option(fc.integer({ min: 1, max: 120 }), { nil: undefined }),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
});

const finished = (j: Job, type: 'Complete' | 'Failed') =>
  (j.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');

describe('property · CronJob controller (cronjob_controllerv2.go, fast-check, fixed seed)', () => {
  it('Forbid never runs two Jobs; one Job per start time; history within the limits after each sync', () => {
    fc.assert(
      fc.property(shape, (c) => {
        const { seed, ...opts } = c;
        const sim = newCluster(
          [...newNodes(1, 2), newCronJob('cj', { ...opts, backoffLimit: 0, restartPolicy: 'Never' })],
          seed,
        );
        let mostRunning = 0;
        const created = new Map<string, string>();
        let early = 0;
        sim.api.store.watch('Job', (e) => {
          const job = e.object as Job;
          if (e.type === 'ADDED') {
            const scheduled =
              job.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp'] ?? '';
            // One Job per start time, named after it: the same name is never made twice.
            expect(created.has(job.metadata.name)).toBe(false);
            created.set(job.metadata.name, scheduled);
            const at = (Date.parse(scheduled) - SIM_EPOCH_MS) / 1000;
            if (at > sim.now()) early++;
            expect(job.metadata.name).toBe(`cj-${Math.floor(Date.parse(scheduled) / 60_000)}`);
          }
          const running = sim.api
            .list<Job>('Job')
            .filter((j) => !finished(j, 'Complete') && !finished(j, 'Failed')).length;
          mostRunning = Math.max(mostRunning, running);
        });
        for (let t = 37; t <= 1800; t += 37) {
          sim.runUntil(t);
          const jobs = sim.api.list<Job>('Job');
          expect(jobs.filter((j) => finished(j, 'Complete')).length).toBeLessThanOrEqual(
            opts.successfulJobsHistoryLimit,
          );
          expect(jobs.filter((j) => finished(j, 'Failed')).length).toBeLessThanOrEqual(
            opts.failedJobsHistoryLimit,
          );
        }
        expect(early).toBe(0);
        // (With a starting deadline, `@every` counts from now − deadline and may never come due:
        // upstream's mostRecentScheduleTime does the same.)
        if (opts.startingDeadlineSeconds === undefined) expect(created.size).toBeGreaterThan(0);
        if (opts.concurrencyPolicy === 'Forbid') expect(mostRunning).toBeLessThanOrEqual(1);
        // Start times are distinct: no two Jobs for the same scheduled time.
        expect(new Set(created.values()).size).toBe(created.size);
      }),
      { seed: 20261203, numRuns: 40 },
    );
  });
});
