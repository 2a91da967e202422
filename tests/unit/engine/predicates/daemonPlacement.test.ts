import { describe, expect, it } from 'vitest';
import type { Affinity, Pod, Taint } from '../../../../src/engine/api/types';
import {
  describePlacementReason,
  getTargetNodeName,
  newDaemonPod,
  nodeShouldRunDaemonPod,
  replaceDaemonSetPodNodeNameNodeAffinity,
} from '../../../../src/engine/predicates/daemonPlacement';
import type { PlacementReason } from '../../../../src/engine/predicates/daemonPlacement';
import type { DaemonSetOptions, NodeOptions } from '../../../fixtures/builders';
import { newDaemonSet, newNode, updateStrategies } from '../../../fixtures/builders';

const noSchedule: Taint = { key: 'dedicated', value: 'db', effect: 'NoSchedule' };
const noExecute: Taint = { key: 'dedicated', value: 'db', effect: 'NoExecute' };
const notReady: Taint = { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' };
const unreachable: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };
const unschedulable: Taint = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };
const networkUnavailable: Taint = { key: 'node.kubernetes.io/network-unavailable', effect: 'NoSchedule' };

interface Case {
  name: string;
  node?: NodeOptions;
  nodeName?: string;
  ds?: DaemonSetOptions;
  shouldRun: boolean;
  shouldContinueRunning: boolean;
  reasons?: string[];
}

