import type { Pod } from '../../api/types';
import { isPodTerminal } from '../../api/podUtil';
import type { Rng } from '../../clock/rng';
import { CONTROLLER_REVISION_HASH } from './keys';
import type { PodBlueprint } from './podBlueprint';
import type { NodeView, RolloutCategory, StatusContribution } from './nodeView';

/** IndexedSet is a set with O(1) add, delete and uniform random sampling. */
export class IndexedSet {
  private readonly items: string[] = [];
  private readonly pos = new Map<string, number>();

  get size(): number {
    return this.items.length;
  }

  add(item: string): void {
    if (this.pos.has(item)) return;
    this.pos.set(item, this.items.length);
    this.items.push(item);
  }

  delete(item: string): void {
    const i = this.pos.get(item);
    if (i === undefined) return;
    const last = this.items.pop()!;
    if (last !== item) {
      this.items[i] = last;
      this.pos.set(last, i);
    }
    this.pos.delete(item);
  }

  values(): readonly string[] {
    return this.items;
  }

  /** sample draws k distinct items uniformly, in random order (the Go map order upstream ranges in). */
  sample(rng: Rng, k: number): string[] {
    const n = this.items.length;
    if (k <= 0 || n === 0) return [];
    if (k * 2 >= n) {
      const copy = [...this.items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        [copy[i], copy[j]] = [copy[j]!, copy[i]!];
      }
      return copy.slice(0, k);
    }
    const picked = new Set<number>();
    while (picked.size < k) picked.add(rng.int(n));
    return [...picked].map((i) => this.items[i]!);
  }
}

/** isDeletedTerminal: the pod has Succeeded or Failed and is being deleted (kubelet, PodGC or a finalizer holds it). */
function isDeletedTerminal(pod: Pod): boolean {
  return !!pod.metadata.deletionTimestamp && isPodTerminal(pod);
}

const ZERO: StatusContribution = {
  desired: 0,
  current: 0,
  misscheduled: 0,
  ready: 0,
  available: 0,
  updated: 0,
};

export type CategorySet =
  'oldAvailable' | 'oldAvailableNoRun' | 'oldUnavailable' | 'oldUnavailableNoRun' | 'bothNewAvailable';

function setOf(view: NodeView): CategorySet | undefined {
  const run = view.placement.shouldRun;
  switch (view.category as RolloutCategory) {
    case 'oldAvailable':
      return run ? 'oldAvailable' : 'oldAvailableNoRun';
    case 'oldUnavailable':
      return run ? 'oldUnavailable' : 'oldUnavailableNoRun';
    case 'bothNewAvailable':
      return 'bothNewAvailable';
    default:
      return undefined;
  }
}

/**
 * DaemonSetState is the DaemonSet controller's incremental bookkeeping for one DaemonSet: its
 * pods indexed by target node, a NodeView per node recomputed only when that node is marked dirty,
 * and the sums and buckets that updateStatus and rollingUpdateFromBuckets read. It is what lets a rollout over
 * 5,000 nodes cost per changed node rather than per node per sync. The from-scratch versions
 * upstream computes every sync live in tests/oracles/daemonset.ts, and a property test compares
 * the two on random clusters.
 */
export class DaemonSetState {
  /** `generation/hash` the views were computed for; a change recomputes every node. */
  version = '';
  /** The shared parts of the pods this version creates, built on the first create. */
  blueprint: PodBlueprint | undefined;
  readonly podsByNode = new Map<string, Map<string, Pod>>();
  private readonly podNode = new Map<string, string>();
  readonly views = new Map<string, NodeView>();
  readonly dirty = new Set<string>();
  /** Nodes whose view is current but whose action was held back (burst limit): manage looks again. */
  readonly revisit = new Set<string>();
  readonly availabilityTimers = new Map<string, number>();
  totals: StatusContribution = { ...ZERO };
  unavailable = 0;
  surging = 0;
  counted = 0;
  outdated = 0;
  readonly sets: Record<CategorySet, IndexedSet> = {
    oldAvailable: new IndexedSet(),
    oldAvailableNoRun: new IndexedSet(),
    oldUnavailable: new IndexedSet(),
    oldUnavailableNoRun: new IndexedSet(),
    bothNewAvailable: new IndexedSet(),
  };
  private readonly hashCounts = new Map<string, number>();

