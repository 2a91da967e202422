// kubectl describe statefulset (staging/src/k8s.io/kubectl/pkg/describe/describe.go
// describeStatefulSet, describeVolumeClaimTemplates).
import type { PersistentVolumeClaimTemplate, StatefulSet } from '../../engine/api/types';
import type { Simulation } from '../../engine/simulation';
import { rfc1123z } from '../printers/age';
import { describeEvents, describePodTemplate, eventsFor } from './common';
import { podStatusCounts, selectorString } from './workloads';
import { writeNameNamespace, writeLabelsAnnotations } from './header';
import { PrefixWriter } from './writer';

// printLabelsMultilineWithIndent: the claim's labels and annotations, indented under its name.
function printIndented(w: PrefixWriter, title: string, values: Record<string, string> | undefined): void {
  w.write(0, `  ${title}:\t`);
  const keys = Object.keys(values ?? {}).sort();
  if (keys.length === 0) return w.line('<none>');
  keys.forEach((k, i) => w.write(0, `${i === 0 ? '' : '  \t'}${k}=${values?.[k] ?? ''}\n`));
}

function describeVolumeClaimTemplates(w: PrefixWriter, set: StatefulSet): void {
  const templates: PersistentVolumeClaimTemplate[] = set.spec.volumeClaimTemplates ?? [];
  if (templates.length === 0) {
    w.write(0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(0, 'Volume Claims:\n');
  for (const pvc of templates) {
    w.write(1, `Name:\t${pvc.metadata.name ?? ''}\n`);
    w.write(1, `StorageClass:\t${pvc.spec?.storageClassName ?? ''}\n`);
    printIndented(w, 'Labels', pvc.metadata.labels);
    printIndented(w, 'Annotations', pvc.metadata.annotations);
    w.write(1, `Capacity:\t${pvc.spec?.resources?.requests?.storage ?? '<default>'}\n`);
    w.write(1, `Access Modes:\t[${(pvc.spec?.accessModes ?? []).join(' ')}]\n`);
  }
  // Not kubectl: the playground says what it leaves out rather than pretend.
  const first = templates[0]?.metadata.name ?? 'data';
  w.write(
    0,
    `Storage:\tnot simulated in the playground: pods name their claims (${first}-${set.metadata.name}-0, …) but no PersistentVolumeClaims are created\n`,
  );
}

/** describeStatefulSet prints a StatefulSet as `kubectl describe sts` does. */
export function describeStatefulSet(sim: Simulation, set: StatefulSet): string {
  const w = new PrefixWriter();
  writeNameNamespace(w, set.metadata);
  w.write(0, `CreationTimestamp:\t${rfc1123z(set.metadata.creationTimestamp)}\n`);
  w.write(0, `Selector:\t${selectorString(set.spec.selector)}\n`);
  writeLabelsAnnotations(w, set.metadata);
  w.write(0, `Replicas:\t${set.spec.replicas ?? 1} desired | ${set.status?.replicas ?? 0} total\n`);
  w.write(0, `Update Strategy:\t${set.spec.updateStrategy?.type ?? ''}\n`);
  const ru = set.spec.updateStrategy?.rollingUpdate;
  if (ru?.partition !== undefined) {
    w.write(1, `Partition:\t${ru.partition}\n`);
    if (ru.maxUnavailable !== undefined) w.write(1, `MaxUnavailable:\t${ru.maxUnavailable}\n`);
  }
  w.write(0, `Pods Status:\t${podStatusCounts(sim, set)}\n`);
  describePodTemplate(w, set.spec.template);
  describeVolumeClaimTemplates(w, set);
  describeEvents(w, eventsFor(sim, set), sim.clock.now());
  return w.text();
}