const cases: Case[] = [
  // TestNodeShouldRunDaemonPod "ShouldRunDaemonPod"
  { name: 'runs on a plain Ready node', shouldRun: true, shouldContinueRunning: true, reasons: [] },
  // TestNameDaemonSetLaunchesPods
  {
    name: 'runs on the node named by the template spec.nodeName',
    nodeName: 'node-0',
    ds: { nodeName: 'node-0' },
    shouldRun: true,
    shouldContinueRunning: true,
  },
  // TestNodeShouldRunDaemonPod "ErrPodNotMatchHostName", TestBadNameDaemonSetDoesNothing
  {
    name: 'does not run on another node than the template spec.nodeName',
    nodeName: 'node-0',
    ds: { nodeName: 'other-node' },
    shouldRun: false,
    shouldContinueRunning: false,
    reasons: ['the pod template sets spec.nodeName to "other-node", so only that node runs it, not node-0'],
  },
  // TestNodeShouldRunDaemonPod "ErrNodeSelectorNotMatch", TestBadSelectorDaemonDoesNothing
  {
    name: 'does not run, and removes a running pod, where the nodeSelector does not match',
    ds: { nodeSelector: { disktype: 'ssd' } },
    shouldRun: false,
    shouldContinueRunning: false,
    reasons: ['nodeSelector disktype=ssd: node has no label disktype'],
  },
  // TestSelectorDaemonLaunchesPods
  {
    name: 'runs where the nodeSelector matches',
    node: { labels: { disktype: 'ssd' } },
    ds: { nodeSelector: { disktype: 'ssd' } },
    shouldRun: true,
    shouldContinueRunning: true,
  },
  // TestNodeShouldRunDaemonPod "ErrPodAffinityNotMatch"
  {
    name: 'does not run where the required node affinity does not match',
    node: { labels: { accelerator: 'none' } },
    ds: { affinity: requiredIn('accelerator', 'gpu') },
    shouldRun: false,
    shouldContinueRunning: false,
    reasons: ['no nodeSelectorTerm matched: term 1: accelerator In [gpu] (node has accelerator=none)'],
  },
  // TestNodeAffinityDaemonLaunchesPods
  {
    name: 'runs where the required node affinity matches',
    node: { labels: { accelerator: 'gpu' } },
    ds: { affinity: requiredIn('accelerator', 'gpu') },
    shouldRun: true,
    shouldContinueRunning: true,
  },
  // TestInconsistentNameSelectorDaemonSetDoesNothing
  {
    name: 'does not run when spec.nodeName matches but the nodeSelector does not',
    nodeName: 'node-0',
    ds: { nodeName: 'node-0', nodeSelector: { disktype: 'ssd' } },
    shouldRun: false,
    shouldContinueRunning: false,
  },
  // TestNoScheduleTaintedDoesntEvicitRunningIntolerantPod / TestTaintedNodeDaemonDoesNotLaunchIntolerantPod
  {
    name: 'does not evict a running daemon pod when a NoSchedule taint is added',
    node: { taints: [noSchedule] },
    shouldRun: false,
    shouldContinueRunning: true,
    reasons: ['taint dedicated=db:NoSchedule is not tolerated (add a toleration with key "dedicated")'],
  },
  // TestNoExecuteTaintedDoesEvicitRunningIntolerantPod
  {
    name: 'evicts a running daemon pod that does not tolerate a NoExecute taint',
    node: { taints: [noExecute] },
    shouldRun: false,
    shouldContinueRunning: false,
    reasons: [
      'taint dedicated=db:NoExecute is not tolerated, and it evicts a running daemon pod (add a toleration with key "dedicated")',
    ],
  },
  // TestTaintedNodeDaemonLaunchesToleratePod
  {
    name: 'runs on a tainted node when the template tolerates the taint',
    node: { taints: [noSchedule, noExecute] },
    ds: { tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'db' }] },
    shouldRun: true,
    shouldContinueRunning: true,
  },
  {
    name: 'a PreferNoSchedule taint never keeps a daemon pod away',
    node: { taints: [{ key: 'spot', effect: 'PreferNoSchedule' }] },
    shouldRun: true,
    shouldContinueRunning: true,
  },
  // TestNotReadyNodeDaemonLaunchesPod
  {
    name: 'runs on a not-ready node (not-ready:NoExecute is tolerated forever)',
    node: { ready: 'False', taints: [notReady] },
    shouldRun: true,
    shouldContinueRunning: true,
  },
  // TestUnreachableNodeDaemonLaunchesPod
  {
    name: 'runs on an unreachable node (unreachable:NoExecute is tolerated forever)',
    node: { ready: 'Unknown', taints: [unreachable] },
    shouldRun: true,
    shouldContinueRunning: true,
  },
  // TestTaintPressureNodeDaemonLaunchesPod
  {
    name: 'runs on a node under disk, memory and PID pressure',
    node: {
      taints: [
        { key: 'node.kubernetes.io/disk-pressure', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' },
        { key: 'node.kubernetes.io/pid-pressure', effect: 'NoSchedule' },
      ],
    },
    shouldRun: true,
    shouldContinueRunning: true,
  },
  // TestNodeShouldRunDaemonPod "ShouldRunDaemonPodOnUnschedulableNode"
  {
    name: 'a cordoned node still runs daemon pods',
    node: { unschedulable: true, taints: [unschedulable] },
    shouldRun: true,
    shouldContinueRunning: true,
  },
  {
    name: 'a cordoned node still runs daemon pods before its taint is added',
    node: { unschedulable: true },
    shouldRun: true,
    shouldContinueRunning: true,
  },
  {
    name: 'network-unavailable is tolerated only with hostNetwork (without it: not placed, not evicted)',
    node: { taints: [networkUnavailable] },
    shouldRun: false,
    shouldContinueRunning: true,
    reasons: [
      'taint node.kubernetes.io/network-unavailable:NoSchedule is not tolerated (add a toleration with key "node.kubernetes.io/network-unavailable")',
    ],
  },
  {
    name: 'network-unavailable is tolerated with hostNetwork',
    node: { taints: [networkUnavailable] },
    ds: { hostNetwork: true },
    shouldRun: true,
    shouldContinueRunning: true,
  },
  // TestNodeShouldRunDaemonPod "InsufficientResourceError": resources are the scheduler's business since 1.12.
  {
    name: 'ignores resources: a daemon pod bigger than the node still should run',
    node: { allocatable: { cpu: '1', memory: '100M', pods: '110' } },
    ds: { resources: { requests: { cpu: '8', memory: '64Gi' } } },
    shouldRun: true,
    shouldContinueRunning: true,
  },
  {
    name: 'lists every reason: affinity and each untolerated taint',
    node: { taints: [noSchedule, noExecute] },
    ds: { nodeSelector: { disktype: 'ssd' } },
    shouldRun: false,
    shouldContinueRunning: false,
    reasons: [
      'nodeSelector disktype=ssd: node has no label disktype',
      'taint dedicated=db:NoSchedule is not tolerated (add a toleration with key "dedicated")',
      'taint dedicated=db:NoExecute is not tolerated, and it evicts a running daemon pod (add a toleration with key "dedicated")',
    ],
  },
];

function requiredIn(key: string, value: string): Affinity {
  return {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchExpressions: [{ key, operator: 'In', values: [value] }] }],
      },
    },
  };
}

