// Decision tables for the DaemonSet controller, one rule per row, in the manner of upstream's
// pkg/controller/daemon/daemon_controller_test.go and update_test.go: build a node, a DaemonSet
// and its pods with the fixture builders (decisionTables.ts), run one decision, and state what it
// creates and deletes. Placement is always the real nodeShouldRunDaemonPod.
import { describe, it } from 'vitest';
import type { DaemonSet, Node } from '../../../../../src/engine/api/types';
import { Rng } from '../../../../../src/engine/clock/rng';
import { DaemonSetState } from '../../../../../src/engine/controllers/daemonset/dsState';
import { viewNode } from '../../../../../src/engine/controllers/daemonset/nodeView';
import { rollingUpdateFromBuckets } from '../../../../../src/engine/controllers/daemonset/rollingUpdate';
import { nodeShouldRunDaemonPod } from '../../../../../src/engine/predicates';
import type { PodState, Sync } from './decisionTables';
import {
  NOW,
  NEW,
  OLD,
  isUpdated,
  surge,
  unavailable,
  daemonSet,
  fits,
  otherPool,
  pod,
  fromRollout,
  expectSyncDaemonSets,
} from './decisionTables';

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
