// Decision tables for the DaemonSet controller, one rule per row, in the manner of upstream's
// pkg/controller/daemon/daemon_controller_test.go and update_test.go: build a node, a DaemonSet
// and its pods with the fixture builders, run one decision, and state what it creates and deletes.
// Placement is always the real nodeShouldRunDaemonPod over the node's labels and taints.
import { describe, expect, it } from 'vitest';
import type { DaemonSet, Node, Pod } from '../../../../../src/engine/api/types';
import { Rng } from '../../../../../src/engine/clock/rng';
import { DaemonSetState } from '../../../../../src/engine/controllers/daemonset/dsState';
import type {
  RolloutCategory,
  StatusContribution,
} from '../../../../../src/engine/controllers/daemonset/nodeView';
import { viewNode } from '../../../../../src/engine/controllers/daemonset/nodeView';
import type { NodeDecision } from '../../../../../src/engine/controllers/daemonset/placement';
import { podsShouldBeOnNode } from '../../../../../src/engine/controllers/daemonset/placement';
import type { RollingUpdateDecision } from '../../../../../src/engine/controllers/daemonset/rollingUpdate';
import {
  allowsSurge,
  rollingUpdateFromBuckets,
} from '../../../../../src/engine/controllers/daemonset/rollingUpdate';
import { nodeShouldRunDaemonPod } from '../../../../../src/engine/predicates';
import type { DaemonSetOptions, PodOptions } from '../../../../fixtures/builders';
import { newDaemonSet, newNode, newPod } from '../../../../fixtures/builders';

const NOW = 1000;
const NEW = 'rev-new';
const OLD = 'rev-old';
const isUpdated = (p: Pod) => p.metadata.labels?.['controller-revision-hash'] === NEW;

const noSurge: DaemonSetOptions = {
  updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
};
const surge = (maxSurge: number | string = 1): DaemonSetOptions => ({
  updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge } },
});
const unavailable = (maxUnavailable: number | string): DaemonSetOptions => ({
  updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable, maxSurge: 0 } },
});

// The DaemonSet of every table selects nodes labelled pool=a.
const daemonSet = (opts: DaemonSetOptions = {}) =>
  newDaemonSet('ds', { nodeSelector: { pool: 'a' }, ...opts });
const fits = (name = 'node-1') => newNode(name, { labels: { pool: 'a' } });
const otherPool = (name = 'node-1') => newNode(name, { labels: { pool: 'b' } });
const tainted = (effect: 'NoSchedule' | 'NoExecute', name = 'node-1') =>
  newNode(name, { labels: { pool: 'a' }, taints: [{ key: 'dedicated', value: 'db', effect }] });

type PodState =
  | 'available'
  | 'ready'
  | 'unready'
  | 'failed'
  | 'succeeded'
  | 'deleting'
  | 'failed-deleting'
  | 'succeeded-deleting';

/**
 * pod builds a daemon pod of `ds` on `node`: `available` has been ready long past any
 * minReadySeconds, `ready` turned ready just now.
 */
function pod(
  ds: DaemonSet,
  name: string,
  node: string,
  revision: string,
  state: PodState = 'available',
  more: PodOptions = {},
): Pod {
  return newPod(name, {
    ownedBy: ds,
    revision,
    nodeName: node,
    createdAt: 10,
    ...(state === 'available' ? { readySince: NOW - 600 } : {}),
    ...(state === 'ready' ? { readySince: NOW } : {}),
    ...(state === 'failed' || state === 'failed-deleting' ? { phase: 'Failed' } : {}),
    ...(state === 'succeeded' || state === 'succeeded-deleting' ? { phase: 'Succeeded' } : {}),
    ...(state === 'deleting' ? { readySince: NOW - 600 } : {}),
    ...(state.endsWith('deleting') ? { deletingSince: NOW - 1 } : {}),
    ...more,
  });
}

