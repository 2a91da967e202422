import type { CronJob, Job } from '../../api/types';
import { deepClone } from '../../api/clone';
import { SIM_EPOCH_MS } from '../../clock/clock';
import type { CronSchedule } from '../../clock/cron';
import { parseStandard } from '../../clock/cron';
import { loadLocation } from '../../clock/timeZone';
import { Controller } from '../controller';
import type { ControllerContext } from '../controller';
import { isTrue } from '../job/conditions';
import {
  byJobStartTime,
  jobFromTemplate,
  jobName,
  jobRef,
  NEXT_SCHEDULE_DELTA_MS,
  nextScheduleTime,
  nextScheduleTimeDuration,
} from './utils';

export const CRONJOB_CONTROLLER = 'cronjob-controller';

/** The formatted text and zone cron.ParseStandard gets from formatSchedule. */
interface FormattedSchedule {
  text: string;
  zone: string | undefined;
  /** A TZ= / CRON_TZ= prefix in spec.schedule itself (only an old object can still have one). */
  tzInSchedule: boolean;
}

// formatSchedule: spec.timeZone, when it names a real zone, is the location the schedule runs in.
function formatSchedule(cj: CronJob): FormattedSchedule {
  if (cj.spec.schedule.includes('TZ')) return { text: cj.spec.schedule, zone: undefined, tzInSchedule: true };
  const zone = cj.spec.timeZone;
  if (zone !== undefined && loadLocation(zone) === undefined && zone !== '')
    return { text: cj.spec.schedule, zone, tzInSchedule: false };
  return { text: cj.spec.schedule, zone: undefined, tzInSchedule: false };
}

/** cronJobSchedule parses a CronJob's schedule as the controller runs it (in its time zone). */
export function cronJobSchedule(cj: CronJob): CronSchedule | undefined {
  const f = formatSchedule(cj);
  const parsed = parseStandard(f.text, f.zone);
  return parsed.ok ? parsed.schedule : undefined;
}

/**
 * nextStartTime is the start time the controller will act on next (epoch ms; it wakes
 * nextScheduleDelta later), or undefined when suspended, being deleted or never due again.
 */
export function nextStartTime(cj: CronJob, nowMs: number): number | undefined {
  if (cj.spec.suspend === true || cj.metadata.deletionTimestamp) return undefined;
  const schedule = cronJobSchedule(cj);
  const wait = schedule ? nextScheduleTimeDuration(cj, nowMs, schedule) : undefined;
  return wait === undefined ? undefined : nowMs + wait - NEXT_SCHEDULE_DELTA_MS;
}

const finishedType = (j: Job): 'Complete' | 'Failed' | undefined =>
  isTrue(j, 'Complete') ? 'Complete' : isTrue(j, 'Failed') ? 'Failed' : undefined;

/**
 * CronJobController is pkg/controller/cronjob's ControllerV2 (cronjob_controllerv2.go sync →
 * cleanupFinishedJobs → syncCronJob): on each sync it forgets finished and vanished Jobs from
 * status.active, trims the history to the limits, and — unless suspended — creates the Job for
 * the latest start time that has come (within startingDeadlineSeconds, as concurrencyPolicy
 * allows), then asks to be woken at the next start time. It never polls: the wake-up is a timer
 * on the virtual clock, like the work queue's AddAfter.
 */
export class CronJobController extends Controller {
  readonly name = CRONJOB_CONTROLLER;

  constructor(ctx: ControllerContext) {
    super(ctx);
    ctx.api.store.watch('CronJob', (e) => {
      const cj = e.object as CronJob;
      const old = e.old as CronJob | undefined;
      // updateCronJob: a new schedule or zone moves the wake-up; any other change syncs now.
      if (
        e.type === 'MODIFIED' &&
        old &&
        (old.spec.schedule !== cj.spec.schedule || old.spec.timeZone !== cj.spec.timeZone)
      ) {
        const schedule = cronJobSchedule(cj);
        if (!schedule) {
          ctx.recorder.event(
            cj,
            'Warning',
            'UnParseableCronJobSchedule',
            `unparseable schedule for cronjob: ${cj.spec.schedule}`,
            CRONJOB_CONTROLLER,
          );
          return;
        }
        const wait = nextScheduleTimeDuration(cj, this.nowMs(), schedule);
        if (wait !== undefined) this.enqueueAfter(e.key, wait / 1000, true);
        return;
      }
      this.enqueue(e.key);
    });
    // addJob / updateJob / deleteJob: a change to a Job wakes the CronJob that controls it.
    ctx.api.store.watch('Job', (e) => {
      for (const job of [e.object, e.old]) {
        const ref = job?.metadata.ownerReferences?.find((r) => r.controller);
        if (ref?.kind !== 'CronJob') continue;
        const owner = ctx.api.get<CronJob>('CronJob', job!.metadata.namespace, ref.name);
        if (owner && owner.metadata.uid === ref.uid)
          this.enqueue(`${owner.metadata.namespace}/${owner.metadata.name}`);
      }
    });
  }