describe('nodeShouldRunDaemonPod', () => {
  // As upstream, each case runs under both update strategies: placement must not depend on them.
  const withStrategies = cases.flatMap((c) =>
    updateStrategies().map((updateStrategy) => ({
      ...c,
      strategy: updateStrategy.type ?? '',
      updateStrategy,
    })),
  );
  it.each(withStrategies)('$name ($strategy)', (c) => {
    const node = newNode(c.nodeName ?? 'test-node', c.node);
    const ds = newDaemonSet('ds', { ...c.ds, updateStrategy: c.updateStrategy });
    const before = JSON.stringify({ node, ds });
    const decision = nodeShouldRunDaemonPod(node, ds);
    expect({ shouldRun: decision.shouldRun, shouldContinueRunning: decision.shouldContinueRunning }).toEqual({
      shouldRun: c.shouldRun,
      shouldContinueRunning: c.shouldContinueRunning,
    });
    if (c.reasons) expect(decision.reasons.map(describePlacementReason)).toEqual(c.reasons);
    expect(JSON.stringify({ node, ds })).toBe(before);
  });

  it('gives structured reasons the inspector can use', () => {
    const decision = nodeShouldRunDaemonPod(newNode('n1', { taints: [noExecute] }), newDaemonSet('ds'));
    expect(decision.reasons).toEqual<PlacementReason[]>([{ kind: 'taint', taint: noExecute, evicts: true }]);
  });
});

describe('newDaemonPod', () => {
  it('copies the template, sets namespace and nodeName, and adds the daemon tolerations', () => {
    const ds = newDaemonSet('fluentd', { namespace: 'logging', templateAnnotations: { a: 'b' } });
    const pod = newDaemonPod(ds, 'node-3');
    expect(pod.metadata).toEqual({
      name: '',
      namespace: 'logging',
      labels: { app: 'fluentd' },
      annotations: { a: 'b' },
    });
    expect(pod.spec.nodeName).toBe('node-3');
    expect(pod.spec.containers).toEqual(ds.spec.template.spec.containers);
    expect(pod.spec.tolerations?.map((t) => t.key)).toContain('node.kubernetes.io/unreachable');
    expect(ds.spec.template.spec.tolerations).toBeUndefined();
    pod.metadata.labels = {};
    expect(ds.spec.template.metadata?.labels).toEqual({ app: 'fluentd' });
  });
});

describe('replaceDaemonSetPodNodeNameNodeAffinity', () => {
  const pin = {
    nodeSelectorTerms: [
      { matchFields: [{ key: 'metadata.name', operator: 'In' as const, values: ['node-1'] }] },
    ],
  };
  // daemonset_util_test.go TestReplaceDaemonSetPodNodeNameNodeAffinity.
  it.each<{ name: string; affinity: Affinity | undefined; expected: Affinity }>([
    {
      name: 'creates the affinity when there is none',
      affinity: undefined,
      expected: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: pin } },
    },
    {
      name: 'replaces the required terms and keeps the preferred ones',
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: [{ key: 'a', operator: 'Exists' }] }],
          },
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 1, preference: { matchExpressions: [{ key: 'b', operator: 'Exists' }] } },
          ],
        },
      },
      expected: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: pin,
          preferredDuringSchedulingIgnoredDuringExecution: [
            { weight: 1, preference: { matchExpressions: [{ key: 'b', operator: 'Exists' }] } },
          ],
        },
      },
    },
    {
      name: 'keeps pod anti-affinity',
      affinity: { podAntiAffinity: { x: 1 } },
      expected: {
        podAntiAffinity: { x: 1 },
        nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: pin },
      },
    },
  ])('$name', ({ affinity, expected }) => {
    const before = JSON.stringify(affinity);
    expect(replaceDaemonSetPodNodeNameNodeAffinity(affinity, 'node-1')).toEqual(expected);
    expect(JSON.stringify(affinity)).toBe(before);
  });
});

describe('getTargetNodeName', () => {
  const pod = (spec: Partial<Pod['spec']>): Pod => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'ds-abc', namespace: 'default' },
    spec: { containers: [], ...spec },
  });
  // daemonset_util_test.go TestGetTargetNodeName.
  it.each([
    {
      name: 'a bound pod names its spec.nodeName',
      pod: pod({ nodeName: 'node-1' }),
      result: { ok: true, nodeName: 'node-1' },
    },
    {
      name: 'a pending pod names the node of its metadata.name affinity',
      pod: pod({ affinity: replaceDaemonSetPodNodeNameNodeAffinity(undefined, 'node-2') }),
      result: { ok: true, nodeName: 'node-2' },
    },
    {
      name: 'a pod with neither has no target',
      pod: pod({}),
      result: {
        ok: false,
        message:
          'no spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution for pod default/ds-abc',
      },
    },
    {
      name: 'a metadata.name affinity with two values is not unique',
      pod: pod({
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                { matchFields: [{ key: 'metadata.name', operator: 'In', values: ['a', 'b'] }] },
              ],
            },
          },
        },
      }),
      result: {
        ok: false,
        message: "the matchFields value of 'metadata.name' is not unique for pod default/ds-abc",
      },
    },
  ])('$name', ({ pod: p, result }) => {
    expect(getTargetNodeName(p)).toEqual(result);
  });
});
