// The DaemonSet controller keeps incremental bookkeeping (DaemonSetState: a NodeView per node,
// recomputed only for nodes something touched, and buckets rollingUpdateFromBuckets samples from)
// instead of ranging over every node on every sync as upstream does. These properties build random
// clusters, feed the incremental state a history of pod writes and clock ticks the way the
// controller does, and check its decisions against the from-scratch versions in
// tests/oracles/daemonset.ts (update.go rollingUpdate, updateDaemonSetStatus, getNodesToDaemonPods).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DaemonSet, IntOrString, Node, Pod, PodPhase } from '../../src/engine/api/types';
import { Rng } from '../../src/engine/clock/rng';
import { DaemonSetState } from '../../src/engine/controllers/daemonset/dsState';
import { viewNode } from '../../src/engine/controllers/daemonset/nodeView';
import type { NodePlacement } from '../../src/engine/controllers/daemonset/placement';
import { podsShouldBeOnNode } from '../../src/engine/controllers/daemonset/placement';
import { allowsSurge, rollingUpdateFromBuckets } from '../../src/engine/controllers/daemonset/rollingUpdate';
import { statusCounts } from '../../src/engine/controllers/daemonset/status';
import { nodeShouldRunDaemonPod } from '../../src/engine/predicates';
import { newDaemonSet, newNode, newPod } from '../fixtures/builders';
import { computeDaemonSetStatus, getNodesToDaemonPods, rollingUpdate } from '../oracles/daemonset';

const NEW = 'h-new';
const isUpdated = (p: Pod) => p.metadata.labels?.['controller-revision-hash'] === NEW;

// A node that qualifies, one whose NoSchedule taint came after its pod (keep, create no more), one
// with an untolerated NoExecute taint or a label the selector no longer matches (delete), and a
// node that is gone while pods still target it.
type NodeKind = 'fits' | 'noSchedule' | 'noExecute' | 'otherPool' | 'gone';
const ALL_KINDS: NodeKind[] = ['fits', 'noSchedule', 'noExecute', 'otherPool', 'gone'];

function buildNode(name: string, kind: NodeKind): Node | undefined {
  switch (kind) {
    case 'gone':
      return undefined;
    case 'noSchedule':
      return newNode(name, { labels: { pool: 'a' }, taints: [{ key: 'k', effect: 'NoSchedule' }] });
    case 'noExecute':
      return newNode(name, { labels: { pool: 'a' }, taints: [{ key: 'k', effect: 'NoExecute' }] });
    case 'otherPool':
      return newNode(name, { labels: { pool: 'b' } });
    default:
      return newNode(name, { labels: { pool: 'a' } });
  }
}

// One version of a pod: what a write to it looks like at some instant. Mostly healthy pods, so
// that rollouts have candidates to pick from.
const podVersion = fc.record({
  revision: fc.constantFrom(NEW, NEW, 'h-old', 'h-old', 'h-older'),
  phase: fc.constantFrom<PodPhase>(...Array<PodPhase>(8).fill('Running'), 'Pending', 'Failed', 'Succeeded'),
  readyFor: fc.option(fc.integer({ min: 0, max: 30 }), { nil: undefined, freq: 4 }),
  deleting: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  createdAt: fc.integer({ min: 0, max: 5 }),
  bound: fc.integer({ min: 0, max: 4 }).map((n) => n > 0),
});
type PodVersion = {
  revision: string;
  phase: PodPhase;
  readyFor?: number;
  deleting: boolean;
  createdAt: number;
  bound: boolean;
};

// A pod slot is one pod name over three rounds of writes (undefined: deleted, or not yet created).
const slot = fc.array(fc.option(podVersion, { nil: undefined, freq: 8 }), { minLength: 1, maxLength: 3 });
// Usually one pod per node, as in a running cluster; sometimes none, sometimes two.
const slotsOnNode: fc.Arbitrary<(PodVersion | undefined)[][]> = fc.oneof(
  { arbitrary: fc.array(slot, { minLength: 1, maxLength: 1 }), weight: 6 },
  { arbitrary: fc.constant<(PodVersion | undefined)[][]>([]), weight: 1 },
  { arbitrary: fc.array(slot, { minLength: 2, maxLength: 2 }), weight: 2 },
);

