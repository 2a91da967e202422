// Schedule arithmetic and Job stamping of the CronJob controller, after pkg/controller/cronjob/
// utils.go (mostRecentScheduleTime, nextScheduleTimeDuration, nextScheduleTime, getJobFromTemplate2,
// getTimeHashInMinutes, byJobStartTime). Times are epoch milliseconds.
import type { CronJob, Job, ObjectReference } from '../../api/types';
import { ANNOTATION_CRONJOB_SCHEDULED_TIMESTAMP } from '../../api/wellKnown';
import { deepClone } from '../../api/clone';
import type { CronSchedule } from '../../clock/cron';
import { wallTime } from '../../clock/timeZone';
import { newControllerRef } from '../controllerRef';

/** How many start times went by unnoticed: none, a few, or more than 100. */
export type MissedSchedules = 'none' | 'few' | 'many';

export interface MostRecent {
  /** The last schedule time, or the CronJob's creation (moved up to now − startingDeadlineSeconds when asked). */
  earliest: number;
  /** The latest start time in (earliest, now], if any. */
  mostRecent: number | undefined;
  missed: MissedSchedules;
  /** The edge case of a schedule that parses but never fires (`0 0 30 2 *`). */
  error?: string;
}

// nextScheduleDelta: a requeue lands 100 ms after the start time, so a slightly early clock still
// finds the time passed.
export const NEXT_SCHEDULE_DELTA_MS = 100;

// Beyond this many missed start times the controller says so (TooManyMissedTimes) but still starts the latest.
const TOO_MANY_MISSED = 100;

const stamp = (ts: string | undefined) => (ts ? Date.parse(ts) : NaN);

/**
 * mostRecentScheduleTime finds the latest start time not later than now without walking every
 * missed one: it measures the interval between the first two start times after `earliest`,
 * estimates how many intervals fit before now, and scans only the last stretch.
 */
export function mostRecentScheduleTime(
  cj: CronJob,
  now: number,
  schedule: CronSchedule,
  includeStartingDeadlineSeconds: boolean,
): MostRecent {
  let earliest = stamp(cj.metadata.creationTimestamp);
  const last = stamp(cj.status?.lastScheduleTime);
  if (!Number.isNaN(last)) earliest = last;
  const deadline = cj.spec.startingDeadlineSeconds;
  if (includeStartingDeadlineSeconds && deadline !== undefined && now - deadline * 1000 > earliest)
    earliest = now - deadline * 1000;
  const t1 = schedule.next(earliest);
  const t2 = t1 === undefined ? undefined : schedule.next(t1);
  if (t1 !== undefined && now < t1) return { earliest, mostRecent: undefined, missed: 'none' };
  if (t1 !== undefined && t2 !== undefined && now < t2) return { earliest, mostRecent: t1, missed: 'none' };
  const interval = t1 === undefined || t2 === undefined ? 0 : Math.round((t2 - t1) / 1000);
  if (interval < 1)
    return {
      earliest,
      mostRecent: undefined,
      missed: 'none',
      error: 'time difference between two schedules is less than 1 second',
    };
  const elapsed = Math.trunc((now - t1!) / 1000);
  const count = Math.trunc(elapsed / interval) + 1;
  // One interval further back than the estimate, so an irregular schedule (`30 6-16/4 * * 1-5`)
  // is still scanned from before its latest start time.
  const from = t1! + (count - 2) * interval * 1000;
  let mostRecent: number | undefined;
  for (let t = schedule.next(from); t !== undefined && t <= now; t = schedule.next(t)) mostRecent = t;
  const missed: MissedSchedules = count > TOO_MANY_MISSED ? 'many' : count > 0 ? 'few' : 'none';
  return { earliest, mostRecent, missed };
}

/**
 * nextScheduleTimeDuration is how long to wait before the next sync: until the start time after
 * the most recent one (ignoring startingDeadlineSeconds), plus nextScheduleDelta. Undefined when
 * the schedule never fires again.
 */
export function nextScheduleTimeDuration(
  cj: CronJob,
  now: number,
  schedule: CronSchedule,
): number | undefined {
  const r = mostRecentScheduleTime(cj, now, schedule, false);
  let from: number;
  if (r.error !== undefined) from = now;
  else if (r.mostRecent !== undefined) from = r.mostRecent;
  else from = r.missed === 'none' ? r.earliest : now;
  const next = schedule.next(from);
  return next === undefined ? undefined : next + NEXT_SCHEDULE_DELTA_MS - now;
}

/** nextScheduleTime is the start time to act on now (honouring startingDeadlineSeconds), if any. */
export function nextScheduleTime(
  cj: CronJob,
  now: number,
  schedule: CronSchedule,
): { time: number | undefined; tooManyMissed: boolean; error?: string } {
  const r = mostRecentScheduleTime(cj, now, schedule, true);
  if (r.mostRecent === undefined || r.mostRecent > now)
    return { time: undefined, tooManyMissed: false, ...(r.error ? { error: r.error } : {}) };
  return { time: r.mostRecent, tooManyMissed: r.missed === 'many' };
}

/** jobName is getJobName: the CronJob's name and the start time in minutes since the epoch. */
export function jobName(cj: CronJob, scheduled: number): string {
  return `${cj.metadata.name}-${Math.floor(scheduled / 60_000)}`;
}

/** rfc3339In prints an instant as Go's time.RFC3339 in a zone: `2025-01-01T02:00:00+01:00`, or `Z` in UTC. */
export function rfc3339In(ms: number, zone: string | undefined): string {
  const w = wallTime(ms, zone);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const local = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
  const offsetMin = Math.round(
    (Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000) /
      60_000,
  );
  if (offsetMin === 0) return `${local}Z`;
  const sign = offsetMin < 0 ? '-' : '+';
  const abs = Math.abs(offsetMin);
  return `${local}${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

/**
 * jobFromTemplate is getJobFromTemplate2: the template's labels and annotations, the scheduled
 * time as an annotation in the CronJob's zone, a name fixed by the start time (so the same start
 * is never created twice) and the CronJob as controller.
 */
export function jobFromTemplate(cj: CronJob, scheduled: number): Job {
  const template = cj.spec.jobTemplate;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: jobName(cj, scheduled),
      namespace: cj.metadata.namespace,
      ...(template.metadata?.labels ? { labels: { ...template.metadata.labels } } : {}),
      annotations: {
        ...(template.metadata?.annotations ?? {}),
        [ANNOTATION_CRONJOB_SCHEDULED_TIMESTAMP]: rfc3339In(scheduled, cj.spec.timeZone),
      },
      ownerReferences: [newControllerRef(cj)],
    },
    spec: deepClone(template.spec),
  };
}

/** byJobStartTime orders Jobs oldest first by status.startTime (never started last), then by name. */
export function byJobStartTime(a: Job, b: Job): number {
  const sa = a.status?.startTime;
  const sb = b.status?.startTime;
  if (!sa && sb) return 1;
  if (sa && !sb) return -1;
  const da = stamp(sa);
  const db = stamp(sb);
  if (sa === sb || da === db)
    return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
  return da - db;
}

/** jobRef is the ObjectReference a CronJob keeps in status.active (ref.GetReference). */
export function jobRef(job: Job): ObjectReference {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    name: job.metadata.name,
    namespace: job.metadata.namespace,
    resourceVersion: job.metadata.resourceVersion,
    uid: job.metadata.uid,
  };
}
