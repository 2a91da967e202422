// The inspector's account of a CronJob's runs: the next start time as nextScheduleTimeDuration
// computes it (pkg/controller/cronjob/utils.go), the concurrency policy and the history limits
// (cleanupFinishedJobs); and "Controlled by" naming the CronJob behind a Job's pod.
import { describe, expect, it } from 'vitest';
import type { CronJob, Job, Pod } from '../../../../src/engine/api/types';
import { explainCronJobRuns } from '../../../../src/engine/explain/cronJobRuns';
import { ownerText } from '../../../../src/app/model/orphans';
import { newCronJob, newNode } from '../../../fixtures/builders';
import { newCluster } from '../../../fixtures/cluster';

describe('explainCronJobRuns · when the CronJob runs next', () => {
  it.each([
    ['0 * * * *', undefined, 0, 'next run 2025-01-01T01:00:00Z, in 1h'],
    ['0 * * * *', undefined, 3000, 'next run 2025-01-01T01:00:00Z, in 10m'],
    ['*/15 * * * *', undefined, 1000, 'next run 2025-01-01T00:30:00Z, in 13m20s'],
    ['0 2 * * *', 'Europe/Berlin', 0, 'next run 2025-01-01T02:00:00+01:00, in 1h'],
  ])('%s (zone %s) at t=%is: %s', (schedule, timeZone, t, headline) => {
    const sim = newCluster([
      newNode('n1'),
      newCronJob('cj', { schedule, ...(timeZone ? { timeZone } : {}) }),
    ]);
    sim.runUntil(t);
    const cj = sim.api.get<CronJob>('CronJob', 'default', 'cj')!;
    expect(explainCronJobRuns(cj, sim.now()).headline).toBe(headline);
  });

  it('after a run: the last schedule, the last success, the policy and the history it keeps', () => {
    const sim = newCluster([
      newNode('n1'),
      newCronJob('cj', { schedule: '*/15 * * * *', concurrencyPolicy: 'Forbid', runSeconds: 30 }),
    ]);
    sim.runUntil(1000);
    const e = explainCronJobRuns(sim.api.get<CronJob>('CronJob', 'default', 'cj')!, sim.now());
    expect(e.sentences[0]).toBe('Schedule */15 * * * * (UTC, the controller manager’s zone).');
    expect(e.sentences[1]).toMatch(
      /^Last scheduled 2025-01-01T00:15:00Z; last success finished 2025-01-01T00:15:3\dZ\.$/,
    );
    expect(e.sentences).toContain(
      'It keeps the last 3 successful Jobs and 1 failed Job; older ones are deleted with their pods.',
    );
    expect(e.sentences.some((s) => s.startsWith('concurrencyPolicy Forbid'))).toBe(true);
  });

  it('a suspended CronJob has no next run', () => {
    const sim = newCluster([newNode('n1'), newCronJob('cj', { suspend: true })]);
    expect(explainCronJobRuns(sim.api.get<CronJob>('CronJob', 'default', 'cj')!, 0).headline).toBe(
      'suspended: no new runs until spec.suspend is false',
    );
  });

  it('"Controlled by" names the CronJob behind the Job, as it names a ReplicaSet’s Deployment', () => {
    const sim = newCluster([newNode('n1'), newCronJob('cj', { runSeconds: 600 })]);
    sim.runUntil(61);
    const pod = sim.api.list<Pod>('Pod')[0]!;
    const job = sim.api.list<Job>('Job')[0]!;
    const text = ownerText(pod, (uid) => (uid === job.metadata.uid ? 'cj' : undefined));
    expect(text).toBe(`Job/${job.metadata.name} (CronJob/cj)`);
  });
});
