// kubectl describe cronjob (staging/src/k8s.io/kubectl/pkg/describe/describe.go describeCronJob,
// describeJobTemplate, printActiveJobs).
import type { CronJob } from '../../engine/api/types';
import { formatLabelSelector } from '../../engine/api/labels';
import type { Simulation } from '../../engine/simulation';
import { rfc1123z } from '../printers/age';
import { describeEvents, describePodTemplate, eventsFor } from './common';
import { writeNameNamespace, writeLabelsAnnotations } from './header';
import { PrefixWriter } from './writer';

const orUnset = (v: number | undefined, unit = '') => (v === undefined ? '<unset>' : `${v}${unit}`);

/** describeCronJob prints a CronJob as `kubectl describe cronjob` does. */
export function describeCronJob(sim: Simulation, cj: CronJob): string {
  const w = new PrefixWriter();
  const spec = cj.spec;
  const template = spec.jobTemplate.spec;
  writeNameNamespace(w, cj.metadata);
  writeLabelsAnnotations(w, cj.metadata);
  w.write(0, `Schedule:\t${spec.schedule}\n`);
  w.write(0, `Concurrency Policy:\t${spec.concurrencyPolicy ?? ''}\n`);
  w.write(0, `Suspend:\t${spec.suspend === undefined ? '<unset>' : spec.suspend ? 'True' : 'False'}\n`);
  w.write(0, `Successful Job History Limit:\t${orUnset(spec.successfulJobsHistoryLimit)}\n`);
  w.write(0, `Failed Job History Limit:\t${orUnset(spec.failedJobsHistoryLimit)}\n`);
  w.write(0, `Starting Deadline Seconds:\t${orUnset(spec.startingDeadlineSeconds, 's')}\n`);
  w.write(0, `Selector:\t${template.selector ? formatLabelSelector(template.selector) : '<unset>'}\n`);
  w.write(0, `Parallelism:\t${orUnset(template.parallelism)}\n`);
  w.write(0, `Completions:\t${orUnset(template.completions)}\n`);
  if (template.activeDeadlineSeconds !== undefined)
    w.write(0, `Active Deadline Seconds:\t${template.activeDeadlineSeconds}s\n`);
  describePodTemplate(w, template.template);
  const last = cj.status?.lastScheduleTime;
  w.write(0, `Last Schedule Time:\t${last ? rfc1123z(last) : '<unset>'}\n`);
  const active = cj.status?.active ?? [];
  w.write(0, `Active Jobs:\t${active.length === 0 ? '<none>' : active.map((r) => r.name).join(', ')}\n`);
  describeEvents(w, eventsFor(sim, cj), sim.clock.now());
  return w.text();
}