  private nowMs(): number {
    return SIM_EPOCH_MS + Math.round(this.ctx.clock.now() * 1000);
  }

  private event(cj: CronJob, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.ctx.recorder.event(cj, type, reason, message, CRONJOB_CONTROLLER);
  }

  protected sync(key: string): void {
    const [ns, name] = key.split('/') as [string, string];
    const cronJob = this.ctx.api.get<CronJob>('CronJob', ns, name);
    if (!cronJob) return;
    // getJobsToBeReconciled: every Job in the namespace whose controller reference names this CronJob.
    const jobs = this.ctx.api
      .list<Job>('Job', ns)
      .filter((j) => j.metadata.ownerReferences?.find((r) => r.controller)?.name === name);
    const copy = deepClone(cronJob);
    const cleaned = this.cleanupFinishedJobs(copy, jobs);
    const { requeueAfterMs, changed } = this.syncCronJob(copy, jobs);
    if (cleaned || changed) {
      const fresh = this.ctx.api.get<CronJob>('CronJob', ns, name);
      if (fresh && JSON.stringify(fresh.status ?? {}) !== JSON.stringify(copy.status ?? {}))
        this.ctx.api.mutateStatus(fresh, (c) => {
          c.status = copy.status ?? {};
        });
    }
    if (requeueAfterMs !== undefined) this.enqueueAfter(key, Math.max(0, requeueAfterMs) / 1000, true);
  }

  /** cleanupFinishedJobs deletes the oldest finished Jobs beyond the two history limits. */
  private cleanupFinishedJobs(cj: CronJob, jobs: Job[]): boolean {
    const { successfulJobsHistoryLimit: okLimit, failedJobsHistoryLimit: failLimit } = cj.spec;
    if (okLimit === undefined && failLimit === undefined) return false;
    const succeeded = jobs.filter((j) => finishedType(j) === 'Complete');
    const failed = jobs.filter((j) => finishedType(j) === 'Failed');
    let changed = false;
    if (okLimit !== undefined && this.removeOldestJobs(cj, succeeded, okLimit)) changed = true;
    if (failLimit !== undefined && this.removeOldestJobs(cj, failed, failLimit)) changed = true;
    return changed;
  }

  private removeOldestJobs(cj: CronJob, jobs: Job[], keep: number): boolean {
    const excess = jobs.length - keep;
    if (excess <= 0) return false;
    let changed = false;
    for (const job of [...jobs].sort(byJobStartTime).slice(0, excess))
      if (this.deleteJob(cj, job)) changed = true;
    return changed;
  }

  /** deleteJob removes a Job (its pods follow in the background) and its entry in status.active. */
  private deleteJob(cj: CronJob, job: Job): boolean {
    const res = this.ctx.api.delete('Job', job.metadata.namespace, job.metadata.name, {
      propagationPolicy: 'Background',
    });
    if (!res.ok) {
      this.event(cj, 'Warning', 'FailedDelete', `Deleted job: ${res.error.message}`);
      return false;
    }
    removeActive(cj, job.metadata.uid);
    this.event(cj, 'Normal', 'SuccessfulDelete', `Deleted job ${job.metadata.name}`);
    return true;
  }

