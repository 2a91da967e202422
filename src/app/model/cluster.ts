// Typed views over the page's uid → object record: lists by kind, lookups by name, and the
// revision number of each daemon pod. Pure functions of a snapshot, shared by the grid, the
// panels and the inspector.
import type {
  ControllerRevision,
  CronJob,
  DaemonSet,
  Deployment,
  Job,
  KubeObject,
  Node,
  Pod,
  ReplicaSet,
  StatefulSet,
} from '../../engine/api/types';
import { LABEL_CONTROLLER_REVISION_HASH } from '../../engine/api/wellKnown';

export type ObjectsByUid = Readonly<Record<string, KubeObject>>;

/** ClusterLists is a snapshot sorted into kinds, each sorted by namespace then name. */
export interface ClusterLists {
  nodes: Node[];
  pods: Pod[];
  daemonSets: DaemonSet[];
  revisions: ControllerRevision[];
  deployments: Deployment[];
  replicaSets: ReplicaSet[];
  statefulSets: StatefulSet[];
  jobs: Job[];
  cronJobs: CronJob[];
}

function byName(a: KubeObject, b: KubeObject): number {
  const an = `${a.metadata.namespace ?? ''}/${a.metadata.name}`;
  const bn = `${b.metadata.namespace ?? ''}/${b.metadata.name}`;
  return an < bn ? -1 : an > bn ? 1 : 0;
}

// One listing per record, shared by every panel that asks in the same frame. Snapshots never
// change; the store's live record does, and forgetListings drops what was remembered for it.
const listed = new WeakMap<ObjectsByUid, ClusterLists>();

/** listCluster sorts a snapshot into typed lists (remembered per snapshot: treat them as read-only). */
export function listCluster(objects: ObjectsByUid): ClusterLists {
  let lists = listed.get(objects);
  if (!lists) listed.set(objects, (lists = sortCluster(objects)));
  return lists;
}

function sortCluster(objects: ObjectsByUid): ClusterLists {
  const nodes: Node[] = [];
  const pods: Pod[] = [];
  const daemonSets: DaemonSet[] = [];
  const revisions: ControllerRevision[] = [];
  const deployments: Deployment[] = [];
  const replicaSets: ReplicaSet[] = [];
  const statefulSets: StatefulSet[] = [];
  const jobs: Job[] = [];
  const cronJobs: CronJob[] = [];
  for (const obj of Object.values(objects)) {
    if (obj.kind === 'Node') nodes.push(obj);
    else if (obj.kind === 'Pod') pods.push(obj);
    else if (obj.kind === 'DaemonSet') daemonSets.push(obj);
    else if (obj.kind === 'ControllerRevision') revisions.push(obj);
    else if (obj.kind === 'Deployment') deployments.push(obj);
    else if (obj.kind === 'ReplicaSet') replicaSets.push(obj);
    else if (obj.kind === 'StatefulSet') statefulSets.push(obj);
    else if (obj.kind === 'Job') jobs.push(obj);
    else if (obj.kind === 'CronJob') cronJobs.push(obj);
  }
  sortByKey(nodes);
  daemonSets.sort(byName);
  deployments.sort(byName);
  statefulSets.sort(byName);
  jobs.sort(byName);
  cronJobs.sort(byName);
  // Pods are sorted on first use only: the DaemonSet table reads the DaemonSets of a 15,000-pod
  // snapshot four times a second and never the pods' order.
  let podsSorted = false;
  return {
    nodes,
    get pods() {
      if (!podsSorted) sortByKey(pods);
      podsSorted = true;
      return pods;
    },
    daemonSets,
    revisions,
    deployments,
    replicaSets,
    statefulSets,
    jobs,
    cronJobs,
  };
}

// Sorting 15,000 pods with a comparator that builds two strings per comparison costs tens of
// milliseconds; building each key once does not.
function sortByKey<T extends KubeObject>(list: T[]): void {
  const keyed = list.map((o) => ({ o, k: `${o.metadata.namespace ?? ''}/${o.metadata.name}` }));
  keyed.sort((a, b) => (a.k < b.k ? -1 : a.k > b.k ? 1 : 0));
  keyed.forEach((e, i) => (list[i] = e.o));
}

const owned = new WeakMap<ObjectsByUid, Map<string, Pod[]>>();

/** podsByOwner indexes a snapshot's pods by their controller's uid (remembered per snapshot). */
export function podsByOwner(objects: ObjectsByUid): ReadonlyMap<string, readonly Pod[]> {
  let index = owned.get(objects);
  if (!index) {
    index = new Map();
    for (const pod of Object.values(objects)) {
      if (pod.kind !== 'Pod') continue;
      const uid = controllerRef(pod)?.uid;
      if (!uid) continue;
      const list = index.get(uid);
      if (list) list.push(pod);
      else index.set(uid, [pod]);
    }
    owned.set(objects, index);
  }
  return index;
}

/** forgetListings drops the listings remembered for `objects`, after it was changed in place. */
export function forgetListings(objects: ObjectsByUid): void {
  listed.delete(objects);
  owned.delete(objects);
}

/** controllerRef returns the pod's controlling owner reference, if any. */
export function controllerRef(obj: KubeObject): { kind: string; name: string; uid: string } | undefined {
  return obj.metadata.ownerReferences?.find((r) => r.controller) ?? obj.metadata.ownerReferences?.[0];
}

/** RevisionIndex answers, per DaemonSet uid and revision hash, the revision number and the latest one. */
export interface RevisionIndex {
  revisionOf(dsUid: string, hash: string): number | undefined;
  latest(dsUid: string): number | undefined;
}

/**
 * indexRevisions reads the DaemonSets' ControllerRevisions: each carries its hash in the
 * controller-revision-hash label (or as the name suffix `<ds>-<hash>`) and its revision number.
 */
export function indexRevisions(revisions: readonly ControllerRevision[]): RevisionIndex {
  const byKey = new Map<string, number>();
  const latest = new Map<string, number>();
  for (const rev of revisions) {
    const owner = controllerRef(rev);
    if (!owner) continue;
    const hash =
      rev.metadata.labels?.[LABEL_CONTROLLER_REVISION_HASH] ?? rev.metadata.name.slice(owner.name.length + 1);
    byKey.set(`${owner.uid}/${hash}`, rev.revision);
    // A StatefulSet's pods carry the revision's name, not its hash (stateful_set_utils.go setPodRevision).
    byKey.set(`${owner.uid}/${rev.metadata.name}`, rev.revision);
    latest.set(owner.uid, Math.max(latest.get(owner.uid) ?? 0, rev.revision));
  }
  return {
    revisionOf: (dsUid, hash) => byKey.get(`${dsUid}/${hash}`),
    latest: (dsUid) => latest.get(dsUid),
  };
}