/**
 * daemonPodsOn indexes the pods as the controller does and returns what it then sees on the node:
 * its entry of getNodesToDaemonPods (DaemonSetState.podsOn).
 */
function daemonPodsOn(node: string, pods: Pod[]): Pod[] {
  const state = new DaemonSetState();
  for (const p of pods) state.indexPod(`default/${p.metadata.name}`, p, node);
  return state.podsOn(node);
}

/** Sync is what one pass of the controller asks for: the nodes that get a pod, the pods that go. */
interface Sync {
  creates: string[];
  deletes: string[];
}

function fromNode(nodeName: string, d: NodeDecision): Sync {
  return { creates: d.createOnNode ? [nodeName] : [], deletes: d.podsToDelete.map((p) => p.metadata.name) };
}

function fromRollout(d: RollingUpdateDecision): Sync {
  return { creates: d.nodesToCreate, deletes: d.podsToDelete.map((p) => p.metadata.name) };
}

/** expectSyncDaemonSets states the creates and deletes a decision must come to (upstream's helper of that name). */
function expectSyncDaemonSets(got: Sync, creates: string[], deletes: string[]): void {
  expect({ creates: [...got.creates].sort(), deletes: [...got.deletes].sort() }).toEqual({
    creates: [...creates].sort(),
    deletes: [...deletes].sort(),
  });
}

