// Pods by the workload that owns them, for the "Deployment vs DaemonSet" view: a Deployment's
// pods land wherever the scheduler puts them (N anywhere), a DaemonSet's pods are one per
// eligible node. Also how a pod is being disrupted (evicted, preempted), read from its status and
// the events. Pure functions of a snapshot.
import type { DaemonSet, Deployment, KubeObject, Pod, ReplicaSet, StatefulSet } from '../../engine/api/types';
import type { FeedEvent } from '../../worker/protocol';
import type { ClusterLists } from '../model/cluster';
import { controllerRef } from '../model/cluster';

export type WorkloadKind = 'DaemonSet' | 'Deployment' | 'StatefulSet' | 'ReplicaSet' | 'Job' | 'Pod';

/** Workload names what owns a pod in the terms people use: the DaemonSet or the Deployment. */
export interface Workload {
  kind: WorkloadKind;
  name: string;
  namespace: string;
  /** `Kind/namespace/name`, unique across workloads. */
  key: string;
}

/** deploymentOfReplicaSet maps a ReplicaSet uid to its owning Deployment's name. */
export function deploymentOfReplicaSet(replicaSets: readonly ReplicaSet[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const rs of replicaSets) {
    const owner = controllerRef(rs);
    if (owner?.kind === 'Deployment' && rs.metadata.uid) out.set(rs.metadata.uid, owner.name);
  }
  return out;
}

/** workloadOf names the pod's workload: DaemonSet, the Deployment behind its ReplicaSet, or the bare pod. */
export function workloadOf(pod: Pod, deployments: ReadonlyMap<string, string>): Workload {
  const ns = pod.metadata.namespace ?? 'default';
  const owner = controllerRef(pod);
  const make = (kind: WorkloadKind, name: string): Workload => ({
    kind,
    name,
    namespace: ns,
    key: `${kind}/${ns}/${name}`,
  });
  if (!owner) return make('Pod', pod.metadata.name);
  if (owner.kind === 'DaemonSet') return make('DaemonSet', owner.name);
  if (owner.kind === 'ReplicaSet') {
    const deployment = deployments.get(owner.uid);
    return deployment ? make('Deployment', deployment) : make('ReplicaSet', owner.name);
  }
  return make(owner.kind as WorkloadKind, owner.name);
}

/** WorkloadSummary is one line of the comparison: how many pods and on how many nodes. */
export interface WorkloadSummary extends Workload {
  /** Live pods (not terminating, not finished). */
  pods: number;
  /** Distinct nodes those pods are bound to. */
  nodes: number;
  /** What the workload asks for: replicas for a Deployment, desiredNumberScheduled for a DaemonSet. */
  desired: number;
  /** The most pods of this workload on any one node. */
  maxPerNode: number;
  /** The sentence the view shows. */
  text: string;
}

