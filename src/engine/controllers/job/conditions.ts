// Job conditions as the Job controller writes them from 1.31 on (pkg/controller/job/job_controller.go
// newCondition, newFailedConditionForFailureTarget, and the JobSuccessPolicy / interim-condition
// change): the interim SuccessCriteriaMet or FailureTarget first, then — once no pod of the Job is
// still running or terminating — the final Complete or Failed with the same reason.
import type { Job, JobCondition } from '../../api/types';

export const REASON_COMPLETIONS_REACHED = 'CompletionsReached';
export const MESSAGE_COMPLETIONS_REACHED = 'Reached expected number of succeeded pods';
export const REASON_BACKOFF_LIMIT_EXCEEDED = 'BackoffLimitExceeded';
export const MESSAGE_BACKOFF_LIMIT_EXCEEDED = 'Job has reached the specified backoff limit';
export const REASON_DEADLINE_EXCEEDED = 'DeadlineExceeded';
export const MESSAGE_DEADLINE_EXCEEDED = 'Job was active longer than specified deadline';

/** condition returns the Job's condition of this type, if any. */
export function condition(job: Job, type: JobCondition['type']): JobCondition | undefined {
  return job.status?.conditions?.find((c) => c.type === type);
}

/** isTrue tells whether the Job has this condition with status True. */
export function isTrue(job: Job, type: JobCondition['type']): boolean {
  return condition(job, type)?.status === 'True';
}

/** isJobFinished is IsJobFinished: a Complete or Failed condition that is True. */
export function isJobFinished(job: Job): boolean {
  return isTrue(job, 'Complete') || isTrue(job, 'Failed');
}

/** finishedAt is when the Job finished (the final condition's lastTransitionTime), for the TTL controller. */
export function finishedAt(job: Job): string | undefined {
  const c = [condition(job, 'Complete'), condition(job, 'Failed')].find((x) => x?.status === 'True');
  return c?.lastTransitionTime;
}

/** newCondition is a True condition probed and changed now. */
export function newCondition(
  type: JobCondition['type'],
  reason: string,
  message: string,
  ts: string,
): JobCondition {
  return { type, status: 'True', lastProbeTime: ts, lastTransitionTime: ts, reason, message };
}

/** withCondition adds a condition, or replaces one of the same type whose status changed. */
export function withCondition(conditions: JobCondition[] | undefined, c: JobCondition): JobCondition[] {
  const list = conditions ?? [];
  const old = list.find((x) => x.type === c.type);
  if (old?.status === c.status) return list;
  return [...list.filter((x) => x.type !== c.type), c];
}
