import type { DaemonSet, KubeObject, Node, Pod } from '../../api/types';
import { controllerUidOf } from '../../api/podUtil';
import { labelSelectorMatches } from '../../api/labels';
import {
  getTargetNodeName,
  nodeShouldRunDaemonPod,
  replaceDaemonSetPodNodeNameNodeAffinity,
} from '../../predicates';
import { addOrUpdateDaemonPodTolerations } from '../../predicates/daemonTolerations';
import { Controller } from '../controller';
import type { ControllerContext } from '../controller';
import { Backoff } from './backoff';
import { cleanupHistory, constructHistory, controllerRef, templateGeneration } from './history';
import {
  CONTROLLER_REVISION_HASH,
  DAEMONSET_CONTROLLER,
  FAILED_DAEMON_POD_REASON,
  POD_TEMPLATE_GENERATION_LABEL,
  SELECTING_ALL_REASON,
  SUCCEEDED_DAEMON_POD_REASON,
} from './keys';
import type { NodePlacement } from './placement';
import { groupByTargetNode, podsShouldBeOnNode } from './placement';
import { allowsSurge, rollingUpdate } from './rollingUpdate';
import { computeDaemonSetStatus } from './status';

// BurstReplicas: at most this many creates or deletes per sync (daemon_controller.go).
const BURST_REPLICAS = 250;
// The failed-pod back-off of the controller: 1 s doubling to 15 min (NewDaemonSetsController).
const FAILED_POD_BACKOFF_INITIAL = 1;
const FAILED_POD_BACKOFF_MAX = 15 * 60;

