// The Job controller's pod failure back-off (pkg/controller/job/backoff_utils.go backoffRecord and
// getRemainingTime, constants in job_controller.go): a new pod after a failure waits
// DefaultJobPodFailureBackOff doubled for every failure since the last success, at most
// MaxJobPodFailureBackOff. Upstream's constant is 10 minutes today; the docs' "six minutes" is the
// MaxJobBackOff of releases before 1.27.
export const JOB_POD_FAILURE_BACKOFF_SECONDS = 10;
export const MAX_JOB_POD_FAILURE_BACKOFF_SECONDS = 600;

/** BackoffRecord is what the controller remembers of a Job's recent failures. */
export interface BackoffRecord {
  failuresAfterLastSuccess: number;
  /** Simulated second of the last failure. */
  lastFailureAt?: number;
}

/** backoffDelay is the wait after `failures` failures in a row: 0, 10 s, 20 s, 40 s … 10 min. */
export function backoffDelay(failures: number): number {
  if (failures <= 0) return 0;
  return Math.min(JOB_POD_FAILURE_BACKOFF_SECONDS * 2 ** (failures - 1), MAX_JOB_POD_FAILURE_BACKOFF_SECONDS);
}

/** remainingBackoff is how long until a new pod may be created, at simulated time `now`. */
export function remainingBackoff(record: BackoffRecord, now: number): number {
  if (record.lastFailureAt === undefined) return 0;
  return Math.max(0, record.lastFailureAt + backoffDelay(record.failuresAfterLastSuccess) - now);
}
