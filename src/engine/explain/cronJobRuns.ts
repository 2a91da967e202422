// "When does this CronJob run next?" for the inspector of a CronJob's Job pod: the next start
// time as the controller computes it (nextScheduleTimeDuration), what the concurrency policy does
// with a run still going, and the history it keeps (cleanupFinishedJobs).
import type { CronJob } from '../api/types';
import { SIM_EPOCH_MS } from '../clock/clock';
import { nextStartTime } from '../controllers/cronjob/cronJobController';
import { rfc3339In } from '../controllers/cronjob/utils';
import { formatSeconds, plural } from './words';

export interface CronJobRunsExplanation {
  /** One line: `next run 2025-01-01T00:45:00Z, in 13m20s`, or why there is none. */
  headline: string;
  sentences: string[];
}

const POLICY: Readonly<Record<string, string>> = {
  Allow: 'concurrencyPolicy Allow: a run may start while the previous one is still going.',
  Forbid:
    'concurrencyPolicy Forbid: a start time that comes while a Job is still running is skipped (JobAlreadyActive) and run late when it ends, unless startingDeadlineSeconds has passed.',
  Replace: 'concurrencyPolicy Replace: a Job still running at the next start time is deleted and replaced.',
};

/** explainCronJobRuns describes a CronJob's schedule at simulated time `now` (seconds). */
export function explainCronJobRuns(cj: CronJob, now: number): CronJobRunsExplanation {
  const nowMs = SIM_EPOCH_MS + Math.round(now * 1000);
  const zone = cj.spec.timeZone;
  const when = (iso: string | undefined) => (iso ? rfc3339In(Date.parse(iso), zone) : undefined);
  const next = nextStartTime(cj, nowMs);
  const headline =
    cj.spec.suspend === true
      ? 'suspended: no new runs until spec.suspend is false'
      : next === undefined
        ? 'no next run: the schedule never comes due again'
        : `next run ${rfc3339In(next, zone)}, in ${formatSeconds(Math.max(0, Math.ceil((next - nowMs) / 1000)))}`;
  const last = when(cj.status?.lastScheduleTime);
  const ok = when(cj.status?.lastSuccessfulTime);
  const active = cj.status?.active?.length ?? 0;
  const sentences = [
    `Schedule ${cj.spec.schedule}${zone ? ` in ${zone}` : ' (UTC, the controller manager’s zone)'}.`,
    ...(last ? [`Last scheduled ${last}${ok ? `; last success finished ${ok}` : ''}.`] : []),
    ...(active > 0 ? [`${plural(active, 'Job')} running now.`] : []),
    POLICY[cj.spec.concurrencyPolicy ?? 'Allow'] ?? '',
    `It keeps the last ${plural(cj.spec.successfulJobsHistoryLimit ?? 3, 'successful Job')} and ${plural(cj.spec.failedJobsHistoryLimit ?? 1, 'failed Job')}; older ones are deleted with their pods.`,
  ].filter(Boolean);
  return { headline, sentences };
}