describe('DaemonSet controller · podsShouldBeOnNode (daemon_controller.go), one node per row', () => {
  interface Row {
    name: string;
    node: Node;
    ds: DaemonSet;
    pods: (ds: DaemonSet) => Pod[];
    /** What the failed-pod back-off has left to wait for this node (0: delete now). */
    backoff?: number;
    creates: string[];
    deletes: string[];
  }
  const plain = daemonSet(noSurge);
  const surging = daemonSet(surge());
  const slowSurging = daemonSet({ ...surge(), minReadySeconds: 30 });
  const rows: Row[] = [
    {
      name: 'no pod on a node that should run one → create (TestSimpleDaemonSetLaunchesPods)',
      node: fits(),
      ds: plain,
      pods: () => [],
      creates: ['node-1'],
      deletes: [],
    },
    {
      name: 'one running pod where one belongs → nothing',
      node: fits(),
      ds: plain,
      pods: (ds) => [pod(ds, 'a', 'node-1', NEW)],
      creates: [],
      deletes: [],
    },
    {
      name: 'two pods on one node → keep the oldest, delete the newer (TestDealsWithExistingPods)',
      node: fits(),
      ds: plain,
      pods: (ds) => [
        pod(ds, 'younger', 'node-1', NEW, 'available', { createdAt: 20 }),
        pod(ds, 'older', 'node-1', NEW, 'available', { createdAt: 5 }),
      ],
      creates: [],
      deletes: ['younger'],
    },
    {
      name: 'two pods created at the same instant → keep the first by name (podByCreationTimestampAndPhase)',
      node: fits(),
      ds: plain,
      pods: (ds) => [pod(ds, 'b', 'node-1', NEW), pod(ds, 'a', 'node-1', NEW)],
      creates: [],
      deletes: ['b'],
    },
    {
      name: 'a bound pod is kept before an older pod not yet bound (podByCreationTimestampAndPhase)',
      node: fits(),
      ds: plain,
      pods: (ds) => {
        const unbound = pod(ds, 'unbound', 'node-1', NEW, 'unready', { createdAt: 1 });
        delete unbound.spec.nodeName;
        return [unbound, pod(ds, 'bound', 'node-1', NEW, 'available', { createdAt: 9 })];
      },
      creates: [],
      deletes: ['unbound'],
    },
    {
      name: 'failed pod → delete it; its replacement comes once it is gone (TestDaemonKillFailedPods)',
      node: fits(),
      ds: plain,
      pods: (ds) => [pod(ds, 'failed', 'node-1', NEW, 'failed')],
      creates: [],
      deletes: ['failed'],
    },
    {
      name: 'failed pod while the back-off runs → keep it and wait (TestDaemonKillFailedPodsBackoff)',
      node: fits(),
      ds: plain,
      pods: (ds) => [pod(ds, 'failed', 'node-1', NEW, 'failed')],
      backoff: 2,
      creates: [],
      deletes: [],
    },
    {
      name: 'succeeded pod → delete it',
      node: fits(),
      ds: plain,
      pods: (ds) => [pod(ds, 'done', 'node-1', NEW, 'succeeded')],
      creates: [],
      deletes: ['done'],
    },
    {
      name: 'a failed pod beside a running one → delete only the failed one',
      node: fits(),
      ds: plain,
      pods: (ds) => [pod(ds, 'failed', 'node-1', NEW, 'failed'), pod(ds, 'running', 'node-1', NEW)],
      creates: [],
      deletes: ['failed'],
    },
    {
      name: 'the only pod is being deleted → no replacement until it is gone',
      node: fits(),
      ds: plain,
      pods: (ds) => [pod(ds, 'leaving', 'node-1', NEW, 'deleting')],
      creates: [],
      deletes: [],
    },
    {
      name: 'a Failed pod already being deleted does not block its replacement (getNodesToDaemonPods leaves out terminal pods being deleted)',
      node: fits(),
      ds: plain,
      pods: (ds) => [pod(ds, 'failed', 'node-1', NEW, 'failed-deleting')],
      creates: ['node-1'],
      deletes: [],
    },
    {
      name: 'a Succeeded pod already being deleted does not block its replacement',
      node: fits(),
      ds: plain,
      pods: (ds) => [pod(ds, 'done', 'node-1', NEW, 'succeeded-deleting')],
      creates: ['node-1'],
      deletes: [],
    },
    {
      name: 'a Failed pod being deleted beside its running replacement → nothing more',
      node: fits(),
      ds: plain,
      pods: (ds) => [
        pod(ds, 'failed', 'node-1', NEW, 'failed-deleting', { createdAt: 1 }),
        pod(ds, 'replacement', 'node-1', NEW),
      ],
      creates: [],
      deletes: [],
    },
    {
      name: 'pod on a node whose labels no longer match the nodeSelector → delete',
      node: otherPool(),
      ds: plain,
      pods: (ds) => [pod(ds, 'a', 'node-1', NEW)],
      creates: [],
      deletes: ['a'],
    },
    {
      name: 'pod on a node that no longer qualifies, already being deleted → nothing more',
      node: otherPool(),
      ds: plain,
      pods: (ds) => [pod(ds, 'leaving', 'node-1', NEW, 'deleting')],
      creates: [],
      deletes: [],
    },
    {
      name: 'no pod on a node that does not match the nodeSelector → nothing',
      node: otherPool(),
      ds: plain,
      pods: () => [],
      creates: [],
      deletes: [],
    },
    {
      name: 'NoSchedule taint added later keeps the running pod (TestNoScheduleTaintedDoesntEvicitRunningIntolerantPod)',
      node: tainted('NoSchedule'),
      ds: plain,
      pods: (ds) => [pod(ds, 'a', 'node-1', NEW)],
      creates: [],
      deletes: [],
    },
    {
      name: 'no pod on a node with an untolerated NoSchedule taint → no create',
      node: tainted('NoSchedule'),
      ds: plain,
      pods: () => [],
      creates: [],
      deletes: [],
    },
    {
      name: 'untolerated NoExecute taint → delete the running pod (TestNoExecuteTaintedDoesEvicitRunningIntolerantPod)',
      node: tainted('NoExecute'),
      ds: plain,
      pods: (ds) => [pod(ds, 'a', 'node-1', NEW)],
      creates: [],
      deletes: ['a'],
    },
    {
      name: 'a tolerated NoExecute taint → keep the pod',
      node: tainted('NoExecute'),
      ds: daemonSet({ ...noSurge, tolerations: [{ key: 'dedicated', operator: 'Exists' }] }),
      pods: (ds) => [pod(ds, 'a', 'node-1', NEW)],
      creates: [],
      deletes: [],
    },
    {
      name: 'surge: no pod on a node that should run one → create',
      node: fits(),
      ds: surging,
      pods: () => [],
      creates: ['node-1'],
      deletes: [],
    },
    {
      name: 'surge: the only pod is being deleted → create a new one beside it at once',
      node: fits(),
      ds: surging,
      pods: (ds) => [pod(ds, 'leaving', 'node-1', OLD, 'deleting')],
      creates: ['node-1'],
      deletes: [],
    },
    {
      name: 'surge: old pod ready, new pod not yet ready → keep both',
      node: fits(),
      ds: surging,
      pods: (ds) => [
        pod(ds, 'old', 'node-1', OLD),
        pod(ds, 'new', 'node-1', NEW, 'unready', { createdAt: 20 }),
      ],
      creates: [],
      deletes: [],
    },
    {
      name: 'surge: old pod not ready → delete it, whatever the new pod does',
      node: fits(),
      ds: surging,
      pods: (ds) => [
        pod(ds, 'old', 'node-1', OLD, 'unready'),
        pod(ds, 'new', 'node-1', NEW, 'unready', { createdAt: 20 }),
      ],
      creates: [],
      deletes: ['old'],
    },
    {
      name: 'surge: new pod ready → delete old',
      node: fits(),
      ds: surging,
      pods: (ds) => [
        pod(ds, 'old', 'node-1', OLD),
        pod(ds, 'new', 'node-1', NEW, 'ready', { createdAt: 20 }),
      ],
      creates: [],
      deletes: ['old'],
    },
    {
      name: 'surge: new pod ready but not for minReadySeconds → keep old',
      node: fits(),
      ds: slowSurging,
      pods: (ds) => [
        pod(ds, 'old', 'node-1', OLD),
        pod(ds, 'new', 'node-1', NEW, 'ready', { createdAt: 20 }),
      ],
      creates: [],
      deletes: [],
    },
    {
      name: 'surge: new pod ready for minReadySeconds → delete old',
      node: fits(),
      ds: slowSurging,
      pods: (ds) => [
        pod(ds, 'old', 'node-1', OLD),
        pod(ds, 'new', 'node-1', NEW, 'available', { createdAt: 20 }),
      ],
      creates: [],
      deletes: ['old'],
    },
    {
      name: 'surge: two new pods and an old one → delete the younger new pod, keep the pair',
      node: fits(),
      ds: surging,
      pods: (ds) => [
        pod(ds, 'old', 'node-1', OLD),
        pod(ds, 'new-1', 'node-1', NEW, 'unready', { createdAt: 20 }),
        pod(ds, 'new-2', 'node-1', NEW, 'unready', { createdAt: 30 }),
      ],
      creates: [],
      deletes: ['new-2'],
    },
    {
      name: 'surge: two old pods → keep the oldest old pod only',
      node: fits(),
      ds: surging,
      pods: (ds) => [
        pod(ds, 'old-2', 'node-1', OLD, 'available', { createdAt: 20 }),
        pod(ds, 'old-1', 'node-1', OLD, 'available', { createdAt: 5 }),
      ],
      creates: [],
      deletes: ['old-2'],
    },
  ];

  it.each(rows)('$name', ({ node, ds, pods, backoff, creates, deletes }) => {
    const place = nodeShouldRunDaemonPod(node, ds);
    const onNode = daemonPodsOn(node.metadata.name, pods(ds));
    const decision = podsShouldBeOnNode(
      place,
      onNode.length ? onNode : undefined,
      ds,
      NEW,
      NOW,
      { check: () => backoff ?? 0 },
      allowsSurge(ds),
    );
    expectSyncDaemonSets(fromNode(node.metadata.name, decision), creates, deletes);
  });

  it('reports a failed pod it deletes (FailedDaemonPod) and one it waits for, with the delay', () => {
    const ds = plain;
    const failed = pod(ds, 'failed', 'node-1', NEW, 'failed');
    const place = nodeShouldRunDaemonPod(fits(), ds);
    const now = podsShouldBeOnNode(place, [failed], ds, NEW, NOW, { check: () => 0 }, false);
    const later = podsShouldBeOnNode(place, [failed], ds, NEW, NOW, { check: () => 4 }, false);
    expect(now.failed).toEqual([{ pod: failed, action: 'delete', delay: 0 }]);
    expect(later.failed).toEqual([{ pod: failed, action: 'backoff', delay: 4 }]);
  });
});

