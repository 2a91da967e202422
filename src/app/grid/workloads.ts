// Pods by the workload that owns them, for the workload comparison view: a Deployment's pods
// land wherever the scheduler puts them (N anywhere), a DaemonSet's pods are one per eligible
// node, a CronJob's come and go with its Jobs. Also how a pod is being disrupted (evicted, preempted), read from its status and
// the events. Pure functions of a snapshot.
import type { Job, KubeObject, Pod } from '../../engine/api/types';
import type { FeedEvent } from '../../worker/protocol';
import type { ClusterLists } from '../model/cluster';
import { controllerRef } from '../model/cluster';

export type WorkloadKind =
  'DaemonSet' | 'Deployment' | 'StatefulSet' | 'ReplicaSet' | 'Job' | 'CronJob' | 'Pod';

/** Workload names what owns a pod in the terms people use: the DaemonSet, the Deployment, the CronJob. */
export interface Workload {
  kind: WorkloadKind;
  name: string;
  namespace: string;
  /** `Kind/namespace/name`, unique across workloads. */
  key: string;
}

/** ParentOwner is the workload above a pod's direct owner: a ReplicaSet's Deployment, a Job's CronJob. */
export interface ParentOwner {
  kind: 'Deployment' | 'CronJob';
  name: string;
}

/**
 * parentOwners maps the uid of a ReplicaSet to its Deployment and of a Job to its CronJob, so a
 * pod counts under the workload a person made rather than the object its controller made.
 */
export function parentOwners(lists: Pick<ClusterLists, 'replicaSets' | 'jobs'>): Map<string, ParentOwner> {
  const out = new Map<string, ParentOwner>();
  for (const rs of lists.replicaSets) {
    const owner = controllerRef(rs);
    if (owner?.kind === 'Deployment' && rs.metadata.uid)
      out.set(rs.metadata.uid, { kind: 'Deployment', name: owner.name });
  }
  for (const job of lists.jobs) {
    const owner = controllerRef(job);
    if (owner?.kind === 'CronJob' && job.metadata.uid)
      out.set(job.metadata.uid, { kind: 'CronJob', name: owner.name });
  }
  return out;
}

function workloadNamed(kind: WorkloadKind, name: string, namespace: string): Workload {
  return { kind, name, namespace, key: `${kind}/${namespace}/${name}` };
}

/** workloadOf names the pod's workload: DaemonSet, the Deployment or CronJob behind its owner, or the bare pod. */
export function workloadOf(pod: Pod, parents: ReadonlyMap<string, ParentOwner>): Workload {
  const ns = pod.metadata.namespace ?? 'default';
  const owner = controllerRef(pod);
  if (!owner) return workloadNamed('Pod', pod.metadata.name, ns);
  const parent = parents.get(owner.uid);
  if (parent) return workloadNamed(parent.kind, parent.name, ns);
  return workloadNamed(owner.kind as WorkloadKind, owner.name, ns);
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

/** WorkloadFacts is what a Job or a CronJob says of itself, beyond its live pods. */
type WorkloadFacts = { schedule?: string; active?: number; lastSchedule?: string; state?: string };

function live(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return !pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed';
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function summaryText(w: Omit<WorkloadSummary, 'text'>, facts: WorkloadFacts): string {
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
  if (w.kind === 'CronJob') {
    const last = facts.lastSchedule ? `last scheduled ${facts.lastSchedule}` : 'not run yet';
    return `CronJob ${w.name} (${facts.schedule ?? ''}): ${facts.active ?? 0} active Job${facts.active === 1 ? '' : 's'}, ${last}`;
  }
  if (w.kind === 'Job' && facts.state)
    return `Job ${w.name}: ${facts.state}, ${plural(w.pods, 'pod')} running on ${plural(w.nodes, 'node')}`;
  return `${w.kind} ${w.name}: ${plural(w.pods, 'pod')} on ${plural(w.nodes, 'node')}`;
}

// The Job's state as `kubectl get jobs` names it (pkg/printers/internalversion printJob's
// STATUS): the condition it finished with, else Running.
function jobState(job: Job): string {
  const done = job.status?.conditions?.find(
    (c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True',
  );
  const wanted = job.spec.completions ?? 1;
  return `${done?.type ?? 'Running'} ${job.status?.succeeded ?? 0}/${wanted}`;
}

// The time of day of the CronJob's last run, in the cluster's clock (UTC), as hh:mm.
function clockTime(iso: string): string {
  return iso.slice(11, 16);
}

/**
 * summarizeWorkloads lists every DaemonSet, Deployment, StatefulSet, Job and CronJob (even with no
 * pods), then other owners. A CronJob's Jobs count under the CronJob, not as Jobs of their own.
 */
export function summarizeWorkloads(lists: ClusterLists): WorkloadSummary[] {
  const parents = parentOwners(lists);
  const byKey = new Map<string, { w: Workload; pods: Pod[]; desired: number; facts: WorkloadFacts }>();
  const add = (w: Workload, desired: number, facts: WorkloadFacts = {}) =>
    byKey.set(w.key, { w, pods: [], desired, facts });
  const ns = (o: KubeObject) => o.metadata.namespace ?? 'default';
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
  for (const job of lists.jobs) {
    if (job.metadata.uid && parents.has(job.metadata.uid)) continue;
    add(workloadNamed('Job', job.metadata.name, ns(job)), job.spec.parallelism ?? 1, {
      state: jobState(job),
    });
  }
  for (const cj of lists.cronJobs) {
    const last = cj.status?.lastScheduleTime;
    add(workloadNamed('CronJob', cj.metadata.name, ns(cj)), 0, {
      schedule: cj.spec.schedule,
      active: cj.status?.active?.length ?? 0,
      ...(last ? { lastSchedule: clockTime(last) } : {}),
    });
  }
  for (const pod of lists.pods) {
    if (!live(pod)) continue;
    const w = workloadOf(pod, parents);
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
    CronJob: 5,
    Pod: 6,
  };
  return [...byKey.values()]
    .map(({ w, pods, desired, facts }) => {
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
      return { ...base, text: summaryText(base, facts) };
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