  /** indexPod indexes a pod under its target node (or removes it, when `pod` is undefined) and marks the nodes touched dirty. */
  indexPod(key: string, pod: Pod | undefined, node: string | undefined): void {
    const previousNode = this.podNode.get(key);
    const previousPods = previousNode !== undefined ? this.podsByNode.get(previousNode) : undefined;
    const old = previousPods?.get(key);
    if (pod && node !== undefined && node === previousNode && previousPods) {
      // The common write: a pod's status changed where it is; it keeps its place.
      previousPods.set(key, pod);
      if (old?.metadata.labels !== pod.metadata.labels) {
        if (old) this.countHash(old, -1);
        this.countHash(pod, 1);
      }
      this.dirty.add(node);
      return;
    }
    if (previousNode !== undefined) {
      if (old) this.countHash(old, -1);
      previousPods?.delete(key);
      if (previousPods?.size === 0) this.podsByNode.delete(previousNode);
      this.podNode.delete(key);
      this.dirty.add(previousNode);
    }
    if (pod && node !== undefined) {
      let pods = this.podsByNode.get(node);
      if (!pods) {
        pods = new Map();
        this.podsByNode.set(node, pods);
      }
      pods.set(key, pod);
      this.podNode.set(key, node);
      this.countHash(pod, 1);
      this.dirty.add(node);
    }
  }

  /**
   * podsOn is the node's entry of getNodesToDaemonPods(includeDeletedTerminal=false), what manage,
   * rollingUpdate and updateDaemonSetStatus read: a pod that has finished and is being deleted is
   * left out, as the controller has nothing more to do with it (daemon_controller.go). The index
   * keeps it, for liveHashes.
   */
  podsOn(node: string): Pod[] {
    const pods = this.podsByNode.get(node);
    if (!pods) return [];
    const out: Pod[] = [];
    for (const pod of pods.values()) if (!isDeletedTerminal(pod)) out.push(pod);
    return out;
  }

  /**
   * liveHashes are the revision hashes some pod still carries: cleanupHistory keeps those revisions.
   * It reads getNodesToDaemonPods(includeDeletedTerminal=true), so finished pods being deleted count.
   */
  liveHashes(): Set<string> {
    return new Set(this.hashCounts.keys());
  }

  /** setView replaces a node's view and moves its contribution in the sums and buckets. */
  setView(node: string, view: NodeView | undefined, isUpdated: (p: Pod) => boolean): void {
    const old = this.views.get(node);
    if (old) this.account(node, old, -1, isUpdated);
    if (view) {
      this.views.set(node, view);
      this.account(node, view, 1, isUpdated);
    } else this.views.delete(node);
  }

  /** resetViews forgets every view (the template or hash changed) so the next sync recomputes all. */
  resetViews(): void {
    this.views.clear();
    this.totals = { ...ZERO };
    this.unavailable = this.surging = this.counted = this.outdated = 0;
    for (const set of Object.values(this.sets)) for (const n of [...set.values()]) set.delete(n);
  }

  private account(node: string, view: NodeView, sign: 1 | -1, isUpdated: (p: Pod) => boolean): void {
    for (const k of Object.keys(this.totals) as (keyof StatusContribution)[])
      this.totals[k] += sign * view.status[k];
    if (view.category === 'unavailable' || view.category === 'bothNewAvailable') this.unavailable += sign;
    if (view.surging) this.surging += sign;
    if (view.counted) this.counted += sign;
    for (const p of view.pods) if (!p.metadata.deletionTimestamp && !isUpdated(p)) this.outdated += sign;
    const set = setOf(view);
    if (set) {
      if (sign > 0) this.sets[set].add(node);
      else this.sets[set].delete(node);
    }
  }

  private countHash(pod: Pod, delta: number): void {
    const hash = pod.metadata.labels?.[CONTROLLER_REVISION_HASH] ?? '';
    const n = (this.hashCounts.get(hash) ?? 0) + delta;
    if (n <= 0) this.hashCounts.delete(hash);
    else this.hashCounts.set(hash, n);
  }
}