const amount: fc.Arbitrary<IntOrString> = fc.oneof(
  fc.integer({ min: 0, max: 3 }),
  fc.integer({ min: 0, max: 60 }).map((p) => `${p}%`),
);

const cluster = fc
  .record({
    nodes: fc.array(fc.record({ kind: fc.constantFrom(...ALL_KINDS), slots: slotsOnNode }), {
      minLength: 1,
      maxLength: 10,
    }),
    surge: fc.boolean(),
    amount,
    minReadySeconds: fc.constantFrom(0, 0, 5, 10),
    ticks: fc.array(fc.integer({ min: 0, max: 8 }), { minLength: 3, maxLength: 3 }),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
  })
  .map(({ nodes, ...rest }) => ({
    ...rest,
    nodes: nodes.map((n) => n.kind),
    pods: nodes.flatMap((n, node) => n.slots.map((versions) => ({ node, versions }))),
  }));
type Cluster = {
  nodes: NodeKind[];
  surge: boolean;
  amount: IntOrString;
  minReadySeconds: number;
  pods: { node: number; versions: (PodVersion | undefined)[] }[];
  ticks: number[];
  seed: number;
};

function daemonSetOf(c: Cluster): DaemonSet {
  return newDaemonSet('agent', {
    nodeSelector: { pool: 'a' },
    minReadySeconds: c.minReadySeconds,
    updateStrategy: {
      type: 'RollingUpdate',
      rollingUpdate: c.surge
        ? { maxUnavailable: 0, maxSurge: c.amount }
        : { maxUnavailable: c.amount, maxSurge: 0 },
    },
  });
}

function podOf(ds: DaemonSet, name: string, node: string, v: PodVersion, now: number): Pod {
  const pod = newPod(name, {
    ownedBy: ds,
    revision: v.revision,
    phase: v.phase,
    createdAt: v.createdAt,
    ...(v.bound ? { nodeName: node } : {}),
    ...(v.readyFor !== undefined && v.phase === 'Running' ? { readySince: now - v.readyFor } : {}),
    ...(v.deleting ? { deletingSince: now } : {}),
  });
  // An unbound daemon pod still names its node, through the affinity the controller gives it.
  if (!v.bound)
    pod.spec.affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }],
        },
      },
    };
  return pod;
}

interface Played {
  ds: DaemonSet;
  nodes: Map<string, Node>;
  nodeNames: string[];
  placement: (node: Node) => NodePlacement;
  state: DaemonSetState;
  pods: Pod[];
  now: number;
}

/**
 * play feeds DaemonSetState the cluster's history as the controller does: each round writes some
 * pods (indexPod marks their nodes dirty), advances the clock, wakes the nodes whose
 * minReadySeconds timer has fired, and recomputes only the dirty views.
 */
function play(c: Cluster): Played {
  const ds = daemonSetOf(c);
  const nodeNames = c.nodes.map((_, i) => `node-${i}`);
  const nodes = new Map<string, Node>();
  c.nodes.forEach((kind, i) => {
    const node = buildNode(nodeNames[i]!, kind);
    if (node) nodes.set(node.metadata.name, node);
  });
  const placement = (node: Node) => nodeShouldRunDaemonPod(node, ds);
  const state = new DaemonSetState();
  for (const n of nodes.keys()) state.dirty.add(n);
  const minReady = c.minReadySeconds;
  const timers = new Map<string, number>();
  let now = 100;
  const current = new Map<string, Pod>();
  const refresh = () => {
    // The controller's minReadySeconds timers: a node whose pod turned available is looked at again.
    for (const [n, at] of timers) {
      if (at > now) continue;
      state.dirty.add(n);
      timers.delete(n);
    }
    for (const nodeName of [...state.dirty]) {
      state.dirty.delete(nodeName);
      const node = nodes.get(nodeName);
      const pods = state.podsOn(nodeName);
      if (!node && pods.length === 0) {
        state.setView(nodeName, undefined, isUpdated);
        continue;
      }
      const view = viewNode(node && placement(node), pods, isUpdated, minReady, now);
      state.setView(nodeName, view, isUpdated);
      if (view.availableAt !== undefined) timers.set(nodeName, view.availableAt);
    }
  };
  for (let round = 0; round < 3; round++) {
    c.pods.forEach((slot, i) => {
      const v = slot.versions[round];
      if (round >= slot.versions.length) return;
      const name = `agent-${i}`;
      const key = `default/${name}`;
      const node = nodeNames[slot.node % nodeNames.length]!;
      if (v === undefined) {
        if (current.delete(key)) state.indexPod(key, undefined, undefined);
        return;
      }
      const pod = podOf(ds, name, node, v, now);
      current.set(key, pod);
      state.indexPod(key, pod, node);
    });
    refresh();
    now += c.ticks[round]!;
  }
  refresh();
  return { ds, nodes, nodeNames, placement, state, pods: [...current.values()], now };
}

