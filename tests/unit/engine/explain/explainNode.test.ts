import { describe, expect, it } from 'vitest';
import type { DaemonSet, Node, Pod, PodCondition } from '../../../../src/engine/api/types';
import { explainDaemonSet, explainNode, missingToleration } from '../../../../src/engine/explain/explainNode';
import { newDaemonSet, newNode, newPod } from '../../../fixtures/builders';

interface DaemonPodOptions {
  name?: string;
  bound?: boolean;
  ready?: boolean;
  terminating?: boolean;
  phase?: 'Failed' | 'Succeeded';
  conditions?: PodCondition[];
  waiting?: string;
}

// A pod the DaemonSet controller would have made for `node`: owned, pinned by node affinity, and
// bound unless `bound: false` (the scheduler has not placed it yet).
function daemonPod(ds: DaemonSet, node: string, opts: DaemonPodOptions = {}): Pod {
  const pod = newPod(opts.name ?? `${ds.metadata.name}-${node}`, {
    namespace: ds.metadata.namespace ?? 'default',
    ...(opts.bound === false ? {} : { nodeName: node }),
    phase: opts.bound === false ? 'Pending' : 'Running',
  });
  pod.metadata.ownerReferences = [
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      name: ds.metadata.name,
      uid: ds.metadata.uid ?? '',
      controller: true,
    },
  ];
  pod.spec.affinity = {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }],
      },
    },
  };
  if (opts.terminating) pod.metadata.deletionTimestamp = '2025-01-01T00:01:00Z';
  pod.status = {
    phase: opts.phase ?? (opts.bound === false ? 'Pending' : 'Running'),
    conditions: opts.conditions ?? [{ type: 'Ready', status: opts.ready === false ? 'False' : 'True' }],
    ...(opts.waiting
      ? {
          containerStatuses: [
            {
              name: 'c',
              image: 'i',
              ready: false,
              restartCount: 0,
              state: { waiting: { reason: opts.waiting } },
            },
          ],
        }
      : {}),
  };
  return pod;
}

function text(e: { headline: string; sentences: string[] }): string {
  return [e.headline, ...e.sentences].join('\n');
}

