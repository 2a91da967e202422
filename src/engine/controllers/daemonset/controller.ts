import type { DaemonSet, Node, Pod } from '../../api/types';
import { keyOf } from '../../apiserver/objectStore';
import { controllerUidOf } from '../../api/podUtil';
import { getTargetNodeName, nodeShouldRunDaemonPod } from '../../predicates';
import { Controller } from '../controller';
import type { ControllerContext } from '../controller';
import { Backoff } from './backoff';
import { cleanupHistory, constructHistory, templateGeneration } from './history';
import {
  CONTROLLER_REVISION_HASH,
  DAEMONSET_CONTROLLER,
  FAILED_DAEMON_POD_REASON,
  POD_TEMPLATE_GENERATION_LABEL,
  SELECTING_ALL_REASON,
  SUCCEEDED_DAEMON_POD_REASON,
} from './keys';
import { DaemonSetState } from './dsState';
import { viewNode } from './nodeView';
import type { NodePlacement } from './placement';
import { podsShouldBeOnNode } from './placement';
import { allowsSurge, rollingUpdateFromBuckets } from './rollingUpdate';
import { updateDaemonSetStatus } from './status';
import { daemonPodFor, podBlueprint } from './podBlueprint';
import { DaemonSetAdoption } from './adoption';

// BurstReplicas: at most this many creates or deletes per sync (daemon_controller.go).
const BURST_REPLICAS = 250;
// The failed-pod back-off of the controller: 1 s doubling to 15 min (NewDaemonSetsController).
const FAILED_POD_BACKOFF_INITIAL = 1;
const FAILED_POD_BACKOFF_MAX = 15 * 60;

function isSettled(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return !pod.metadata.deletionTimestamp && phase !== 'Failed' && phase !== 'Succeeded';
}

/** targetNode is the node a daemon pod is for: its nodeName, or the node its affinity pins it to. */
function targetNode(pod: Pod): string | undefined {
  const target = getTargetNodeName(pod);
  return target.ok ? target.nodeName : undefined;
}

// failedPodsBackoffKey: the back-off is per DaemonSet, generation and node (daemon_controller.go).
function failedPodsBackoffKey(ds: DaemonSet, nodeName: string): string {
  return `${ds.metadata.uid}/${ds.status?.observedGeneration ?? 0}/${nodeName}`;
}

function dsKey(ns: string | undefined, name: string): string {
  return `${ns ?? 'default'}/${name}`;
}

/**
 * DaemonSetController is pkg/controller/daemon: for each DaemonSet it constructs the revision
 * history, runs one pod on every node that should run it (manage), rolls pods to the current
 * revision (rollingUpdate), prunes history and writes the status.
 */
export class DaemonSetController extends Controller {
  readonly name = 'daemonset-controller';
  private readonly failedPodsBackoff = new Backoff(FAILED_POD_BACKOFF_INITIAL, FAILED_POD_BACKOFF_MAX);
  // Memo of nodeShouldRunDaemonPod per (DaemonSet generation, node object): nodes and DaemonSets are
  // immutable snapshots, so a changed node is a new object and misses the cache.
  private placementCache = new WeakMap<Node, Map<string, { generation: number; place: NodePlacement }>>();
  private readonly states = new Map<string, DaemonSetState>();
  // A DaemonSet's work-queue key by uid: every write of one of its pods enqueues it.
  private readonly keysByUid = new Map<string, string>();
  private readonly adoption: DaemonSetAdoption;