function live(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return !pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function summaryText(w: Omit<WorkloadSummary, 'text'>): string {
  if (w.kind === 'DaemonSet') {
    const per = w.maxPerNode <= 1 ? '1 per node' : `up to ${w.maxPerNode} per node (surging)`;
    // Pods may outnumber eligible nodes: a pod on an unreachable node keeps running (it tolerates
    // the NoExecute taint) though the NoSchedule taint makes the node ineligible for a new one.
    return `DaemonSet ${w.name}: ${per} on ${plural(w.nodes, 'node')} (${w.desired} eligible)`;
  }
  if (w.kind === 'StatefulSet')
    return `StatefulSet ${w.name}: ${plural(w.pods, 'pod')} on ${plural(w.nodes, 'node')} (${w.desired} wanted, one per ordinal)`;
  if (w.kind === 'Deployment')
    return `Deployment ${w.name}: ${plural(w.pods, 'pod')} on ${plural(w.nodes, 'node')} (${w.desired} wanted, anywhere)`;
  return `${w.kind} ${w.name}: ${plural(w.pods, 'pod')} on ${plural(w.nodes, 'node')}`;
}

/** summarizeWorkloads lists every DaemonSet, Deployment and StatefulSet (even with no pods), then other owners. */
export function summarizeWorkloads(lists: ClusterLists): WorkloadSummary[] {
  const deployments = deploymentOfReplicaSet(lists.replicaSets);
  const byKey = new Map<string, { w: Workload; pods: Pod[]; desired: number }>();
  const add = (w: Workload, desired: number) => byKey.set(w.key, { w, pods: [], desired });
  const ns = (o: DaemonSet | Deployment | StatefulSet) => o.metadata.namespace ?? 'default';
  for (const ds of lists.daemonSets) {
    const key = `DaemonSet/${ns(ds)}/${ds.metadata.name}`;
    add(
      { kind: 'DaemonSet', name: ds.metadata.name, namespace: ns(ds), key },
      ds.status?.desiredNumberScheduled ?? 0,
    );
  }
  for (const d of lists.deployments) {
    const key = `Deployment/${ns(d)}/${d.metadata.name}`;
    add({ kind: 'Deployment', name: d.metadata.name, namespace: ns(d), key }, d.spec.replicas ?? 1);
  }
  for (const s of lists.statefulSets) {
    const key = `StatefulSet/${ns(s)}/${s.metadata.name}`;
    add({ kind: 'StatefulSet', name: s.metadata.name, namespace: ns(s), key }, s.spec.replicas ?? 1);
  }
  for (const pod of lists.pods) {
    if (!live(pod)) continue;
    const w = workloadOf(pod, deployments);
    if (w.kind === 'Pod') continue;
    if (!byKey.has(w.key)) add(w, 0);
    byKey.get(w.key)?.pods.push(pod);
  }
  const rank: Record<WorkloadKind, number> = {
    DaemonSet: 0,
    Deployment: 1,
    StatefulSet: 2,
    ReplicaSet: 3,
    Job: 4,
    Pod: 5,
  };
  return [...byKey.values()]
    .map(({ w, pods, desired }) => {
      const perNode = new Map<string, number>();
      for (const p of pods)
        if (p.spec.nodeName) perNode.set(p.spec.nodeName, (perNode.get(p.spec.nodeName) ?? 0) + 1);
      const base = {
        ...w,
        pods: pods.length,
        nodes: perNode.size,
        desired,
        maxPerNode: Math.max(0, ...perNode.values()),
      };
      return { ...base, text: summaryText(base) };
    })
    .sort((a, b) => rank[a.kind] - rank[b.kind] || (a.key < b.key ? -1 : 1));
}

export type DisruptionKind = 'evicted' | 'preempted' | 'gc';

/** Disruption is why a pod is being (or was) taken away, in words. */
export interface Disruption {
  kind: DisruptionKind;
  text: string;
}

/** preemptedPods lists `Pod/ns/name` of pods the scheduler preempted, from the events. */
export function preemptedPods(events: readonly FeedEvent[]): Set<string> {
  return new Set(
    events.filter((e) => e.reason === 'Preempted' && e.object.startsWith('Pod/')).map((e) => e.object),
  );
}

function podRef(pod: KubeObject): string {
  return `Pod/${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}`;
}

/**
 * disruptionOf reads why a pod is leaving: the kubelet's node-pressure eviction or admission
 * rejection (Failed, reason Evicted), or the DisruptionTarget condition the taint manager, the pod GC, the Eviction
 * API (drain) or scheduler preemption sets; a Preempted event also names a preemption's victim.
 */
export function disruptionOf(
  pod: Pod,
  events: readonly FeedEvent[] | ReadonlySet<string>,
): Disruption | null {
  if (pod.status?.reason === 'Evicted' && pod.status.message?.startsWith('Pod was rejected: ')) {
    // Refused at admission (eviction manager Admit): it never started.
    return {
      kind: 'evicted',
      text: `Rejected by the kubelet (node pressure): ${pod.status.message.slice('Pod was rejected: '.length)}`.trim(),
    };
  }
  if (pod.status?.reason === 'Evicted') {
    return {
      kind: 'evicted',
      text: `Evicted by the kubelet (node pressure): ${pod.status.message ?? ''}`.trim(),
    };
  }
  const target = pod.status?.conditions?.find((c) => c.type === 'DisruptionTarget' && c.status === 'True');
  if (target?.reason === 'DeletionByTaintManager') {
    return {
      kind: 'evicted',
      text: 'Evicted by the taint manager: its node has a NoExecute taint the pod does not tolerate, or its tolerationSeconds ran out.',
    };
  }
  if (target?.reason === 'DeletionByPodGC')
    return { kind: 'gc', text: 'Deleted by the pod garbage collector: its node no longer exists.' };
  if (target?.reason === 'EvictionByEvictionAPI') {
    return {
      kind: 'evicted',
      text: 'Evicted through the Eviction API (as kubectl drain does): it terminates gracefully and its controller, if any, replaces it elsewhere.',
    };
  }
  const preempted =
    target?.reason === 'PreemptionByScheduler' ||
    (events instanceof Set ? events : preemptedPods(events as readonly FeedEvent[])).has(podRef(pod));
  if (preempted) {
    return {
      kind: 'preempted',
      text: 'Preempted by the scheduler: it made room on this node for a pod of higher priority.',
    };
  }
  if (target)
    return { kind: 'evicted', text: `${target.reason ?? 'Disrupted'}: ${target.message ?? ''}`.trim() };
  return null;
}
