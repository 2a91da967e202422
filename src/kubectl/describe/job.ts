// kubectl describe job (staging/src/k8s.io/kubectl/pkg/describe/describe.go describeJob).
import type { Job, Pod } from '../../engine/api/types';
import { formatLabelSelector } from '../../engine/api/labels';
import { controllerUidOf, isPodReady } from '../../engine/api/podUtil';
import type { Simulation } from '../../engine/simulation';
import { humanDuration, rfc1123z } from '../printers/age';
import { parseTimestamp } from '../../engine/clock/clock';
import { describeEvents, describePodTemplate, eventsFor } from './common';
import { writeNameNamespace, writeLabelsAnnotations, writeControlledBy } from './header';
import { PrefixWriter } from './writer';

/** describeJob prints a Job as `kubectl describe job` does. */
export function describeJob(sim: Simulation, job: Job): string {
  const w = new PrefixWriter();
  const s = job.status;
  writeNameNamespace(w, job.metadata);
  w.write(0, `Selector:\t${formatLabelSelector(job.spec.selector)}\n`);
  writeLabelsAnnotations(w, job.metadata);
  writeControlledBy(w, job.metadata);
  w.write(0, `Parallelism:\t${job.spec.parallelism ?? 1}\n`);
  w.write(0, `Completions:\t${job.spec.completions ?? '<unset>'}\n`);
  w.write(0, `Completion Mode:\t${job.spec.completionMode ?? 'NonIndexed'}\n`);
  w.write(0, `Suspend:\t${job.spec.suspend === true}\n`);
  w.write(0, `Backoff Limit:\t${job.spec.backoffLimit ?? 6}\n`);
  if (job.spec.ttlSecondsAfterFinished !== undefined)
    w.write(0, `TTL Seconds After Finished:\t${job.spec.ttlSecondsAfterFinished}\n`);
  if (s?.startTime) w.write(0, `Start Time:\t${rfc1123z(s.startTime)}\n`);
  if (s?.completionTime) {
    w.write(0, `Completed At:\t${rfc1123z(s.completionTime)}\n`);
    if (s.startTime)
      w.write(
        0,
        `Duration:\t${humanDuration(parseTimestamp(s.completionTime) - parseTimestamp(s.startTime))}\n`,
      );
  }
  if (job.spec.activeDeadlineSeconds !== undefined)
    w.write(0, `Active Deadline Seconds:\t${job.spec.activeDeadlineSeconds}s\n`);
  const uid = job.metadata.uid ?? '';
  const pods = sim.api.store
    .dependentsOfKind<Pod>(uid, 'Pod')
    .filter(
      (p) => controllerUidOf(p) === uid && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed',
    );
  const ready = s?.ready ?? pods.filter(isPodReady).length;
  w.write(
    0,
    `Pods Statuses:\t${s?.active ?? 0} Active (${ready} Ready) / ${s?.succeeded ?? 0} Succeeded / ${s?.failed ?? 0} Failed\n`,
  );
  describePodTemplate(w, job.spec.template);
  describeEvents(w, eventsFor(sim, job), sim.clock.now());
  return w.text();
}