describe('explainNode · verdicts per DaemonSet', () => {
  const ds = newDaemonSet('fluentd', { namespace: 'kube-system' });

  const cases: {
    name: string;
    node: Node;
    ds?: DaemonSet;
    pods: (ds: DaemonSet) => Pod[];
    verdict: string;
    says: RegExp[];
  }[] = [
    {
      name: 'a ready pod on a plain node runs',
      node: newNode('n1'),
      pods: (d) => [daemonPod(d, 'n1')],
      verdict: 'runs',
      says: [/fluentd-n1 runs here and is ready/, /Nothing keeps it away/],
    },
    {
      name: 'a pod that is not ready yet is starting, with its container state',
      node: newNode('n1'),
      pods: (d) => [daemonPod(d, 'n1', { ready: false, waiting: 'ContainerCreating' })],
      verdict: 'starting',
      says: [/ContainerCreating, not ready yet/],
    },
    {
      name: 'a pending pod quotes the scheduler message from its PodScheduled condition',
      node: newNode('n1'),
      pods: (d) => [
        daemonPod(d, 'n1', {
          bound: false,
          conditions: [
            {
              type: 'PodScheduled',
              status: 'False',
              reason: 'Unschedulable',
              message: '0/3 nodes are available: 1 Insufficient cpu.',
            },
          ],
        }),
      ],
      verdict: 'pending',
      says: [/The scheduler cannot place it yet: 0\/3 nodes are available: 1 Insufficient cpu\./],
    },
    {
      name: 'an untolerated NoSchedule taint keeps the DaemonSet off and names the missing toleration',
      node: newNode('n1', { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] }),
      pods: () => [],
      verdict: 'excluded',
      says: [
        /[Tt]aint dedicated=db:NoSchedule is not tolerated/,
        /\{key: dedicated, operator: Equal, value: "db", effect: NoSchedule\}/,
      ],
    },
    {
      name: 'does not evict a running daemon pod when a NoSchedule taint is added (it stays)',
      node: newNode('n1', { taints: [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }] }),
      pods: (d) => [daemonPod(d, 'n1')],
      verdict: 'stays',
      says: [/keeps running/, /never evicts a running one/],
    },
    {
      name: 'an untolerated NoExecute taint means a running daemon pod is removed',
      node: newNode('n1', { taints: [{ key: 'maintenance', value: 'true', effect: 'NoExecute' }] }),
      pods: (d) => [daemonPod(d, 'n1')],
      verdict: 'leaving',
      says: [
        /will be removed/,
        /maintenance=true:NoExecute is not tolerated, and it evicts a running daemon pod/,
      ],
    },
    {
      name: 'a terminating pod under a NoExecute taint says the controller removes it',
      node: newNode('n1', { taints: [{ key: 'maintenance', effect: 'NoExecute' }] }),
      pods: (d) => [daemonPod(d, 'n1', { terminating: true })],
      verdict: 'terminating',
      says: [/is terminating/, /\{key: maintenance, operator: Exists, effect: NoExecute\}/],
    },
    {
      name: 'a Failed pod being deleted says its replacement comes at once (getNodesToDaemonPods leaves it out)',
      node: newNode('n1'),
      pods: (d) => [daemonPod(d, 'n1', { terminating: true, phase: 'Failed' })],
      verdict: 'terminating',
      says: [/is terminating/, /has Failed and is being deleted/, /creates a new pod here at once/],
    },
    {
      name: 'a running pod being deleted says the new one waits until it is gone',
      node: newNode('n1'),
      pods: (d) => [daemonPod(d, 'n1', { terminating: true })],
      verdict: 'terminating',
      says: [/is terminating/, /places a new one once it is gone/],
    },
    {
      name: 'a nodeSelector that does not match names the label and the node value',
      node: newNode('n1', { labels: { disktype: 'hdd' } }),
      ds: newDaemonSet('ssd-agent', { nodeSelector: { disktype: 'ssd' } }),
      pods: () => [],
      verdict: 'excluded',
      says: [/nodeSelector disktype=ssd: node has disktype=hdd/],
    },
    {
      name: 'a required node affinity that does not match names each term',
      node: newNode('n1', { labels: { accelerator: 'none' } }),
      ds: newDaemonSet('gpu', {
        affinity: {
          nodeAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: {
              nodeSelectorTerms: [
                { matchExpressions: [{ key: 'accelerator', operator: 'In', values: ['nvidia'] }] },
              ],
            },
          },
        },
      }),
      pods: () => [],
      verdict: 'excluded',
      says: [/term 1: accelerator In \[nvidia\] \(node has accelerator=none\)/],
    },
    {
      name: 'a node that fits but has no pod yet is missing one',
      node: newNode('n1'),
      pods: () => [],
      verdict: 'missing',
      says: [/one should run here/, /creates a pod at its next sync/],
    },
  ];

  it.each(cases)('$name', (c) => {
    const d = c.ds ?? ds;
    const e = explainDaemonSet(c.node, d, c.pods(d));
    expect(e.verdict).toBe(c.verdict);
    for (const re of c.says) expect(text(e)).toMatch(re);
  });
});

