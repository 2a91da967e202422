import type { Job, JobCondition, Pod } from '../../api/types';
import { controllerUidOf, isPodReady } from '../../api/podUtil';
import { deepClone } from '../../api/clone';
import { parseTimestamp } from '../../clock/clock';
import { Controller } from '../controller';
import type { ControllerContext } from '../controller';
import { newControllerRef } from '../controllerRef';
import { remainingBackoff } from './backoff';
import type { BackoffRecord } from './backoff';
import {
  MESSAGE_BACKOFF_LIMIT_EXCEEDED,
  MESSAGE_COMPLETIONS_REACHED,
  MESSAGE_DEADLINE_EXCEEDED,
  REASON_BACKOFF_LIMIT_EXCEEDED,
  REASON_COMPLETIONS_REACHED,
  REASON_DEADLINE_EXCEEDED,
  condition,
  isJobFinished,
  newCondition,
  withCondition,
} from './conditions';

export const JOB_CONTROLLER = 'job-controller';

/** JobRecord is what the controller has counted of one Job's pods (status plus uncounted pods). */
interface JobRecord extends BackoffRecord {
  counted: Set<string>;
  succeeded: number;
  failed: number;
}

const terminal = (p: Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';

/**
 * JobController is pkg/controller/job (syncJob → manageJob, trackJobStatusAndRemoveFinalizers):
 * it keeps min(parallelism, completions − succeeded) pods running, counts each pod that succeeds
 * or fails once, waits out the pod failure back-off before replacing a failed pod, and finishes
 * the Job when enough pods succeeded (Complete), when more than backoffLimit failed or the restarts
 * of an OnFailure pod reach it (BackoffLimitExceeded), or past activeDeadlineSeconds
 * (DeadlineExceeded). Upstream makes the counting survive restarts with the
 * `batch.kubernetes.io/job-tracking` pod finalizer; the playground's controller never restarts, so it
 * counts in memory instead and its pods carry no finalizer.
 */
export class JobController extends Controller {
  readonly name = JOB_CONTROLLER;
  private readonly records = new Map<string, JobRecord>();

  constructor(ctx: ControllerContext) {
    super(ctx);
    ctx.api.store.watch('Job', (e) => {
      if (e.type === 'DELETED') this.records.delete(e.object.metadata.uid ?? '');
      else this.enqueue(e.key);
    });
    ctx.api.store.watch('Pod', (e) => {
      const pod = e.object as Pod;
      const uid = controllerUidOf(pod);
      const owner = uid ? ctx.api.store.getByUid(uid) : undefined;
      if (owner?.kind !== 'Job') return;
      const record = this.record(uid!);
      // A pod that ends, or is deleted before it ended, is counted once: being deleted unfinished
      // counts as failed (isPodFailed with job tracking), so its replacement need not wait.
      if (!record.counted.has(pod.metadata.uid ?? '')) {
        const gone = e.type === 'DELETED' || pod.metadata.deletionTimestamp !== undefined;
        const phase = gone && !terminal(pod) ? 'Failed' : pod.status?.phase;
        if (phase === 'Succeeded' || phase === 'Failed') this.count(record, pod, phase);
      }
      this.enqueue(`${owner.metadata.namespace}/${owner.metadata.name}`);
    });
  }

  private record(jobUid: string): JobRecord {
    let r = this.records.get(jobUid);
    if (!r)
      this.records.set(
        jobUid,
        (r = { counted: new Set(), succeeded: 0, failed: 0, failuresAfterLastSuccess: 0 }),
      );
    return r;
  }

  private count(record: JobRecord, pod: Pod, phase: 'Succeeded' | 'Failed'): void {
    record.counted.add(pod.metadata.uid ?? '');
    if (phase === 'Succeeded') {
      record.succeeded += 1;
      record.failuresAfterLastSuccess = 0;
    } else {
      record.failed += 1;
      record.failuresAfterLastSuccess += 1;
      record.lastFailureAt = this.ctx.clock.now();
    }
  }

  protected sync(key: string): void {
    const [ns, name] = key.split('/') as [string, string];
    const job = this.ctx.api.get<Job>('Job', ns, name);
    if (!job?.metadata.uid || job.metadata.deletionTimestamp || isJobFinished(job)) return;
    const record = this.record(job.metadata.uid);
    const now = this.ctx.clock.now();
    const ts = this.ctx.clock.timestamp();
    const pods = this.ctx.api.store
      .dependentsOfKind<Pod>(job.metadata.uid, 'Pod')
      .filter((p) => controllerUidOf(p) === job.metadata.uid);
    let active = pods.filter((p) => !terminal(p) && !p.metadata.deletionTimestamp);
    const spec = job.spec;
    const suspended = spec.suspend === true;
    let conditions = job.status?.conditions;
    // syncJob: suspending a Job deletes its running pods and says so in a Suspended condition;
    // resuming flips it to False (JobResumed).
    const wasSuspended = condition(job, 'Suspended')?.status === 'True';
    if (suspended && !wasSuspended)
      conditions = withCondition(conditions, newCondition('Suspended', 'JobSuspended', 'Job suspended', ts));
    else if (!suspended && wasSuspended)
      conditions = withCondition(conditions, {
        ...newCondition('Suspended', 'JobResumed', 'Job resumed', ts),
        status: 'False',
      });
    const startTime = job.status?.startTime ?? (suspended ? undefined : ts);

    let failure: [string, string] | undefined =
      condition(job, 'FailureTarget')?.status === 'True'
        ? [condition(job, 'FailureTarget')!.reason!, condition(job, 'FailureTarget')!.message!]
        : undefined;
    // exceedsBackoffLimit / pastBackoffLimitOnFailure: failed pods beyond the limit, or, with
    // OnFailure, the restarts of the running pods reaching it.
    const restarts = active.reduce(
      (s, p) => s + (p.status?.containerStatuses ?? []).reduce((n, c) => n + c.restartCount, 0),
      0,
    );
    const backoffLimit = spec.backoffLimit ?? 6;
    if (!failure && record.failed > backoffLimit)
      failure = [REASON_BACKOFF_LIMIT_EXCEEDED, MESSAGE_BACKOFF_LIMIT_EXCEEDED];
    if (
      !failure &&
      spec.template.spec.restartPolicy === 'OnFailure' &&
      restarts > 0 &&
      restarts >= backoffLimit
    )
      failure = [REASON_BACKOFF_LIMIT_EXCEEDED, MESSAGE_BACKOFF_LIMIT_EXCEEDED];
    // pastActiveDeadline: measured from startTime, not counting time suspended.
    const deadline = spec.activeDeadlineSeconds;
    const started = parseTimestamp(startTime);
    if (!failure && deadline !== undefined && startTime && !suspended) {
      if (now - started >= deadline) failure = [REASON_DEADLINE_EXCEEDED, MESSAGE_DEADLINE_EXCEEDED];
      else this.enqueueAfter(key, started + deadline - now);
    }
    const completions = spec.completions;
    const succeededEnough =
      completions !== undefined
        ? record.succeeded >= completions
        : record.succeeded > 0 && active.length === 0;

    if (failure) {
      conditions = withCondition(conditions, newCondition('FailureTarget', failure[0], failure[1], ts));
      active = this.deletePods(job, active);
    } else if (succeededEnough) {
      conditions = withCondition(
        conditions,
        newCondition('SuccessCriteriaMet', REASON_COMPLETIONS_REACHED, MESSAGE_COMPLETIONS_REACHED, ts),
      );
      active = this.deletePods(job, active);
    } else {
      active = this.manageJob(job, key, record, active, suspended);
    }
    const stillRunning = this.livePods(job).filter((p) => !terminal(p)).length;
    let completionTime = job.status?.completionTime;
    let finished: JobCondition | undefined;
    // The final condition waits until every pod of the Job has stopped (1.31's interim conditions).
    if (
      stillRunning === 0 &&
      condition({ ...job, status: { conditions } }, 'FailureTarget')?.status === 'True'
    ) {
      finished = newCondition('Failed', failure![0], failure![1], ts);
    } else if (stillRunning === 0 && succeededEnough && !failure) {
      finished = newCondition('Complete', REASON_COMPLETIONS_REACHED, MESSAGE_COMPLETIONS_REACHED, ts);
      completionTime = ts;
    }
    if (finished) conditions = withCondition(conditions, finished);
    const live = this.livePods(job).filter((p) => !terminal(p));
    const status: Job['status'] = {
      ...(conditions && conditions.length > 0 ? { conditions } : {}),
      ...(startTime ? { startTime } : {}),
      ...(completionTime ? { completionTime } : {}),
      ...(live.filter((p) => !p.metadata.deletionTimestamp).length > 0
        ? { active: live.filter((p) => !p.metadata.deletionTimestamp).length }
        : {}),
      ...(record.succeeded > 0 ? { succeeded: record.succeeded } : {}),
      ...(record.failed > 0 ? { failed: record.failed } : {}),
      terminating: live.filter((p) => p.metadata.deletionTimestamp).length,
      ready: live.filter((p) => !p.metadata.deletionTimestamp && isPodReady(p)).length,
      uncountedTerminatedPods: {},
    };
    const fresh = this.ctx.api.get<Job>('Job', ns, name)!;
    if (JSON.stringify(fresh.status ?? {}) !== JSON.stringify(status))
      this.ctx.api.mutateStatus(fresh, (j) => (j.status = status));
    if (finished?.type === 'Complete')
      this.ctx.recorder.event(fresh, 'Normal', 'Completed', 'Job completed', JOB_CONTROLLER);
    else if (finished)
      this.ctx.recorder.event(fresh, 'Warning', finished.reason!, finished.message!, JOB_CONTROLLER);
  }

  /** manageJob creates or deletes pods so that min(parallelism, remaining completions) run. */
  private manageJob(job: Job, key: string, record: JobRecord, active: Pod[], suspended: boolean): Pod[] {
    const spec = job.spec;
    const parallelism = suspended ? 0 : (spec.parallelism ?? 1);
    const want =
      spec.completions !== undefined
        ? Math.min(parallelism, Math.max(0, spec.completions - record.succeeded))
        : record.succeeded > 0
          ? 0
          : parallelism;
    if (active.length > want) {
      // Pods not yet running go first, then the newest (the controller's ActivePods ranking).
      const extra = [...active]
        .sort(
          (a, b) =>
            rank(a) - rank(b) ||
            (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? ''),
        )
        .slice(0, active.length - want);
      // Pods removed because the Job was suspended did not fail: they count toward nothing.
      if (suspended) for (const p of extra) record.counted.add(p.metadata.uid ?? '');
      this.deletePods(job, extra);
      return active.filter((p) => !extra.includes(p));
    }
    if (active.length === want) return active;
    const wait = remainingBackoff(record, this.ctx.clock.now());
    if (wait > 0) {
      this.enqueueAfter(key, wait);
      return active;
    }
    const created = [...active];
    for (let i = active.length; i < want; i++) {
      const pod = this.createPod(job);
      if (pod) created.push(pod);
    }
    return created;
  }

  private createPod(job: Job): Pod | undefined {
    const t = deepClone(job.spec.template);
    const res = this.ctx.api.create<Pod>({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        ...(t.metadata ?? {}),
        name: '',
        generateName: `${job.metadata.name}-`,
        namespace: job.metadata.namespace,
        ownerReferences: [newControllerRef(job)],
      },
      spec: t.spec,
      status: { phase: 'Pending' },
    });
    if (res.ok) {
      this.ctx.recorder.event(
        job,
        'Normal',
        'SuccessfulCreate',
        `Created pod: ${res.object.metadata.name}`,
        JOB_CONTROLLER,
      );
      return res.object;
    }
    this.ctx.recorder.event(
      job,
      'Warning',
      'FailedCreate',
      `Error creating: ${res.error.message}`,
      JOB_CONTROLLER,
    );
    return undefined;
  }

  private deletePods(job: Job, pods: Pod[]): Pod[] {
    for (const pod of pods) {
      this.ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name);
      this.ctx.recorder.event(
        job,
        'Normal',
        'SuccessfulDelete',
        `Deleted pod: ${pod.metadata.name}`,
        JOB_CONTROLLER,
      );
    }
    return [];
  }

  private livePods(job: Job): Pod[] {
    const uid = job.metadata.uid ?? '';
    return this.ctx.api.store.dependentsOfKind<Pod>(uid, 'Pod').filter((p) => controllerUidOf(p) === uid);
  }
}

function rank(p: Pod): number {
  return !p.spec.nodeName ? 0 : p.status?.phase === 'Pending' ? 1 : !isPodReady(p) ? 2 : 3;
}
