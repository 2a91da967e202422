// What the node grid draws, derived from a snapshot: one card per node with the facts a DaemonSet
// cares about (role, labels selectors use, taints, cordon, readiness, pressure, requested
// resources) and its pods as chips with their status, revision and workload. Pure, so the grid
// renderer can be swapped (SVG, Canvas) freely.
import type { DaemonSet, Node, Pod, TaintEffect } from '../../engine/api/types';
import { LABEL_CONTROLLER_REVISION_HASH, LABEL_NODE_ROLE_CONTROL_PLANE } from '../../engine/api/wellKnown';
import { formatTaint, getTargetNodeName } from '../../engine/predicates';
import type { ClusterLists, RevisionIndex } from '../model/cluster';
import { controllerRef, indexRevisions } from '../model/cluster';
import { orphanedFrom } from '../model/orphans';
import type { ChipTone } from '../model/podStatus';
import { podStatus } from '../model/podStatus';
import type { ResourceBar } from './nodeFacts';
import { nodeConditions, nodeResources } from './nodeFacts';
import type { DisruptionKind, ParentOwner, WorkloadKind } from './workloads';
import { disruptionOf, parentOwners, workloadOf } from './workloads';

export interface PodChipView {
  uid: string;
  name: string;
  namespace: string;
  /** The controlling DaemonSet (or other owner) name; null for a bare pod. */
  owner: string | null;
  status: string;
  ready: boolean;
  tone: ChipTone;
  /** The revision number as text (`2`), the hash when no ControllerRevision names it, or ''. */
  revision: string;
  /** Whether the pod runs its DaemonSet's newest revision; 'none' for pods without one. */
  revisionAge: 'current' | 'old' | 'none';
  /** A stable per-owner index for the owner's colour. */
  ownerIndex: number;
  /** The workload in people's terms: a Deployment's pods name the Deployment, not the ReplicaSet. */
  workloadKind: WorkloadKind;
  workloadName: string;
  workloadKey: string;
  restarts: number;
  /** Set while a pod is being evicted or preempted (or stays Evicted), so the grid can say so. */
  disruption: DisruptionKind | null;
  /** The kind of controller that let this pod go (`--cascade=orphan`) and would adopt it back. */
  orphanOf: 'DaemonSet' | 'ReplicaSet' | null;
}

export interface NodeCardView {
  uid: string;
  name: string;
  role: string;
  ready: 'Ready' | 'NotReady' | 'Unknown';
  cordoned: boolean;
  labels: { text: string; used: boolean }[];
  taints: { key: string; text: string; effect: TaintEffect }[];
  /** Pressure and network conditions that are True. */
  conditions: string[];
  resources: ResourceBar[];
  pods: PodChipView[];
  ariaLabel: string;
}

export interface GridView {
  nodes: NodeCardView[];
  /** Pods that have no node and no target node (e.g. a Deployment's pending pod). */
  unplaced: PodChipView[];
}

// Labels every node has, which only add noise to a card.
const NOISE_LABEL =
  /^(kubernetes\.io\/(hostname|os|arch)|beta\.kubernetes\.io\/|node-role\.kubernetes\.io\/)/;

function nodeRole(node: Node): string {
  const labels = node.metadata.labels ?? {};
  if (LABEL_NODE_ROLE_CONTROL_PLANE in labels || 'node-role.kubernetes.io/master' in labels)
    return 'control-plane';
  const roles = Object.keys(labels)
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length))
    .filter(Boolean);
  return roles.length > 0 ? roles.join(',') : 'worker';
}

function nodeReady(node: Node): NodeCardView['ready'] {
  const cond = node.status.conditions?.find((c) => c.type === 'Ready');
  if (cond?.status === 'True') return 'Ready';
  return cond?.status === 'Unknown' ? 'Unknown' : 'NotReady';
}

/** selectorKeys lists the node label keys the DaemonSets select on, so cards can stress them. */
export function selectorKeys(daemonSets: readonly DaemonSet[]): Set<string> {
  const keys = new Set<string>();
  for (const ds of daemonSets) {
    const spec = ds.spec.template.spec;
    for (const k of Object.keys(spec.nodeSelector ?? {})) keys.add(k);
    const terms =
      spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
    for (const term of terms ?? []) for (const req of term.matchExpressions ?? []) keys.add(req.key);
  }
  return keys;
}

/**
 * ChipContext is what a chip needs beyond its pod: revision numbers, owner colours, the
 * Deployments and CronJobs above ReplicaSets and Jobs, and which pods the scheduler preempted.
 */
export interface ChipContext {
  revisions: RevisionIndex;
  ownerIndex: Map<string, number>;
  parents: ReadonlyMap<string, ParentOwner>;
  preempted: ReadonlySet<string>;
}