  /** syncCronJob reconciles status.active with the Jobs and starts the Job that is due, if any. */
  private syncCronJob(cj: CronJob, jobs: Job[]): { requeueAfterMs: number | undefined; changed: boolean } {
    const now = this.nowMs();
    let changed = false;
    const stop = () => ({ requeueAfterMs: undefined, changed });
    const children = new Set(jobs.map((j) => j.metadata.uid));
    for (const j of jobs) {
      const found = inActive(cj, j.metadata.uid);
      const finished = finishedType(j);
      if (!found && !finished) {
        // A Job that names this CronJob as controller but that it did not start (or forgot):
        // `kubectl create job --from=cronjob/…` makes exactly such a Job.
        this.event(
          cj,
          'Warning',
          'UnexpectedJob',
          `Saw a job that the controller did not create or forgot: ${j.metadata.name}`,
        );
      } else if (finished) {
        if (found) {
          removeActive(cj, j.metadata.uid);
          this.event(
            cj,
            'Normal',
            'SawCompletedJob',
            `Saw completed job: ${j.metadata.name}, condition: ${finished}`,
          );
          changed = true;
        }
        const completed = j.status?.completionTime;
        if (finished === 'Complete' && completed) {
          const last = cj.status?.lastSuccessfulTime;
          if (!last || Date.parse(completed) > Date.parse(last)) {
            cj.status = { ...(cj.status ?? {}), lastSuccessfulTime: completed };
            changed = true;
          }
        }
      }
    }
    for (const ref of [...(cj.status?.active ?? [])]) {
      if (children.has(ref.uid)) continue;
      if (!this.ctx.api.get<Job>('Job', ref.namespace, ref.name ?? '')) {
        this.event(cj, 'Normal', 'MissingJob', `Active job went missing: ${ref.name}`);
        removeActive(cj, ref.uid);
        changed = true;
      }
    }
    if (cj.metadata.deletionTimestamp) return stop();
    const zone = cj.spec.timeZone;
    if (zone !== undefined) {
      const bad = loadLocation(zone);
      if (bad) {
        this.event(cj, 'Warning', 'UnknownTimeZone', `invalid timeZone: ${JSON.stringify(zone)}: ${bad}`);
        return stop();
      }
    }
    if (cj.spec.suspend === true) return stop();
    const formatted = formatSchedule(cj);
    if (formatted.tzInSchedule)
      this.event(
        cj,
        'Warning',
        'UnsupportedSchedule',
        `CRON_TZ or TZ used in schedule ${JSON.stringify(cj.spec.schedule)} is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details`,
      );
    const parsed = parseStandard(formatted.text, formatted.zone);
    if (!parsed.ok) {
      this.event(
        cj,
        'Warning',
        'UnparseableSchedule',
        `unparseable schedule: ${JSON.stringify(cj.spec.schedule)} : ${parsed.error}`,
      );
      return stop();
    }
    const schedule = parsed.schedule;
    const requeue = () => ({ requeueAfterMs: nextScheduleTimeDuration(cj, now, schedule), changed });
    const due = nextScheduleTime(cj, now, schedule);
    if (due.tooManyMissed)
      this.event(
        cj,
        'Warning',
        'TooManyMissedTimes',
        'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
      );
    if (due.error !== undefined) {
      this.event(cj, 'Warning', 'InvalidSchedule', `invalid schedule: ${cj.spec.schedule} : ${due.error}`);
      return stop();
    }
    const scheduled = due.time;
    if (scheduled === undefined) return requeue();
    const deadline = cj.spec.startingDeadlineSeconds;
    if (deadline !== undefined && scheduled + deadline * 1000 < now) {
      this.event(
        cj,
        'Warning',
        'MissSchedule',
        `Missed scheduled time to start a job: ${rfc1123zUtc(scheduled)}`,
      );
      return requeue();
    }
    const name = jobName(cj, scheduled);
    const lastSchedule = cj.status?.lastScheduleTime;
    if (
      (cj.status?.active ?? []).some((r) => r.name === name && r.namespace === cj.metadata.namespace) ||
      (lastSchedule !== undefined && Date.parse(lastSchedule) === scheduled)
    )
      return requeue();
    if (cj.spec.concurrencyPolicy === 'Forbid' && (cj.status?.active ?? []).length > 0) {
      this.event(
        cj,
        'Normal',
        'JobAlreadyActive',
        'Not starting job because prior execution is running and concurrency policy is Forbid',
      );
      return requeue();
    }
    if (cj.spec.concurrencyPolicy === 'Replace') {
      for (const ref of [...(cj.status?.active ?? [])]) {
        const job = this.ctx.api.get<Job>('Job', ref.namespace, ref.name ?? '');
        if (!job) {
          this.event(cj, 'Warning', 'FailedGet', `Get job: jobs.batch "${ref.name}" not found`);
          return stop();
        }
        if (!this.deleteJob(cj, job)) return stop();
        changed = true;
      }
    }
    const res = this.ctx.api.create<Job>(jobFromTemplate(cj, scheduled));
    let job: Job;
    if (res.ok) {
      job = res.object;
      this.event(cj, 'Normal', 'SuccessfulCreate', `Created job ${job.metadata.name}`);
    } else if (res.error.reason === 'AlreadyExists') {
      // Created before, but its entry in status.active was lost: take it back if it is ours.
      const existing = this.ctx.api.get<Job>('Job', cj.metadata.namespace, name);
      if (!existing || existing.metadata.ownerReferences?.find((r) => r.controller)?.uid !== cj.metadata.uid)
        return stop();
      if (inActive(cj, existing.metadata.uid)) return stop();
      job = existing;
    } else {
      this.event(cj, 'Warning', 'FailedCreate', `Error creating job: ${res.error.message}`);
      return stop();
    }
    cj.status = {
      ...(cj.status ?? {}),
      active: [...(cj.status?.active ?? []), jobRef(job)],
      lastScheduleTime: new Date(scheduled).toISOString().replace('.000Z', 'Z'),
    };
    changed = true;
    return requeue();
  }
}

function inActive(cj: CronJob, uid: string | undefined): boolean {
  return (cj.status?.active ?? []).some((r) => r.uid === uid);
}

// deleteFromActiveList; an empty list is dropped, as `omitempty` drops it from the stored object.
function removeActive(cj: CronJob, uid: string | undefined): void {
  const active = (cj.status?.active ?? []).filter((r) => r.uid !== uid);
  const { active: _gone, ...rest } = cj.status ?? {};
  cj.status = active.length > 0 ? { ...rest, active } : rest;
}

// time.RFC1123Z in UTC, as the MissSchedule event prints the start time.
function rfc1123zUtc(ms: number): string {
  const d = new Date(ms);
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const p = (n: number) => String(n).padStart(2, '0');
  return `${days[d.getUTCDay()]}, ${p(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}