  constructor(ctx: ControllerContext) {
    super(ctx);
    const { store } = ctx.api;
    this.adoption = new DaemonSetAdoption(store, (ds) =>
      this.enqueue(dsKey(ds.metadata.namespace, ds.metadata.name)),
    );
    store.watch('DaemonSet', (e) => {
      if (e.type === 'DELETED') {
        this.states.delete(e.object.metadata.uid ?? '');
        this.keysByUid.delete(e.object.metadata.uid ?? '');
      } else this.enqueue(dsKey(e.object.metadata.namespace, e.object.metadata.name));
    });
    store.watch('Pod', (e) => {
      const pod = e.object as Pod;
      const ownerUid = controllerUidOf(pod);
      // A released or orphaned pod leaves its former DaemonSet's index (updatePod's controllerRef change).
      const formerUid = e.old ? controllerUidOf(e.old as Pod) : undefined;
      if (formerUid && formerUid !== ownerUid) {
        this.states.get(formerUid)?.indexPod(e.key, undefined, targetNode(pod));
        const former = this.keysByUid.get(formerUid);
        if (former !== undefined) this.enqueue(former);
      }
      if (!ownerUid) return;
      let key = this.keysByUid.get(ownerUid);
      if (key === undefined) {
        const owner = store.getByUid(ownerUid);
        if (owner?.kind !== 'DaemonSet') return;
        key = dsKey(owner.metadata.namespace, owner.metadata.name);
        this.keysByUid.set(ownerUid, key);
      }
      // An index built later (stateFor) reads the store, so only existing states are updated here.
      this.states.get(ownerUid)?.indexPod(e.key, e.type === 'DELETED' ? undefined : pod, targetNode(pod));
      this.enqueue(key);
    });
    store.watch('Node', (e) => {
      const node = e.object as Node;
      const name = node.metadata.name;
      for (const ds of store.list<DaemonSet>('DaemonSet')) {
        if (e.type === 'MODIFIED' && e.old) {
          const before = this.placement(e.old as Node, ds);
          const after = this.placement(node, ds);
          if (
            before.shouldRun === after.shouldRun &&
            before.shouldContinueRunning === after.shouldContinueRunning
          )
            continue;
        }
        this.states.get(ds.metadata.uid ?? '')?.dirty.add(name);
        this.enqueue(dsKey(ds.metadata.namespace, ds.metadata.name));
      }
    });
  }

  /** placement is the memoised nodeShouldRunDaemonPod. */
  placement(node: Node, ds: DaemonSet): NodePlacement {
    const uid = ds.metadata.uid ?? '';
    const generation = ds.metadata.generation ?? 0;
    let perDaemonSet = this.placementCache.get(node);
    const hit = perDaemonSet?.get(uid);
    if (hit?.generation === generation) return hit.place;
    const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(node, ds);
    const place = { shouldRun, shouldContinueRunning };
    if (!perDaemonSet) {
      perDaemonSet = new Map();
      this.placementCache.set(node, perDaemonSet);
    }
    perDaemonSet.set(uid, { generation, place });
    return place;
  }

  /** stateFor returns the DaemonSet's incremental state, indexing its pods the first time. */
  private stateFor(ds: DaemonSet): DaemonSetState {
    const uid = ds.metadata.uid ?? '';
    let state = this.states.get(uid);
    if (!state) {
      state = new DaemonSetState();
      this.states.set(uid, state);
      for (const pod of this.ctx.api.store.dependentsOfKind<Pod>(uid, 'Pod')) {
        if (controllerUidOf(pod) === uid) state.indexPod(keyOf(pod), pod, targetNode(pod));
      }
    }
    return state;
  }