/** chipView is one pod's chip. */
export function chipView(pod: Pod, ctx: ChipContext): PodChipView {
  const { revisions, ownerIndex } = ctx;
  const s = podStatus(pod);
  const owner = controllerRef(pod);
  const hash = pod.metadata.labels?.[LABEL_CONTROLLER_REVISION_HASH];
  let revision = '';
  let revisionAge: PodChipView['revisionAge'] = 'none';
  if (owner && hash) {
    const number = revisions.revisionOf(owner.uid, hash);
    revision = number !== undefined ? String(number) : hash;
    revisionAge = number !== undefined && number === revisions.latest(owner.uid) ? 'current' : 'old';
  }
  const workload = workloadOf(pod, ctx.parents);
  // One colour per workload: a Deployment keeps its colour across ReplicaSets.
  const ownerKey = owner ? `${workload.kind}/${workload.name}` : '';
  if (!ownerIndex.has(ownerKey)) ownerIndex.set(ownerKey, ownerIndex.size);
  const disruption =
    pod.metadata.deletionTimestamp || s.status === 'Evicted' ? disruptionOf(pod, ctx.preempted) : null;
  return {
    uid: pod.metadata.uid ?? pod.metadata.name,
    name: pod.metadata.name,
    namespace: pod.metadata.namespace ?? 'default',
    owner: owner?.name ?? null,
    status: s.status,
    ready: s.ready,
    tone: s.tone,
    revision,
    revisionAge,
    ownerIndex: ownerIndex.get(ownerKey) ?? 0,
    workloadKind: workload.kind,
    workloadName: workload.name,
    workloadKey: workload.key,
    restarts: s.restarts,
    disruption: disruption?.kind ?? null,
    orphanOf: orphanedFrom(pod) ?? null,
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** nodeAriaLabel says a node's name, state and its pods' states in one sentence for screen readers. */
export function nodeAriaLabel(card: Omit<NodeCardView, 'ariaLabel'>): string {
  const state = [card.role, card.ready, card.cordoned ? 'SchedulingDisabled' : ''].filter(Boolean).join(', ');
  const taints = card.taints.length ? ` Taints: ${card.taints.map((t) => t.text).join(', ')}.` : '';
  const conditions = card.conditions.length ? ` ${card.conditions.join(', ')}.` : '';
  const pods = card.pods.map((p) => {
    const rev = p.revision ? `, revision ${p.revision}` : '';
    const of =
      p.workloadKind === 'Deployment' || p.workloadKind === 'Job' || p.workloadKind === 'StatefulSet'
        ? ` (${p.workloadKind} ${p.workloadName})`
        : '';
    const orphan = p.orphanOf ? ', orphaned' : '';
    return `${p.name}${of} ${p.status}${p.ready ? ', ready' : ''}${rev}${orphan}`;
  });
  const podText = pods.length ? `${plural(pods.length, 'pod')}: ${pods.join('; ')}.` : 'No pods.';
  return `${card.name}: ${state}.${conditions}${taints} ${podText}`;
}

// Chips keep a steady order: daemon pods first, then by owner, then oldest first, so a
// replacement appears after the old pod.
function compareChips(a: Pod, b: Pod): number {
  const ad = controllerRef(a)?.kind === 'DaemonSet' ? 0 : 1;
  const bd = controllerRef(b)?.kind === 'DaemonSet' ? 0 : 1;
  if (ad !== bd) return ad - bd;
  const ao = controllerRef(a)?.name ?? '';
  const bo = controllerRef(b)?.name ?? '';
  if (ao !== bo) return ao < bo ? -1 : 1;
  const at = a.metadata.creationTimestamp ?? '';
  const bt = b.metadata.creationTimestamp ?? '';
  if (at !== bt) return at < bt ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : 1;
}

/** chipContext gathers what chips need from a snapshot; owner colours follow the DaemonSets' order. */
export function chipContext(lists: ClusterLists, preempted: ReadonlySet<string>): ChipContext {
  const ctx: ChipContext = {
    revisions: indexRevisions(lists.revisions),
    ownerIndex: new Map<string, number>(),
    parents: parentOwners(lists),
    preempted,
  };
  for (const ds of lists.daemonSets) ctx.ownerIndex.set(`DaemonSet/${ds.metadata.name}`, ctx.ownerIndex.size);
  return ctx;
}

/** nodeCardView builds one node's card from the node and the pods that target it (any order). */
export function nodeCardView(
  node: Node,
  targeting: readonly Pod[],
  ctx: ChipContext,
  used: ReadonlySet<string>,
): NodeCardView {
  const labels = Object.entries(node.metadata.labels ?? {})
    .filter(([k]) => !NOISE_LABEL.test(k))
    .map(([k, v]) => ({ text: v ? `${k}=${v}` : k, used: used.has(k) }));
  const card = {
    uid: node.metadata.uid ?? node.metadata.name,
    name: node.metadata.name,
    role: nodeRole(node),
    ready: nodeReady(node),
    cordoned: node.spec.unschedulable === true,
    labels,
    taints: (node.spec.taints ?? []).map((t) => ({ key: t.key, text: formatTaint(t), effect: t.effect })),
    conditions: nodeConditions(node),
    // Only bound pods hold resources; a pending daemon pod shown on its target node does not yet.
    resources: nodeResources(
      node,
      targeting.filter((p) => p.spec.nodeName === node.metadata.name),
    ),
    pods: [...targeting].sort(compareChips).map((p) => chipView(p, ctx)),
  };
  return { ...card, ariaLabel: nodeAriaLabel(card) };
}

/** rechipCard rebuilds only a card's chips (and its label, which names them), for a new context. */
export function rechipCard(card: NodeCardView, targeting: readonly Pod[], ctx: ChipContext): NodeCardView {
  const next = { ...card, pods: [...targeting].sort(compareChips).map((p) => chipView(p, ctx)) };
  return { ...next, ariaLabel: nodeAriaLabel(next) };
}

/**
 * repodCard rebuilds what a card takes from its pods (chips, resource bars, the label naming
 * them) for the same Node object: during a rollout a node's pods change every few frames but
 * its labels, taints and conditions do not, and re-deriving those for every touched node was
 * most of a frame's work at 5,000 nodes.
 */
export function repodCard(
  card: NodeCardView,
  node: Node,
  targeting: readonly Pod[],
  ctx: ChipContext,
): NodeCardView {
  const next = {
    ...card,
    // Only bound pods hold resources, as in nodeCardView.
    resources: nodeResources(
      node,
      targeting.filter((p) => p.spec.nodeName === node.metadata.name),
    ),
    pods: [...targeting].sort(compareChips).map((p) => chipView(p, ctx)),
  };
  return { ...next, ariaLabel: nodeAriaLabel(next) };
}

/** podTarget is the node a pod shows on: its node, or for a pending daemon pod the node its affinity names. */
export function podTarget(pod: Pod): string | null {
  // A daemon pod waiting for the scheduler already knows its node through its node affinity.
  const target = getTargetNodeName(pod);
  return target.ok ? target.nodeName : null;
}

/** buildGridView turns a snapshot into node cards with their pod chips; `preempted` names pods (`Pod/ns/name`) the scheduler preempted. */
export function buildGridView(lists: ClusterLists, preempted: ReadonlySet<string> = new Set()): GridView {
  const ctx = chipContext(lists, preempted);
  const used = selectorKeys(lists.daemonSets);
  const podsByNode = new Map<string, Pod[]>();
  const unplaced: Pod[] = [];
  for (const pod of lists.pods) {
    const target = podTarget(pod);
    if (target === null) {
      unplaced.push(pod);
      continue;
    }
    const list = podsByNode.get(target) ?? [];
    list.push(pod);
    podsByNode.set(target, list);
  }
  const nodes = lists.nodes.map((node) =>
    nodeCardView(node, podsByNode.get(node.metadata.name) ?? [], ctx, used),
  );
  // Pods of a node that is gone (until the pod GC removes them) have nowhere else to show.
  const names = new Set(lists.nodes.map((n) => n.metadata.name));
  for (const [name, pods] of podsByNode) if (!names.has(name)) unplaced.push(...pods);
  return { nodes, unplaced: unplaced.map((p) => chipView(p, ctx)) };
}

/** MetaLine is one line under a card's header: a taint, a label, or how many more are hidden. */
export interface MetaLine {
  key: string;
  text: string;
  kind: 'condition' | 'taint' | 'label' | 'more';
  effect?: TaintEffect;
  used?: boolean;
}

/** MAX_META_LINES keeps a node with many labels from towering over the others. */
export const MAX_META_LINES = 5;

/**
 * metaLines lists what a card shows under its header: node conditions in trouble (one line:
 * readiness when not Ready, then pressure),
 * taints (they decide placement), then labels a DaemonSet selects on, then the rest; past `max`,
 * a last line says how many more.
 */
export function metaLines(
  card: Pick<NodeCardView, 'labels' | 'taints'> & Partial<Pick<NodeCardView, 'conditions' | 'ready'>>,
  max = MAX_META_LINES,
): MetaLine[] {
  // Ready=Unknown (no heartbeat: the node lifecycle controller's doing) reads differently from
  // Ready=False (the kubelet itself reports trouble), though both are NotReady to kubectl.
  const ready =
    card.ready && card.ready !== 'Ready' ? [`Ready=${card.ready === 'Unknown' ? 'Unknown' : 'False'}`] : [];
  const conditions = [...ready, ...(card.conditions ?? [])];
  const all: MetaLine[] = [
    ...(conditions.length > 0
      ? [{ key: 'conditions', text: conditions.join(' · '), kind: 'condition' as const }]
      : []),
    ...card.taints.map((t): MetaLine => ({
      key: `t:${t.text}`,
      text: t.text,
      kind: 'taint',
      effect: t.effect,
    })),
    ...[...card.labels]
      .sort((a, b) => Number(b.used) - Number(a.used))
      .map((l): MetaLine => ({ key: `l:${l.text}`, text: l.text, kind: 'label', used: l.used })),
  ];
  if (all.length <= max) return all;
  const shown = all.slice(0, max - 1);
  return [...shown, { key: 'more', text: `+${all.length - shown.length} more`, kind: 'more' }];
}
