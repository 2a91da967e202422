// The grid's view kept up to date from diffs: at 5,000 nodes × 3 DaemonSets a rebuild over
// 20,000 objects per frame costs more than a frame, so a batch of pod and node changes only
// rebuilds the cards of the nodes it touched. A change to anything else
// (a DaemonSet, a ControllerRevision, a ReplicaSet) can recolour every chip, so it rebuilds all;
// those are rare (a rollout starts once).
import type { DaemonSet, KubeObject, Node, Pod } from '../../engine/api/types';
import type { ClusterDiff } from '../../worker/protocol';
import type { ObjectsByUid } from '../model/cluster';
import { listCluster } from '../model/cluster';
import type { ChipContext, GridView, NodeCardView } from './gridView';
import {
  chipContext,
  chipView,
  nodeCardView,
  podTarget,
  rechipCard,
  repodCard,
  selectorKeys,
} from './gridView';

/** GridViewUpdate is a new view and the names of the nodes whose cards changed ('all' after a rebuild). */
export interface GridViewUpdate {
  view: GridView;
  changed: ReadonlySet<string> | 'all';
}

/** GridViewIndex derives the grid's view from a snapshot once, then from diffs. */
export interface GridViewIndex {
  reset(objects: ObjectsByUid, preempted: ReadonlySet<string>): GridViewUpdate;
  /** apply folds in a diff that `objects` already includes. */
  apply(objects: ObjectsByUid, diff: ClusterDiff, preempted: ReadonlySet<string>): GridViewUpdate;
  /** stale counts the cards still waiting for new chips after a context change. */
  stale(): number;
  /** drain rebuilds the chips of up to RECHIP_BUDGET stale cards. */
  drain(): GridViewUpdate;
  current(): GridView;
}

/**
 * RECHIP_BUDGET: a new revision recolours every chip of its DaemonSet (5,000 cards at scale),
 * more than a frame can take, so the cards get their new chips this many at a time.
 */
export const RECHIP_BUDGET = 400;

// Kinds whose changes can recolour chips or restress labels; any other kind is not drawn.
const CONTEXT_KINDS = new Set(['DaemonSet', 'ControllerRevision', 'ReplicaSet', 'Deployment']);

/** contextKey is what a DaemonSet, ReplicaSet or Deployment contributes to the chips: not its status. */
function contextKey(obj: KubeObject): string {
  if (obj.kind === 'DaemonSet')
    return `${obj.metadata.name}|${[...selectorKeys([obj as DaemonSet])].join(',')}`;
  if (obj.kind === 'ReplicaSet')
    return `${obj.metadata.name}|${JSON.stringify(obj.metadata.ownerReferences ?? [])}`;
  if (obj.kind === 'Deployment') return obj.metadata.name;
  return obj.metadata.name;
}

