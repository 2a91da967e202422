// pkg/controller/cronjob/utils.go: mostRecentScheduleTime (including the "> 100 missed" case),
// nextScheduleTimeDuration (nextScheduleDelta), nextScheduleTime, getJobFromTemplate2,
// getTimeHashInMinutes and byJobStartTime.
import { describe, expect, it } from 'vitest';
import type { CronJob, Job } from '../../../../../src/engine/api/types';
import { parseStandard } from '../../../../../src/engine/clock/cron';
import type { CronSchedule } from '../../../../../src/engine/clock/cron';
import {
  byJobStartTime,
  jobFromTemplate,
  mostRecentScheduleTime,
  nextScheduleTime,
  nextScheduleTimeDuration,
} from '../../../../../src/engine/controllers/cronjob/utils';
import { newCronJob } from '../../../../fixtures/builders';

const T = (iso: string) => Date.parse(iso);
const show = (ms: number | undefined) => (ms === undefined ? undefined : new Date(ms).toISOString());

function schedule(spec: string, zone?: string): CronSchedule {
  const p = parseStandard(spec, zone);
  if (!p.ok) throw new Error(p.error);
  return p.schedule;
}

function cronJob(opts: { created: string; last?: string; deadline?: number; schedule?: string }): CronJob {
  const cj = newCronJob('cj', {
    schedule: opts.schedule ?? '*/1 * * * *',
    ...(opts.deadline !== undefined ? { startingDeadlineSeconds: opts.deadline } : {}),
  });
  cj.metadata.creationTimestamp = opts.created;
  if (opts.last) cj.status = { lastScheduleTime: opts.last };
  return cj;
}

describe('utils.go mostRecentScheduleTime', () => {
  it.each([
    // [case, created, last, now, schedule, deadline, mostRecent, missed]
    [
      'now before the first start: nothing due',
      '2025-01-01T00:00:00Z',
      undefined,
      '2025-01-01T00:00:30Z',
      '*/1 * * * *',
      undefined,
      undefined,
      'none',
    ],
    [
      'between the first two starts: the first',
      '2025-01-01T00:00:00Z',
      undefined,
      '2025-01-01T00:01:30Z',
      '*/1 * * * *',
      undefined,
      '2025-01-01T00:01:00.000Z',
      'none',
    ],
    [
      'a few missed: the latest one only',
      '2025-01-01T00:00:00Z',
      undefined,
      '2025-01-01T00:05:10Z',
      '*/1 * * * *',
      undefined,
      '2025-01-01T00:05:00.000Z',
      'few',
    ],
    [
      'counted from lastScheduleTime, not creation',
      '2025-01-01T00:00:00Z',
      '2025-01-01T00:04:00Z',
      '2025-01-01T00:05:10Z',
      '*/1 * * * *',
      undefined,
      '2025-01-01T00:05:00.000Z',
      'none',
    ],
    [
      'more than 100 missed: "many", still the latest',
      '2025-01-01T00:00:00Z',
      undefined,
      '2025-01-01T02:00:30Z',
      '*/1 * * * *',
      undefined,
      '2025-01-01T02:00:00.000Z',
      'many',
    ],
    [
      'an irregular schedule (30 6-16/4 * * 1-5) over a weekend',
      '2025-01-03T00:00:00Z',
      undefined,
      '2025-01-06T12:00:00Z',
      '30 6-16/4 * * 1-5',
      undefined,
      '2025-01-06T10:30:00.000Z',
      'few',
    ],
  ] as const)('%s', (_case, created, last, now, spec, deadline, expected, missed) => {
    const cj = cronJob({
      created,
      ...(last ? { last } : {}),
      ...(deadline !== undefined ? { deadline } : {}),
    });
    const r = mostRecentScheduleTime(cj, T(now), schedule(spec), true);
    expect(show(r.mostRecent)).toBe(expected);
    expect(r.missed).toBe(missed);
  });

  it('startingDeadlineSeconds moves the earliest time up: with 200 s, two hours of misses are not "many"', () => {
    const cj = cronJob({ created: '2025-01-01T00:00:00Z', deadline: 200 });
    const r = mostRecentScheduleTime(cj, T('2025-01-01T02:00:30Z'), schedule('*/1 * * * *'), true);
    expect(show(r.earliest)).toBe('2025-01-01T01:57:10.000Z');
    expect(r.missed).toBe('few');
    expect(show(r.mostRecent)).toBe('2025-01-01T02:00:00.000Z');
  });

  it('a schedule that parses but never fires is an error ("time difference … less than 1 second")', () => {
    const cj = cronJob({ created: '2025-01-01T00:00:00Z' });
    const r = mostRecentScheduleTime(cj, T('2025-06-01T00:00:00Z'), schedule('0 0 30 2 *'), true);
    expect(r.error).toBe('time difference between two schedules is less than 1 second');
    expect(nextScheduleTime(cj, T('2025-06-01T00:00:00Z'), schedule('0 0 30 2 *')).error).toBe(r.error);
  });
});