  protected sync(key: string): void {
    const [ns, name] = key.split('/') as [string, string];
    const { api, recorder } = this.ctx;
    const ds = api.get<DaemonSet>('DaemonSet', ns, name);
    if (!ds || ds.metadata.deletionTimestamp) return;
    const sel = ds.spec.selector;
    if (!sel.matchLabels && !sel.matchExpressions) {
      recorder.event(
        ds,
        'Warning',
        SELECTING_ALL_REASON,
        'This daemon set is selecting all pods. A non-empty selector is required.',
        DAEMONSET_CONTROLLER,
      );
      return;
    }
    this.adoption.claim(api, ds);
    const { current, old } = constructHistory(api, ds);
    const hash = current.metadata.labels?.[CONTROLLER_REVISION_HASH] ?? '';
    const generation = templateGeneration(ds);
    const isUpdated = (pod: Pod) =>
      (hash !== '' && pod.metadata.labels?.[CONTROLLER_REVISION_HASH] === hash) ||
      (generation !== undefined &&
        pod.metadata.labels?.[POD_TEMPLATE_GENERATION_LABEL] === String(generation));
    const state = this.stateFor(ds);
    const version = `${ds.metadata.generation ?? 1}/${hash}`;
    if (state.version !== version) {
      // A new template (or the first sync): every node is judged afresh, once.
      state.version = version;
      state.resetViews();
      for (const n of api.list<Node>('Node')) state.dirty.add(n.metadata.name);
      for (const n of state.podsByNode.keys()) state.dirty.add(n);
    }
    const refreshed = this.refreshViews(key, ds, state, isUpdated);
    const toManage = state.revisit.size ? [...new Set([...refreshed, ...state.revisit])] : refreshed;
    state.revisit.clear();
    const changed = this.manage(key, ds, state, toManage, hash, generation);
    // Upstream only rolls once the creates and deletes of manage are observed (expectations); the
    // pod watch brings us back here right after.
    if (!changed && ds.spec.updateStrategy?.type !== 'OnDelete' && state.outdated > 0) {
      const decision = rollingUpdateFromBuckets(ds, state, this.ctx.rng);
      this.syncNodes(key, state, ds, decision.podsToDelete, decision.nodesToCreate, hash, generation);
    }
    cleanupHistory(api, ds, old, state.liveHashes());
    const resyncAfter = updateDaemonSetStatus(api, ds, state);
    if (resyncAfter !== undefined) this.enqueueAfter(key, resyncAfter);
  }

  /** refreshViews recomputes the views of the nodes marked dirty and returns their names. */
  private refreshViews(
    key: string,
    ds: DaemonSet,
    state: DaemonSetState,
    isUpdated: (p: Pod) => boolean,
  ): string[] {
    const { api, clock, queue } = this.ctx;
    const now = clock.now();
    const minReady = ds.spec.minReadySeconds ?? 0;
    const refreshed = [...state.dirty];
    state.dirty.clear();
    for (const nodeName of refreshed) {
      const node = api.get<Node>('Node', undefined, nodeName);
      const pods = state.podsOn(nodeName);
      if (!node && pods.length === 0) {
        state.setView(nodeName, undefined, isUpdated);
        continue;
      }
      const view = viewNode(node && this.placement(node, ds), pods, isUpdated, minReady, now);
      state.setView(nodeName, view, isUpdated);
      // Nothing else wakes the controller when a pod here reaches minReadySeconds.
      const at = view.availableAt;
      if (at !== undefined && (state.availabilityTimers.get(nodeName) ?? Infinity) > at) {
        state.availabilityTimers.set(nodeName, at);
        queue.schedule(at, `${this.name}:available:${nodeName}`, () => {
          if (state.availabilityTimers.get(nodeName) === at) state.availabilityTimers.delete(nodeName);
          state.dirty.add(nodeName);
          this.enqueue(key);
        });
      }
    }
    return refreshed;
  }