function isSettled(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return !pod.metadata.deletionTimestamp && phase !== 'Failed' && phase !== 'Succeeded';
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
  private placementCache = new WeakMap<Node, Map<string, NodePlacement>>();

  constructor(ctx: ControllerContext) {
    super(ctx);
    const { store } = ctx.api;
    store.watch('DaemonSet', (e) => {
      if (e.type !== 'DELETED') this.enqueue(dsKey(e.object.metadata.namespace, e.object.metadata.name));
    });
    store.watch('Pod', (e) => {
      const pod = e.object as Pod;
      const ownerUid = controllerUidOf(pod);
      if (!ownerUid) return;
      const owner = store.getByUid(ownerUid);
      if (owner?.kind === 'DaemonSet') this.enqueue(dsKey(owner.metadata.namespace, owner.metadata.name));
    });
    store.watch('Node', (e) => {
      const node = e.object as Node;
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
        this.enqueue(dsKey(ds.metadata.namespace, ds.metadata.name));
      }
    });
  }

  /** placement is the memoised nodeShouldRunDaemonPod. */
  placement(node: Node, ds: DaemonSet): NodePlacement {
    const key = `${ds.metadata.uid}/${ds.metadata.generation}`;
    let perDaemonSet = this.placementCache.get(node);
    const hit = perDaemonSet?.get(key);
    if (hit) return hit;
    const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(node, ds);
    const result = { shouldRun, shouldContinueRunning };
    if (!perDaemonSet) {
      perDaemonSet = new Map();
      this.placementCache.set(node, perDaemonSet);
    }
    perDaemonSet.set(key, result);
    return result;
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
    const nodes = api.list<Node>('Node');
    const { current, old } = constructHistory(api, ds);
    const hash = current.metadata.labels?.[CONTROLLER_REVISION_HASH] ?? '';
    const generation = templateGeneration(ds);
    const isUpdated = (pod: Pod) =>
      (hash !== '' && pod.metadata.labels?.[CONTROLLER_REVISION_HASH] === hash) ||
      (generation !== undefined &&
        pod.metadata.labels?.[POD_TEMPLATE_GENERATION_LABEL] === String(generation));
    const placement = (node: Node) => this.placement(node, ds);

    let nodeToDaemonPods = this.nodesToDaemonPods(ds);
    const changed = this.manage(ds, nodes, nodeToDaemonPods, hash, generation, placement);
    // Upstream only rolls once the creates and deletes of manage are observed (expectations); the
    // pod watch brings us back here right after.
    const outdated = () => {
      for (const pods of nodeToDaemonPods.values()) for (const p of pods) if (!isUpdated(p)) return true;
      return false;
    };
    if (!changed && ds.spec.updateStrategy?.type !== 'OnDelete' && outdated()) {
      const decision = rollingUpdate({
        ds,
        nodeOrder: this.nodeVisitOrder(nodes, nodeToDaemonPods, placement),
        nodeToDaemonPods,
        nodesByName: new Map(nodes.map((n) => [n.metadata.name, n])),
        placement,
        isUpdated,
        desired: nodes.filter((n) => placement(n).shouldRun).length,
        now: this.ctx.clock.now(),
      });
      this.syncNodes(ds, decision.podsToDelete, decision.nodesToCreate, hash, generation);
      if (decision.requeueAfter !== undefined) this.enqueueAfter(key, decision.requeueAfter);
    }
    nodeToDaemonPods = this.nodesToDaemonPods(ds);
    const liveHashes = new Set<string>();
    for (const pods of nodeToDaemonPods.values())
      for (const p of pods) liveHashes.add(p.metadata.labels?.[CONTROLLER_REVISION_HASH] ?? '');
    cleanupHistory(api, ds, old, liveHashes);
    this.updateStatus(ds, nodes, nodeToDaemonPods, placement, isUpdated);
  }

  /** nodesToDaemonPods groups the pods this DaemonSet controls by their target node. */
  nodesToDaemonPods(ds: DaemonSet): Map<string, Pod[]> {
    const uid = ds.metadata.uid ?? '';
    const pods = this.ctx.api.store
      .dependents(uid)
      .filter((o: KubeObject): o is Pod => o.kind === 'Pod' && controllerUidOf(o) === uid);
    return groupByTargetNode(pods, (p) => {
      const target = getTargetNodeName(p);
      return target.ok ? target.nodeName : undefined;
    });
  }

  // Upstream ranges over a Go map, whose order is random; a seeded shuffle keeps that spread
  // (which node updates first) while staying reproducible.
  private nodeVisitOrder(
    nodes: Node[],
    byNode: Map<string, Pod[]>,
    placement: (n: Node) => NodePlacement,
  ): string[] {
    const names = new Set<string>(byNode.keys());
    for (const n of nodes) if (placement(n).shouldRun) names.add(n.metadata.name);
    const order = [...names];
    for (let i = order.length - 1; i > 0; i--) {
      const j = this.ctx.rng.int(i + 1);
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    return order;
  }

  private manage(
    ds: DaemonSet,
    nodes: Node[],
    nodeToDaemonPods: Map<string, Pod[]>,
    hash: string,
    generation: number | undefined,
    placement: (n: Node) => NodePlacement,
  ): boolean {
    const now = this.ctx.clock.now();
    const surge = allowsSurge(ds);
    const needing: string[] = [];
    const toDelete: Pod[] = [];
    for (const node of nodes) {
      const place = placement(node);
      const pods = nodeToDaemonPods.get(node.metadata.name);
      // The common case at scale: one healthy pod where one belongs. Nothing to decide.
      if (place.shouldRun && pods?.length === 1 && isSettled(pods[0]!)) continue;
      const backoff = {
        check: () => {
          const backoffKey = `${ds.metadata.uid}/${ds.status?.observedGeneration ?? 0}/${node.metadata.name}`;
          if (this.failedPodsBackoff.isInBackOffSinceUpdate(backoffKey, now))
            return this.failedPodsBackoff.get(backoffKey);
          this.failedPodsBackoff.next(backoffKey, now);
          return 0;
        },
      };
      const decision = podsShouldBeOnNode(place, pods, ds, hash, now, backoff, surge);
      for (const f of decision.failed) {
        if (f.action === 'backoff') {
          this.enqueueAfter(dsKey(ds.metadata.namespace, ds.metadata.name), f.delay);
          continue;
        }
        const p = f.pod;
        this.ctx.recorder.event(
          ds,
          'Warning',
          FAILED_DAEMON_POD_REASON,
          `Found failed daemon pod ${p.metadata.namespace}/${p.metadata.name} on node ${node.metadata.name}, will try to kill it`,
          DAEMONSET_CONTROLLER,
        );
      }
      for (const p of decision.succeeded) {
        this.ctx.recorder.event(
          ds,
          'Normal',
          SUCCEEDED_DAEMON_POD_REASON,
          `Found succeeded daemon pod ${p.metadata.namespace}/${p.metadata.name} on node ${node.metadata.name}, will try to delete it`,
          DAEMONSET_CONTROLLER,
        );
      }
      if (decision.createOnNode) needing.push(node.metadata.name);
      toDelete.push(...decision.podsToDelete);
    }
    // Pods whose target node no longer exists and that were never bound: nobody else cleans them up.
    const existing = new Set(nodes.map((n) => n.metadata.name));
    for (const [nodeName, pods] of nodeToDaemonPods) {
      if (existing.has(nodeName)) continue;
      for (const p of pods) if (!p.spec.nodeName) toDelete.push(p);
    }
    return this.syncNodes(ds, toDelete, needing, hash, generation);
  }

  /** syncNodes creates pods on the given nodes and deletes the given pods, at most BURST_REPLICAS each. */
  private syncNodes(
    ds: DaemonSet,
    podsToDelete: Pod[],
    nodesNeeding: string[],
    hash: string,
    generation: number | undefined,
  ): boolean {
    const { api, recorder } = this.ctx;
    const key = dsKey(ds.metadata.namespace, ds.metadata.name);
    const creates = nodesNeeding.slice(0, BURST_REPLICAS);
    const deletes = podsToDelete.slice(0, BURST_REPLICAS);
    if (nodesNeeding.length > creates.length || podsToDelete.length > deletes.length) this.enqueue(key);
    for (const nodeName of creates) {
      const template = structuredClone(ds.spec.template);
      const labels = { ...(template.metadata?.labels ?? {}) };
      if (generation !== undefined) labels[POD_TEMPLATE_GENERATION_LABEL] = String(generation);
      if (hash) labels[CONTROLLER_REVISION_HASH] = hash;
      const spec = addOrUpdateDaemonPodTolerations(template.spec);
      spec.affinity = replaceDaemonSetPodNodeNameNodeAffinity(spec.affinity, nodeName);
      const created = api.create<Pod>({
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: {
          ...(template.metadata ?? {}),
          name: '',
          generateName: `${ds.metadata.name}-`,
          namespace: ds.metadata.namespace,
          labels,
          ownerReferences: [controllerRef(ds)],
        },
        spec,
        status: { phase: 'Pending' },
      });
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

  private updateStatus(
    ds: DaemonSet,
    nodes: Node[],
    nodeToDaemonPods: Map<string, Pod[]>,
    placement: (n: Node) => NodePlacement,
    isUpdated: (pod: Pod) => boolean,
  ): void {
    const { api, clock } = this.ctx;
    const now = clock.now();
    const counts = computeDaemonSetStatus(ds, nodes, nodeToDaemonPods, placement, isUpdated, now);
    const fresh = api.get<DaemonSet>('DaemonSet', ds.metadata.namespace, ds.metadata.name);
    if (!fresh) return;
    const status = { ...counts, observedGeneration: fresh.metadata.generation ?? 1 };
    const prev = fresh.status;
    const same =
      prev !== undefined &&
      (Object.keys(status) as (keyof typeof status)[]).every((k) => prev[k] === status[k]);
    if (!same) {
      api.mutateStatus(fresh, (d) => {
        d.status = { ...(d.status ?? {}), ...status };
      });
    }
    // Resync after MinReadySeconds so pods turn available on time (updateDaemonSetStatus).
    const minReady = ds.spec.minReadySeconds ?? 0;
    if (minReady > 0 && counts.numberReady !== counts.numberAvailable) {
      this.enqueueAfter(dsKey(ds.metadata.namespace, ds.metadata.name), minReady);
    }
  }

  /** labelSelectorMatchesPod is exposed for the inspector: does this DaemonSet's selector match the pod? */
  static selects(ds: DaemonSet, pod: Pod): boolean {
    return labelSelectorMatches(ds.spec.selector, pod.metadata.labels ?? {});
  }
}