describe('explainNode · why a node is allowed', () => {
  it('says which toleration of the template tolerates the control-plane taint', () => {
    const node = newNode('cp', {
      taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
    });
    const ds = newDaemonSet('fluentd', {
      tolerations: [
        { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
      ],
    });
    const e = explainDaemonSet(node, ds, [daemonPod(ds, 'cp')]);
    expect(e.verdict).toBe('runs');
    expect(e.sentences.join(' ')).toMatch(
      /node-role\.kubernetes\.io\/control-plane:NoSchedule is tolerated by the pod template's toleration \(key node-role\.kubernetes\.io\/control-plane, operator Exists, effect NoSchedule\)/,
    );
  });

  it('credits the DaemonSet controller for tolerating the not-ready taint', () => {
    const node = newNode('n1', {
      ready: 'False',
      taints: [{ key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' }],
    });
    const ds = newDaemonSet('agent');
    const e = explainDaemonSet(node, ds, [daemonPod(ds, 'n1')]);
    expect(e.verdict).toBe('runs');
    expect(e.sentences.join(' ')).toMatch(
      /the DaemonSet controller adds a toleration for node\.kubernetes\.io\/not-ready/,
    );
  });

  it('names the affinity term the node matches', () => {
    const node = newNode('n1', { labels: { zone: 'b' } });
    const ds = newDaemonSet('zonal', {
      affinity: {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [
              { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] },
              { matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] },
            ],
          },
        },
      },
    });
    expect(explainDaemonSet(node, ds, []).sentences).toContain(
      'The node matches term 2 of the required node affinity.',
    );
  });

  it('ignores pods of another DaemonSet and pods of this one on other nodes', () => {
    const ds = newDaemonSet('a');
    const other = newDaemonSet('b');
    const e = explainDaemonSet(newNode('n1'), ds, [daemonPod(other, 'n1'), daemonPod(ds, 'n2')]);
    expect(e.verdict).toBe('missing');
    expect(e.pods).toEqual([]);
  });
});

describe('explainNode · node notes', () => {
  it('names the cordon taint node.kubernetes.io/unschedulable:NoSchedule and says daemon pods tolerate it', () => {
    const node = newNode('n1', {
      unschedulable: true,
      taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }],
    });
    const ds = newDaemonSet('agent');
    const result = explainNode({ node, daemonSets: [ds], pods: [daemonPod(ds, 'n1')] });
    expect(result.notes.join(' ')).toMatch(
      /^Cordoned: node\.kubernetes\.io\/unschedulable:NoSchedule — daemon pods tolerate it\./,
    );
    expect(result.daemonSets[0]?.verdict).toBe('runs');
  });

  it.each([
    {
      condition: 'DiskPressure',
      says: /^Under DiskPressure: .*the kubelet refuses every new pod that is not critical \(priorityClassName system-node-critical/,
    },
    {
      condition: 'MemoryPressure',
      says: /^Under MemoryPressure: .*refuses new BestEffort pods that do not tolerate node\.kubernetes\.io\/memory-pressure/,
    },
  ])(
    'says what kubelet admission refuses under $condition (eviction manager Admit)',
    ({ condition, says }) => {
      const node = newNode('n1', {
        conditions: [
          { type: 'Ready', status: 'True' },
          { type: condition, status: 'True' },
        ],
      });
      expect(explainNode({ node, daemonSets: [], pods: [] }).notes).toEqual([expect.stringMatching(says)]);
    },
  );

  it('explains that a NotReady node keeps its daemon pods', () => {
    const node = newNode('n1', { ready: 'Unknown' });
    const result = explainNode({ node, daemonSets: [], pods: [] });
    expect(result.notes.join(' ')).toMatch(/NotReady \(Ready=Unknown\).*not evicted/);
    expect(result.daemonSets).toEqual([]);
  });

  it('explains every DaemonSet, in the order given', () => {
    const node = newNode('n1');
    const result = explainNode({ node, daemonSets: [newDaemonSet('a'), newDaemonSet('b')], pods: [] });
    expect(result.daemonSets.map((d) => d.name)).toEqual(['a', 'b']);
  });
});

describe('missingToleration', () => {
  it.each([
    [
      { key: 'k', value: 'v', effect: 'NoSchedule' as const },
      '{key: k, operator: Equal, value: "v", effect: NoSchedule}',
    ],
    [{ key: 'k', effect: 'NoExecute' as const }, '{key: k, operator: Exists, effect: NoExecute}'],
  ])('%o → %s', (taint, expected) => {
    expect(missingToleration(taint)).toBe(expected);
  });
});