describe('utils.go nextScheduleTimeDuration (100 ms past the next start) and nextScheduleTime', () => {
  it.each([
    ['*/1 * * * *', '2025-01-01T00:00:00Z', 60_100],
    ['0 * * * *', '2025-01-01T00:00:00Z', 3_600_100],
    ['0 * * * *', '2025-01-01T00:59:59Z', 1_100],
    ['@every 90s', '2025-01-01T00:00:00Z', 90_100],
  ])('%s, now %s → %i ms', (spec, now, expected) => {
    const cj = cronJob({ created: '2025-01-01T00:00:00Z' });
    expect(nextScheduleTimeDuration(cj, T(now), schedule(spec))).toBe(expected);
  });

  it('after a run the wait counts from the most recent start, not from now', () => {
    const cj = cronJob({ created: '2025-01-01T00:00:00Z', last: '2025-01-01T01:00:00Z' });
    expect(nextScheduleTimeDuration(cj, T('2025-01-01T01:00:00.100Z'), schedule('0 * * * *'))).toBe(
      3_600_000,
    );
  });

  it('nextScheduleTime flags more than 100 missed start times (TooManyMissedTimes)', () => {
    const cj = cronJob({ created: '2025-01-01T00:00:00Z' });
    expect(nextScheduleTime(cj, T('2025-01-01T02:00:30Z'), schedule('*/1 * * * *'))).toEqual({
      time: T('2025-01-01T02:00:00Z'),
      tooManyMissed: true,
    });
  });
});

describe('utils.go getJobFromTemplate2 and getTimeHashInMinutes', () => {
  it('names the Job <cronjob>-<minutes since the epoch>, annotates the scheduled time and sets the controller', () => {
    const cj = newCronJob('backup', { timeZone: 'Europe/Berlin' });
    cj.metadata.uid = 'cj-uid';
    cj.spec.jobTemplate.metadata = { labels: { app: 'backup' }, annotations: { team: 'ops' } };
    const job = jobFromTemplate(cj, T('2025-01-01T01:00:00Z'));
    expect(job.metadata.name).toBe(`backup-${T('2025-01-01T01:00:00Z') / 60_000}`);
    expect(job.metadata.name).toBe('backup-28928220');
    expect(job.metadata.labels).toEqual({ app: 'backup' });
    expect(job.metadata.annotations).toEqual({
      team: 'ops',
      'batch.kubernetes.io/cronjob-scheduled-timestamp': '2025-01-01T02:00:00+01:00',
    });
    expect(job.metadata.ownerReferences).toEqual([
      {
        apiVersion: 'batch/v1',
        kind: 'CronJob',
        name: 'backup',
        uid: 'cj-uid',
        controller: true,
        blockOwnerDeletion: true,
      },
    ]);
    expect(job.spec).toEqual(cj.spec.jobTemplate.spec);
    expect(job.spec).not.toBe(cj.spec.jobTemplate.spec);
  });

  it('byJobStartTime sorts by startTime, unstarted last, names breaking ties', () => {
    const job = (name: string, startTime?: string): Job =>
      ({ kind: 'Job', metadata: { name }, spec: {}, ...(startTime ? { status: { startTime } } : {}) }) as Job;
    const sorted = [
      job('d'),
      job('c', '2025-01-01T00:02:00Z'),
      job('b', '2025-01-01T00:01:00Z'),
      job('a', '2025-01-01T00:02:00Z'),
    ].sort(byJobStartTime);
    expect(sorted.map((j) => j.metadata.name)).toEqual(['b', 'a', 'c', 'd']);
  });
});
