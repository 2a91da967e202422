// kubectl describe for DaemonSets, Deployments and ReplicaSets (describe.go describeDaemonSet,
// describeDeployment, describeReplicaSet).
import type { DaemonSet, Deployment, KubeObject, Pod, ReplicaSet } from '../../engine/api/types';
import { formatLabelSelector } from '../../engine/api/labels';
import { controllerUidOf } from '../../engine/api/podUtil';
import type { Simulation } from '../../engine/simulation';
import { rfc1123z } from '../printers/age';
import { formatLabels } from '../printers/columns';
import { describeEvents, describePodTemplate, eventsFor } from './common';
import { writeNameNamespace, writeLabelsAnnotations, writeControlledBy } from './header';
import { PrefixWriter } from './writer';

// Selector.String(): like FormatLabelSelector but empty for "everything".
export function selectorString(sel: DaemonSet['spec']['selector']): string {
  const s = formatLabelSelector(sel);
  return s === '<none>' ? '' : s;
}

/** podStatusCounts is getPodStatusForController: pods this controller owns, counted by phase. */
export function podStatusCounts(sim: Simulation, owner: KubeObject): string {
  const uid = owner.metadata.uid ?? '';
  const pods = sim.api.store
    .dependents(uid)
    .filter((o): o is Pod => o.kind === 'Pod' && controllerUidOf(o) === uid);
  const count = (phase: string) => pods.filter((p) => (p.status?.phase ?? 'Pending') === phase).length;
  return `${count('Running')} Running / ${count('Pending')} Waiting / ${count('Succeeded')} Succeeded / ${count('Failed')} Failed`;
}

/** describeDaemonSet prints a DaemonSet as `kubectl describe ds` does. */
export function describeDaemonSet(sim: Simulation, ds: DaemonSet): string {
  const w = new PrefixWriter();
  const s = ds.status;
  writeNameNamespace(w, ds.metadata);
  w.write(0, `Selector:\t${selectorString(ds.spec.selector)}\n`);
  w.write(0, `Node-Selector:\t${formatLabels(ds.spec.template.spec.nodeSelector)}\n`);
  writeLabelsAnnotations(w, ds.metadata);
  w.write(0, `Desired Number of Nodes Scheduled: ${s?.desiredNumberScheduled ?? 0}\n`);
  w.write(0, `Current Number of Nodes Scheduled: ${s?.currentNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Up-to-date Pods: ${s?.updatedNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Available Pods: ${s?.numberAvailable ?? 0}\n`);
  w.write(0, `Number of Nodes Misscheduled: ${s?.numberMisscheduled ?? 0}\n`);
  w.write(0, `Pods Status:\t${podStatusCounts(sim, ds)}\n`);
  describePodTemplate(w, ds.spec.template);
  describeEvents(w, eventsFor(sim, ds), sim.clock.now());
  return w.text();
}

/** describeDeployment prints a Deployment as `kubectl describe deploy` does. */
export function describeDeployment(sim: Simulation, d: Deployment): string {
  const w = new PrefixWriter();
  const s = d.status;
  writeNameNamespace(w, d.metadata);
  w.write(0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp)}\n`);
  writeLabelsAnnotations(w, d.metadata);
  w.write(0, `Selector:\t${selectorString(d.spec.selector)}\n`);
  w.write(
    0,
    `Replicas:\t${d.spec.replicas ?? 1} desired | ${s?.updatedReplicas ?? 0} updated | ${s?.replicas ?? 0} total | ` +
      `${s?.availableReplicas ?? 0} available | ${s?.unavailableReplicas ?? 0} unavailable\n`,
  );
  const strategy = d.spec.strategy?.type ?? 'RollingUpdate';
  w.write(0, `StrategyType:\t${strategy}\n`);
  w.write(0, `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}\n`);
  if (strategy === 'RollingUpdate') {
    const ru = d.spec.strategy?.rollingUpdate;
    w.write(
      0,
      `RollingUpdateStrategy:\t${ru?.maxUnavailable ?? '25%'} max unavailable, ${ru?.maxSurge ?? '25%'} max surge\n`,
    );
  }
  describePodTemplate(w, d.spec.template);
  const owned = sim.api.store
    .dependents(d.metadata.uid ?? '')
    .filter((o): o is ReplicaSet => o.kind === 'ReplicaSet')
    .map(
      (rs) => `${rs.metadata.name} (${rs.status?.replicas ?? 0}/${rs.spec.replicas ?? 1} replicas created)`,
    );
  if (owned.length > 0) {
    w.write(0, `OldReplicaSets:\t${owned.slice(0, -1).join(', ') || '<none>'}\n`);
    w.write(0, `NewReplicaSet:\t${owned[owned.length - 1] ?? '<none>'}\n`);
  }
  describeEvents(w, eventsFor(sim, d), sim.clock.now());
  return w.text();
}

/** describeReplicaSet prints a ReplicaSet as `kubectl describe rs` does. */
export function describeReplicaSet(sim: Simulation, rs: ReplicaSet): string {
  const w = new PrefixWriter();
  writeNameNamespace(w, rs.metadata);
  w.write(0, `Selector:\t${formatLabelSelector(rs.spec.selector)}\n`);
  writeLabelsAnnotations(w, rs.metadata);
  writeControlledBy(w, rs.metadata);
  w.write(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec.replicas ?? 1} desired\n`);
  w.write(0, `Pods Status:\t${podStatusCounts(sim, rs)}\n`);
  describePodTemplate(w, rs.spec.template);
  describeEvents(w, eventsFor(sim, rs), sim.clock.now());
  return w.text();
}
