// Decision tables for the DaemonSet controller, one rule per row, in the manner of upstream's
// pkg/controller/daemon/daemon_controller_test.go and update_test.go: build a node, a DaemonSet
// and its pods with the fixture builders (decisionTables.ts), run one decision, and state what it
// creates and deletes. Placement is always the real nodeShouldRunDaemonPod.
import { describe, expect, it } from 'vitest';
import type { Node, Pod } from '../../../../../src/engine/api/types';
import type {
  RolloutCategory,
  StatusContribution,
} from '../../../../../src/engine/controllers/daemonset/nodeView';
import { viewNode } from '../../../../../src/engine/controllers/daemonset/nodeView';
import { nodeShouldRunDaemonPod } from '../../../../../src/engine/predicates';
import {
  NOW,
  NEW,
  OLD,
  isUpdated,
  daemonSet,
  fits,
  otherPool,
  tainted,
  pod,
  daemonPodsOn,
} from './decisionTables';

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