describe('DaemonSet controller · the per-node view (viewNode: updateDaemonSetStatus and findUpdatedPodsOnNode)', () => {
  const ds = daemonSet({ minReadySeconds: 30 });
  const zero: StatusContribution = {
    desired: 0,
    current: 0,
    misscheduled: 0,
    ready: 0,
    available: 0,
    updated: 0,
  };
  it.each<{
    name: string;
    /** undefined: the node no longer exists, while pods still aim at node-1. */
    node: Node | undefined;
    pods: Pod[];
    status: Partial<StatusContribution>;
    category: RolloutCategory;
    surging?: boolean;
  }>([
    {
      name: 'should run, no pod yet → desired, and unavailable to a rollout',
      node: fits(),
      pods: [],
      status: { desired: 1 },
      category: 'unavailable',
    },
    {
      name: 'a new pod available → counted everywhere, settled',
      node: fits(),
      pods: [pod(ds, 'a', 'node-1', NEW)],
      status: { desired: 1, current: 1, ready: 1, available: 1, updated: 1 },
      category: 'settled',
    },
    {
      name: 'a new pod ready for less than minReadySeconds → ready, not available, unavailable',
      node: fits(),
      pods: [pod(ds, 'a', 'node-1', NEW, 'ready')],
      status: { desired: 1, current: 1, ready: 1, updated: 1 },
      category: 'unavailable',
    },
    {
      name: 'an old pod available → a candidate to replace',
      node: fits(),
      pods: [pod(ds, 'a', 'node-1', OLD)],
      status: { desired: 1, current: 1, ready: 1, available: 1 },
      category: 'oldAvailable',
    },
    {
      name: 'an old pod not ready → replaced at once',
      node: fits(),
      pods: [pod(ds, 'a', 'node-1', OLD, 'unready')],
      status: { desired: 1, current: 1 },
      category: 'oldUnavailable',
    },
    {
      name: 'old and new, the new not yet available → unavailable and surging',
      node: fits(),
      pods: [pod(ds, 'old', 'node-1', OLD), pod(ds, 'new', 'node-1', NEW, 'ready', { createdAt: 20 })],
      status: { desired: 1, current: 1, ready: 1, available: 1 },
      category: 'unavailable',
      surging: true,
    },
    {
      name: 'old and new, the new available → the old one goes',
      node: fits(),
      pods: [pod(ds, 'old', 'node-1', OLD), pod(ds, 'new', 'node-1', NEW, 'available', { createdAt: 20 })],
      status: { desired: 1, current: 1, ready: 1, available: 1 },
      category: 'bothNewAvailable',
    },
    {
      name: 'two pods → the oldest one counts for the status (a younger new pod is not "updated")',
      node: fits(),
      pods: [
        pod(ds, 'new', 'node-1', NEW, 'available', { createdAt: 20 }),
        pod(ds, 'old', 'node-1', OLD, 'unready', { createdAt: 5 }),
      ],
      status: { desired: 1, current: 1 },
      category: 'bothNewAvailable',
    },
    {
      name: 'two new pods → excess for manage to prune, unavailable (findUpdatedPodsOnNode not ok)',
      node: fits(),
      pods: [pod(ds, 'a', 'node-1', NEW), pod(ds, 'b', 'node-1', NEW)],
      status: { desired: 1, current: 1, ready: 1, available: 1, updated: 1 },
      category: 'unavailable',
      surging: true,
    },
    {
      name: 'the only pod being deleted → still scheduled for the status, no pod for a rollout',
      node: fits(),
      pods: [pod(ds, 'a', 'node-1', NEW, 'deleting')],
      status: { desired: 1, current: 1, ready: 1, available: 1, updated: 1 },
      category: 'unavailable',
    },
    {
      name: 'a pod on a node that should not run it → misscheduled',
      node: otherPool(),
      pods: [pod(ds, 'a', 'node-1', OLD)],
      status: { misscheduled: 1 },
      category: 'oldAvailable',
    },
    {
      name: 'NoSchedule taint added later → the pod is misscheduled but stays (not desired)',
      node: tainted('NoSchedule'),
      pods: [pod(ds, 'a', 'node-1', NEW)],
      status: { misscheduled: 1 },
      category: 'settled',
    },
    {
      name: 'no pod on a node that should not run one → not looked at',
      node: otherPool(),
      pods: [],
      status: {},
      category: 'none',
    },
    {
      name: 'pods on a node that no longer exists count in no status field (updateDaemonSetStatus ranges over the node list), yet a rollout still replaces them',
      node: undefined,
      pods: [pod(ds, 'a', 'node-1', OLD)],
      status: {},
      category: 'oldAvailable',
    },
    {
      name: 'a new pod on a node that no longer exists is not misscheduled either',
      node: undefined,
      pods: [pod(ds, 'a', 'node-1', NEW)],
      status: {},
      category: 'settled',
    },
    {
      name: 'a Failed pod already being deleted is no pod at all: desired, not current, unavailable to a rollout',
      node: fits(),
      pods: [pod(ds, 'a', 'node-1', NEW, 'failed-deleting')],
      status: { desired: 1 },
      category: 'unavailable',
    },
    {
      name: 'a Succeeded pod being deleted on a node that should not run it → not misscheduled, not looked at',
      node: otherPool(),
      pods: [pod(ds, 'a', 'node-1', OLD, 'succeeded-deleting')],
      status: {},
      category: 'none',
    },
    {
      name: 'a Failed pod being deleted beside its replacement → the replacement is the pod that counts',
      node: fits(),
      pods: [
        pod(ds, 'failed', 'node-1', OLD, 'failed-deleting', { createdAt: 1 }),
        pod(ds, 'replacement', 'node-1', NEW, 'available', { createdAt: 20 }),
      ],
      status: { desired: 1, current: 1, ready: 1, available: 1, updated: 1 },
      category: 'settled',
    },
  ])('$name', ({ node, pods, status, category, surging }) => {
    const view = viewNode(
      node && nodeShouldRunDaemonPod(node, ds),
      daemonPodsOn('node-1', pods),
      isUpdated,
      30,
      NOW,
    );
    expect({ status: view.status, category: view.category, surging: view.surging }).toEqual({
      status: { ...zero, ...status },
      category,
      surging: surging ?? false,
    });
  });

  it('knows when a ready pod turns available, so the controller can wake up then', () => {
    const view = viewNode(
      nodeShouldRunDaemonPod(fits(), ds),
      [pod(ds, 'a', 'node-1', NEW, 'ready')],
      isUpdated,
      30,
      NOW,
    );
    expect(view.availableAt).toBe(NOW + 30);
  });
});