function sameItems<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** createGridViewIndex returns an empty index; call reset with the first snapshot. */
export function createGridViewIndex(): GridViewIndex {
  let ctx: ChipContext | null = null;
  let used: ReadonlySet<string> = new Set();
  let preemptedNow: ReadonlySet<string> = new Set();
  const nodes = new Map<string, Node>();
  // Pods by the node they show on; pods with no target node are under null.
  const podsByTarget = new Map<string | null, Map<string, Pod>>();
  const targetOf = new Map<string, string | null>();
  const cards = new Map<string, NodeCardView>();
  // uid → contextKey of the objects the chips read beyond pods and nodes.
  const context = new Map<string, string>();
  let order: string[] = [];
  // Cards whose chips predate the current context (see RECHIP_BUDGET).
  const stale = new Set<string>();
  let view: GridView = { nodes: [], unplaced: [] };

  function addPod(uid: string, pod: Pod): string | null {
    const target = podTarget(pod);
    let pods = podsByTarget.get(target);
    if (!pods) podsByTarget.set(target, (pods = new Map()));
    pods.set(uid, pod);
    targetOf.set(uid, target);
    return target;
  }

  function removePod(uid: string): string | null | undefined {
    if (!targetOf.has(uid)) return undefined;
    const target = targetOf.get(uid) ?? null;
    targetOf.delete(uid);
    const pods = podsByTarget.get(target);
    pods?.delete(uid);
    if (pods?.size === 0) podsByTarget.delete(target);
    return target;
  }

  // What each card was built from, so a rebuild for new revision numbers only redoes the chips.
  let builtFrom = new Map<string, { node: Node; pods: Pod[] }>();

  function card(name: string, reuse?: ReadonlyMap<string, NodeCardView>): NodeCardView | undefined {
    const node = nodes.get(name);
    if (!node || !ctx) return undefined;
    const pods = [...(podsByTarget.get(name)?.values() ?? [])];
    // Outside a reset the card in place is the one builtFrom describes; a reset passes the old
    // cards in `reuse` (or nothing, when new selector keys restress every label).
    const old = reuse ? reuse.get(name) : cards.get(name);
    const from = old ? builtFrom.get(name) : undefined;
    const next =
      old && from?.node === node
        ? sameItems(from.pods, pods)
          ? rechipCard(old, pods, ctx)
          : repodCard(old, node, pods, ctx)
        : nodeCardView(node, pods, ctx, used);
    builtFrom.set(name, { node, pods });
    cards.set(name, next);
    return next;
  }

  function unplaced(): GridView['unplaced'] {
    if (!ctx) return [];
    const out: Pod[] = [...(podsByTarget.get(null)?.values() ?? [])];
    // Pods of a node that is gone (until the pod GC removes them) have nowhere else to show.
    for (const [target, pods] of podsByTarget)
      if (target !== null && !nodes.has(target)) out.push(...pods.values());
    const c = ctx;
    const key = (p: Pod) => `${p.metadata.namespace ?? ''}/${p.metadata.name}`;
    return out.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).map((p) => chipView(p, c));
  }

  function publish(): GridView {
    view = {
      nodes: order.map((n) => cards.get(n)).filter((c): c is NodeCardView => !!c),
      unplaced: unplaced(),
    };
    return view;
  }

  function reset(objects: ObjectsByUid, preempted: ReadonlySet<string>): GridViewUpdate {
    const lists = listCluster(objects);
    ctx = chipContext(lists, preempted);
    const nextUsed = selectorKeys(lists.daemonSets);
    // Same selector keys: a node whose object and pods are the ones its card was built from only
    // needs new chips (a new revision, a new owner colour), not new labels, taints and bars.
    const reuse = sameItems([...used], [...nextUsed]) ? new Map(cards) : undefined;
    if (!reuse) builtFrom = new Map();
    used = nextUsed;
    preemptedNow = preempted;
    nodes.clear();
    podsByTarget.clear();
    targetOf.clear();
    cards.clear();
    context.clear();
    for (const obj of [...lists.daemonSets, ...lists.replicaSets, ...lists.deployments])
      context.set(obj.metadata.uid ?? obj.metadata.name, contextKey(obj));
    for (const node of lists.nodes) nodes.set(node.metadata.name, node);
    // Straight from the record: sorting 15,000 pods by name is wasted, chips sort per node.
    for (const obj of Object.values(objects))
      if (obj.kind === 'Pod') addPod(obj.metadata.uid ?? obj.metadata.name, obj);
    order = lists.nodes.map((n) => n.metadata.name);
    stale.clear();
    for (const name of order) card(name, reuse);
    return { view: publish(), changed: 'all' };
  }

  /**
   * refreshContext takes new revision numbers, owner colours or Deployments without touching
   * nodes and pods; it returns false when labels need restressing (new selector keys): a reset.
   */
  function refreshContext(objects: ObjectsByUid): boolean {
    const lists = listCluster(objects);
    const nextUsed = selectorKeys(lists.daemonSets);
    if (!sameItems([...used], [...nextUsed])) return false;
    ctx = chipContext(lists, preemptedNow);
    context.clear();
    for (const obj of [...lists.daemonSets, ...lists.replicaSets, ...lists.deployments])
      context.set(obj.metadata.uid ?? obj.metadata.name, contextKey(obj));
    for (const name of cards.keys()) stale.add(name);
    return true;
  }

  function rechipStale(changed: Set<string>): void {
    if (!ctx) return;
    let budget = RECHIP_BUDGET;
    for (const name of stale) {
      if (budget-- <= 0) break;
      stale.delete(name);
      const old = cards.get(name);
      if (!old) continue;
      cards.set(name, rechipCard(old, [...(podsByTarget.get(name)?.values() ?? [])], ctx));
      changed.add(name);
    }
  }

  function drain(): GridViewUpdate {
    const changed = new Set<string>();
    rechipStale(changed);
    return { view: publish(), changed };
  }

  function apply(objects: ObjectsByUid, diff: ClusterDiff, preempted: ReadonlySet<string>): GridViewUpdate {
    // A DaemonSet's status changes every frame of a rollout, but only a new DaemonSet, a new
    // selector or a new revision changes what chips show.
    if (!ctx || preempted !== preemptedNow || diff.removed.some((r) => CONTEXT_KINDS.has(r.kind)))
      return reset(objects, preempted);
    const contextChanged = diff.upserted.some(
      (o) =>
        CONTEXT_KINDS.has(o.kind) &&
        (o.kind === 'ControllerRevision' || context.get(o.metadata.uid ?? o.metadata.name) !== contextKey(o)),
    );
    if (contextChanged && !refreshContext(objects)) return reset(objects, preempted);
    const dirty = new Set<string>();
    let membership = false;
    const touch = (target: string | null | undefined) => {
      if (target) dirty.add(target);
    };
    for (const ref of diff.removed) {
      if (ref.kind === 'Pod') touch(removePod(ref.uid));
      else if (nodes.delete(ref.name)) {
        cards.delete(ref.name);
        builtFrom.delete(ref.name);
        membership = true;
      }
    }
    for (const obj of diff.upserted) {
      if (obj.kind === 'Pod') {
        const uid = obj.metadata.uid ?? obj.metadata.name;
        touch(removePod(uid));
        touch(addPod(uid, obj));
      } else if (obj.kind === 'Node') {
        if (!nodes.has(obj.metadata.name)) membership = true;
        nodes.set(obj.metadata.name, obj as Node);
        dirty.add(obj.metadata.name);
      }
    }
    for (const name of dirty) {
      card(name);
      stale.delete(name);
    }
    rechipStale(dirty);
    if (membership) order = [...nodes.keys()].sort(byName);
    return { view: publish(), changed: dirty };
  }

  return { reset, apply, drain, stale: () => stale.size, current: () => view };
}