  private manage(
    key: string,
    ds: DaemonSet,
    state: DaemonSetState,
    nodes: string[],
    hash: string,
    generation: number | undefined,
  ): boolean {
    const now = this.ctx.clock.now();
    const surge = allowsSurge(ds);
    const needing: string[] = [];
    const toDelete: Pod[] = [];
    for (const nodeName of nodes) {
      const view = state.views.get(nodeName);
      if (!view) continue;
      const { placement: place, pods } = view;
      // The common case at scale: one healthy pod where one belongs. Nothing to decide.
      if (place.shouldRun && pods.length === 1 && isSettled(pods[0]!)) continue;
      if (!this.ctx.api.get<Node>('Node', undefined, nodeName)) {
        // The node is gone: pods never bound to it are the controller's to delete (getUnscheduledPodsWithoutNode).
        for (const p of pods) if (!p.spec.nodeName && !p.metadata.deletionTimestamp) toDelete.push(p);
        continue;
      }
      const backoff = {
        check: () => {
          const backoffKey = failedPodsBackoffKey(ds, nodeName);
          if (this.failedPodsBackoff.isInBackOffSinceUpdate(backoffKey, now))
            return this.failedPodsBackoff.get(backoffKey);
          this.failedPodsBackoff.next(backoffKey, now);
          return 0;
        },
      };
      const decision = podsShouldBeOnNode(
        place,
        pods.length ? pods : undefined,
        ds,
        hash,
        now,
        backoff,
        surge,
      );
      for (const f of decision.failed) {
        if (f.action === 'backoff') {
          this.ctx.queue.schedule(now + f.delay, `${this.name}:backoff:${nodeName}`, () => {
            state.dirty.add(nodeName);
            this.enqueue(key);
          });
          continue;
        }
        const p = f.pod;
        this.ctx.recorder.event(
          ds,
          'Warning',
          FAILED_DAEMON_POD_REASON,
          `Found failed daemon pod ${p.metadata.namespace}/${p.metadata.name} on node ${nodeName}, will try to kill it`,
          DAEMONSET_CONTROLLER,
        );
      }
      for (const p of decision.succeeded) {
        this.ctx.recorder.event(
          ds,
          'Normal',
          SUCCEEDED_DAEMON_POD_REASON,
          `Found succeeded daemon pod ${p.metadata.namespace}/${p.metadata.name} on node ${nodeName}, will try to delete it`,
          DAEMONSET_CONTROLLER,
        );
      }
      if (decision.createOnNode) needing.push(nodeName);
      toDelete.push(...decision.podsToDelete);
    }
    return this.syncNodes(key, state, ds, toDelete, needing, hash, generation);
  }

  /** syncNodes creates pods on the given nodes and deletes the given pods, at most BURST_REPLICAS each. */
  private syncNodes(
    key: string,
    state: DaemonSetState,
    ds: DaemonSet,
    podsToDelete: Pod[],
    nodesNeeding: string[],
    hash: string,
    generation: number | undefined,
  ): boolean {
    const { api, recorder } = this.ctx;
    const creates = nodesNeeding.slice(0, BURST_REPLICAS);
    const deletes = podsToDelete.slice(0, BURST_REPLICAS);
    // What the burst limit held back is looked at again on the next sync.
    for (const n of nodesNeeding.slice(BURST_REPLICAS)) state.revisit.add(n);
    for (const p of podsToDelete.slice(BURST_REPLICAS)) state.revisit.add(targetNode(p) ?? '');
    if (nodesNeeding.length > creates.length || podsToDelete.length > deletes.length) this.enqueue(key);
    if (creates.length > 0 && state.blueprint?.version !== state.version)
      state.blueprint = podBlueprint(ds, state.version, hash, generation);
    for (const nodeName of creates) {
      const created = api.create<Pod>(daemonPodFor(state.blueprint!, nodeName), { handedOver: true });
      if (created.ok) {
        recorder.event(
          ds,
          'Normal',
          'SuccessfulCreate',
          `Created pod: ${created.object.metadata.name}`,
          DAEMONSET_CONTROLLER,
        );
      } else {
        recorder.event(
          ds,
          'Warning',
          'FailedCreate',
          `Error creating: ${created.error.message}`,
          DAEMONSET_CONTROLLER,
        );
      }
    }
    for (const pod of deletes) {
      const res = api.delete('Pod', pod.metadata.namespace, pod.metadata.name);
      if (res.ok)
        recorder.event(
          ds,
          'Normal',
          'SuccessfulDelete',
          `Deleted pod: ${pod.metadata.name}`,
          DAEMONSET_CONTROLLER,
        );
    }
    return creates.length + deletes.length > 0;
  }

  /**
   * failedPodRetryAt tells the inspector when the controller next deletes a Failed daemon pod on
   * its node and creates another (the end of the failed-pods back-off); undefined when none runs.
   */
  failedPodRetryAt(ds: DaemonSet, nodeName: string): number | undefined {
    const key = failedPodsBackoffKey(ds, nodeName);
    const now = this.ctx.clock.now();
    return this.failedPodsBackoff.isInBackOffSinceUpdate(key, now)
      ? this.failedPodsBackoff.until(key)
      : undefined;
  }
}