describe('DaemonSet controller · the rolling-update step (update.go rollingUpdate, from the buckets)', () => {
  /**
   * A node of the table with the daemon pods it holds; pods are named after their node. A bare
   * name is a node that no longer exists while pods still aim at it.
   */
  type Cell = [Node | string, ...(PodState | `new-${PodState}` | 'none')[]];

  /** rollout indexes the cluster into DaemonSetState as the controller does and runs one step. */
  function rollout(ds: DaemonSet, cells: Cell[]): Sync {
    const state = new DaemonSetState();
    for (const [node, ...pods] of cells) {
      const name = typeof node === 'string' ? node : node.metadata.name;
      const built = pods
        .filter((p) => p !== 'none')
        .map((p, i) => {
          const isNew = p.startsWith('new-');
          const st = (isNew ? p.slice(4) : p) as PodState;
          return pod(ds, `${isNew ? 'new' : 'old'}-${name}`, name, isNew ? NEW : OLD, st, {
            createdAt: 10 + i,
          });
        });
      for (const p of built) state.indexPod(`default/${p.metadata.name}`, p, name);
      const view = viewNode(
        typeof node === 'string' ? undefined : nodeShouldRunDaemonPod(node, ds),
        state.podsOn(name),
        isUpdated,
        ds.spec.minReadySeconds ?? 0,
        NOW,
      );
      state.setView(name, view, isUpdated);
    }
    return fromRollout(rollingUpdateFromBuckets(ds, state, new Rng(1)));
  }

  it.each<{ name: string; ds: DaemonSet; cells: Cell[]; creates: string[]; deletes: string[] }>([
    {
      name: 'every pod current → nothing (TestDaemonSetUpdatesNoTemplateChanged)',
      ds: daemonSet(unavailable(1)),
      cells: [
        [fits('n1'), 'new-available'],
        [fits('n2'), 'new-available'],
      ],
      creates: [],
      deletes: [],
    },
    {
      name: 'maxUnavailable 1, one old available pod, the rest current → delete it (TestDaemonSetUpdatesPods)',
      ds: daemonSet(unavailable(1)),
      cells: [
        [fits('n1'), 'available'],
        [fits('n2'), 'new-available'],
        [fits('n3'), 'new-available'],
      ],
      creates: [],
      deletes: ['old-n1'],
    },
    {
      name: 'maxUnavailable 1 and a new pod not yet available → delete nothing more (TestDaemonSetUpdatesWhenNewPosIsNotReady)',
      ds: daemonSet(unavailable(1)),
      cells: [
        [fits('n1'), 'available'],
        [fits('n2'), 'new-unready'],
      ],
      creates: [],
      deletes: [],
    },
    {
      name: 'a node that should run a pod and has none counts as unavailable → nothing deleted',
      ds: daemonSet(unavailable(1)),
      cells: [[fits('n1'), 'available'], [fits('n2')]],
      creates: [],
      deletes: [],
    },
    {
      name: 'old pods not available are replaced at once, beyond maxUnavailable (TestDaemonSetUpdatesAllOldPodsNotReady)',
      ds: daemonSet(unavailable(1)),
      cells: [
        [fits('n1'), 'unready'],
        [fits('n2'), 'unready'],
        [fits('n3'), 'unready'],
      ],
      creates: [],
      deletes: ['old-n1', 'old-n2', 'old-n3'],
    },
    {
      name: 'maxUnavailable 50% of 4 nodes → two old pods at a time',
      ds: daemonSet(unavailable('50%')),
      cells: [
        [fits('n1'), 'available'],
        [fits('n2'), 'available'],
        [fits('n3'), 'new-available'],
        [fits('n4'), 'new-available'],
      ],
      creates: [],
      deletes: ['old-n1', 'old-n2'],
    },
    {
      name: 'maxUnavailable 1% of 4 nodes rounds up to one',
      ds: daemonSet(unavailable('1%')),
      cells: [
        [fits('n1'), 'available'],
        [fits('n2'), 'new-available'],
        [fits('n3'), 'new-available'],
        [fits('n4'), 'new-available'],
      ],
      creates: [],
      deletes: ['old-n1'],
    },
    {
      name: 'maxUnavailable 0 with maxSurge 0 is taken as 1 (updatedDesiredNodeCounts)',
      ds: daemonSet(unavailable(0)),
      cells: [
        [fits('n1'), 'available'],
        [fits('n2'), 'new-available'],
      ],
      creates: [],
      deletes: ['old-n1'],
    },
    {
      name: 'an old pod on a node that no longer qualifies is replaced like any other',
      ds: daemonSet(unavailable(1)),
      cells: [
        [otherPool('n1'), 'available'],
        [fits('n2'), 'new-available'],
      ],
      creates: [],
      deletes: ['old-n1'],
    },
    {
      name: 'a Failed pod being deleted on a node that no longer qualifies does not count as an unavailable node',
      ds: daemonSet(unavailable(1)),
      cells: [
        [otherPool('n1'), 'failed-deleting'],
        [fits('n2'), 'available'],
      ],
      creates: [],
      deletes: ['old-n2'],
    },
    {
      name: 'a node whose only pod is a Failed one being deleted is unavailable → nothing more deleted',
      ds: daemonSet(unavailable(1)),
      cells: [
        [fits('n1'), 'failed-deleting'],
        [fits('n2'), 'available'],
      ],
      creates: [],
      deletes: [],
    },
    {
      name: 'an old pod on a node that no longer exists is replaced like one on a node that no longer qualifies',
      ds: daemonSet(unavailable(1)),
      cells: [
        ['n1', 'available'],
        [fits('n2'), 'new-available'],
      ],
      creates: [],
      deletes: ['old-n1'],
    },
    {
      name: 'surge: an old available pod → create a new pod beside it (TestDaemonSetUpdatesPodsWithMaxSurge)',
      ds: daemonSet(surge(1)),
      cells: [
        [fits('n1'), 'available'],
        [fits('n2'), 'new-available'],
      ],
      creates: ['n1'],
      deletes: [],
    },
    {
      name: 'surge: maxSurge 1 with one surge in flight → no more creates',
      ds: daemonSet(surge(1)),
      cells: [
        [fits('n1'), 'available', 'new-unready'],
        [fits('n2'), 'available'],
      ],
      creates: [],
      deletes: [],
    },
    {
      name: 'surge: new pod ready → delete old',
      ds: daemonSet(surge(1)),
      cells: [
        [fits('n1'), 'available', 'new-available'],
        [fits('n2'), 'new-available'],
      ],
      creates: [],
      deletes: ['old-n1'],
    },
    {
      name: 'surge: old pods not available → new pods at once, beyond maxSurge (TestDaemonSetUpdatesAllOldPodsNotReadyMaxSurge)',
      ds: daemonSet(surge(1)),
      cells: [
        [fits('n1'), 'unready'],
        [fits('n2'), 'unready'],
        [fits('n3'), 'unready'],
      ],
      creates: ['n1', 'n2', 'n3'],
      deletes: [],
    },
    {
      name: 'surge: an unavailable old pod on a node that no longer qualifies → delete it',
      ds: daemonSet(surge(1)),
      cells: [
        [otherPool('n1'), 'unready'],
        [fits('n2'), 'new-available'],
      ],
      creates: [],
      deletes: ['old-n1'],
    },
    {
      name: 'surge: an available pod on a node that no longer qualifies stays while no pod elsewhere replaces it',
      ds: daemonSet(surge(1)),
      cells: [[otherPool('n1'), 'available'], [fits('n2')]],
      creates: [],
      deletes: [],
    },
    {
      name: 'surge: … and goes once enough pods elsewhere are available',
      ds: daemonSet(surge(1)),
      cells: [
        [otherPool('n1'), 'available'],
        [fits('n2'), 'new-available'],
      ],
      creates: [],
      deletes: ['old-n1'],
    },
  ])('$name', ({ ds, cells, creates, deletes }) => {
    expectSyncDaemonSets(rollout(ds, cells), creates, deletes);
  });
});