function targetOf(pod: Pod): string | undefined {
  return (
    pod.spec.nodeName ??
    pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.[0]
      ?.matchFields?.[0]?.values?.[0]
  );
}

const names = (pods: Pod[]) => pods.map((p) => p.metadata.name).sort();
const RUNS = { seed: 20261203, numRuns: 400 };

describe('property · the incremental DaemonSet controller decides as upstream does from scratch (fast-check, fixed seed)', () => {
  it('status totals equal updateDaemonSetStatus over every node', () => {
    fc.assert(
      fc.property(cluster, (c) => {
        const { ds, nodes, placement, state, pods, now } = play(c);
        const byNode = getNodesToDaemonPods(pods, targetOf);
        const want = computeDaemonSetStatus(ds, [...nodes.values()], byNode, placement, isUpdated, now);
        expect(statusCounts(state.totals)).toEqual(want);
      }),
      RUNS,
    );
  });

  it('manage sees the pods and placement podsShouldBeOnNode sees upstream, so creates and deletes per node agree', () => {
    fc.assert(
      fc.property(cluster, (c) => {
        const { ds, nodes, placement, state, pods, now } = play(c);
        const byNode = getNodesToDaemonPods(pods, targetOf);
        const noBackoff = { check: () => 0 };
        for (const [name, node] of nodes) {
          const place = placement(node);
          const fromScratch = podsShouldBeOnNode(
            place,
            byNode.get(name),
            ds,
            NEW,
            now,
            noBackoff,
            allowsSurge(ds),
          );
          const view = state.views.get(name);
          const viewPods = view?.pods.length ? view.pods : undefined;
          const incremental = podsShouldBeOnNode(
            view?.placement ?? place,
            viewPods,
            ds,
            NEW,
            now,
            noBackoff,
            allowsSurge(ds),
          );
          expect({ create: incremental.createOnNode, delete: names(incremental.podsToDelete) }, name).toEqual(
            {
              create: fromScratch.createOnNode,
              delete: names(fromScratch.podsToDelete),
            },
          );
        }
      }),
      RUNS,
    );
  });

  it('rollingUpdateFromBuckets picks what update.go rollingUpdate picks in some node order', () => {
    fc.assert(
      fc.property(cluster, (c) => {
        const { ds, nodes, placement, state, pods, now } = play(c);
        const got = rollingUpdateFromBuckets(ds, state, new Rng(c.seed));
        const byNode = getNodesToDaemonPods(pods, targetOf);
        const shouldRun = [...nodes.values()]
          .filter((n) => placement(n).shouldRun)
          .map((n) => n.metadata.name);
        // Upstream ranges over a Go map: any order is valid. Visiting first the nodes the
        // incremental version acted on makes the oracle choose the same random candidates,
        // so every other difference is a real one.
        const acted = [...got.podsToDelete.map((p) => targetOf(p)!), ...got.nodesToCreate];
        const nodeOrder = [...new Set([...acted, ...byNode.keys(), ...shouldRun])];
        const want = rollingUpdate({
          ds,
          nodeOrder,
          nodeToDaemonPods: byNode,
          nodesByName: nodes,
          placement,
          isUpdated,
          desired: shouldRun.length,
          now,
        });
        expect({ deletes: names(got.podsToDelete), creates: [...got.nodesToCreate].sort() }).toEqual({
          deletes: names(want.podsToDelete),
          creates: [...want.nodesToCreate].sort(),
        });
      }),
      RUNS,
    );
  });
});
