// Decision tables for the DaemonSet controller, one rule per row, in the manner of upstream's
// pkg/controller/daemon/daemon_controller_test.go and update_test.go: build a node, a DaemonSet
// and its pods with the fixture builders (decisionTables.ts), run one decision, and state what it
// creates and deletes. Placement is always the real nodeShouldRunDaemonPod.
import { describe, expect, it } from 'vitest';
import type { DaemonSet, Node, Pod } from '../../../../../src/engine/api/types';
import { podsShouldBeOnNode } from '../../../../../src/engine/controllers/daemonset/placement';
import { allowsSurge } from '../../../../../src/engine/controllers/daemonset/rollingUpdate';
import { nodeShouldRunDaemonPod } from '../../../../../src/engine/predicates';
import {
  NOW,
  NEW,
  OLD,
  noSurge,
  surge,
  daemonSet,
  fits,
  otherPool,
  tainted,
  pod,
  daemonPodsOn,
  fromNode,
  expectSyncDaemonSets,
} from './decisionTables';

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
