// TaintNodesByCondition and the unschedulable taint: node_lifecycle_controller.go
// doNoScheduleTaintingPass, run on every node add and update.
import { describe, expect, it } from 'vitest';
import type { Node, NodeCondition, Pod, Taint } from '../../../../../src/engine/api/types';
import { noScheduleTaintsFor } from '../../../../../src/engine/controllers/nodelifecycle/noScheduleTainting';
import { runKubectl } from '../../../../../src/kubectl/index';
import type { Simulation } from '../../../../../src/engine/simulation';
import { newDaemonSet, newNode, newPod } from '../../../../fixtures/builders';
import { newCluster, nodesWithDaemonPod } from '../../../../fixtures/cluster';

const TS = '2026-01-01T00:00:10Z';
const cond = (type: string, status: NodeCondition['status']): NodeCondition => ({ type, status });
const keys = (taints: readonly Taint[] | undefined) => (taints ?? []).map((t) => `${t.key}:${t.effect}`);
const nodeTaints = (sim: Simulation, name: string) => sim.api.get<Node>('Node', undefined, name)?.spec.taints;

function run(sim: Simulation, line: string): string {
  const out = runKubectl(sim, line);
  expect(out.exitCode, `${line}: ${out.stderr}`).toBe(0);
  sim.settle();
  return out.stdout;
}

describe('doNoScheduleTaintingPass · which NoSchedule taints a node gets', () => {
  it.each<{ name: string; node: Node; after: string[] | undefined }>([
    {
      name: 'a cordoned node gets node.kubernetes.io/unschedulable:NoSchedule',
      node: newNode('n', { unschedulable: true }),
      after: ['node.kubernetes.io/unschedulable:NoSchedule'],
    },
    {
      name: 'an uncordoned node loses the unschedulable taint',
      node: newNode('n', { taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] }),
      after: [],
    },
    {
      name: 'DiskPressure=True maps to node.kubernetes.io/disk-pressure',
      node: newNode('n', { conditions: [cond('Ready', 'True'), cond('DiskPressure', 'True')] }),
      after: ['node.kubernetes.io/disk-pressure:NoSchedule'],
    },
    {
      name: 'Ready=False maps to not-ready and Ready=Unknown to unreachable',
      node: newNode('n', { conditions: [cond('Ready', 'Unknown')] }),
      after: ['node.kubernetes.io/unreachable:NoSchedule'],
    },
    {
      name: 'conditions first, then unschedulable, appended after the user taints',
      node: newNode('n', {
        unschedulable: true,
        conditions: [cond('Ready', 'False'), cond('PIDPressure', 'True')],
        taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }],
      }),
      after: [
        'dedicated:NoSchedule',
        'node.kubernetes.io/not-ready:NoSchedule',
        'node.kubernetes.io/pid-pressure:NoSchedule',
        'node.kubernetes.io/unschedulable:NoSchedule',
      ],
    },
    {
      name: 'a NoExecute taint with an owned key is not the pass’s to remove',
      node: newNode('n', { taints: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoExecute' }] }),
      after: undefined,
    },
    {
      name: 'a healthy schedulable node needs no change',
      node: newNode('n', { conditions: [cond('Ready', 'True'), cond('MemoryPressure', 'False')] }),
      after: undefined,
    },
  ])('$name', ({ node, after }) => {
    const taints = noScheduleTaintsFor(node, TS);
    expect(taints === undefined ? undefined : keys(taints)).toEqual(after);
    for (const t of taints ?? []) if (t.key.startsWith('node.kubernetes.io/')) expect(t.timeAdded).toBe(TS);
  });
});

describe('cordon taints the node (node lifecycle controller, on the node update)', () => {
  it.each([{ verb: 'cordon node-1' }, { verb: 'drain node-1 --ignore-daemonsets' }])(
    'kubectl $verb adds the taint at the same instant; uncordon removes it',
    ({ verb }) => {
      const sim = newCluster([newNode('node-1'), newNode('node-2'), newDaemonSet('agent')]);
      sim.runUntil(10);
      run(sim, verb);
      expect(keys(nodeTaints(sim, 'node-1'))).toEqual(['node.kubernetes.io/unschedulable:NoSchedule']);
      expect(nodeTaints(sim, 'node-1')?.[0]?.timeAdded).toBe(sim.clock.timestamp());
      expect(keys(nodeTaints(sim, 'node-2'))).toEqual([]);
      // The daemon pod stays: it tolerates the taint.
      expect(nodesWithDaemonPod(sim, 'agent')).toEqual(['node-1', 'node-2']);
      run(sim, 'uncordon node-1');
      expect(nodeTaints(sim, 'node-1')).toBeUndefined();
    },
  );

  it('describe node prints the taint beside Unschedulable: true, and get -o yaml shows it', () => {
    const sim = newCluster([newNode('node-1')]);
    run(sim, 'cordon node-1');
    const described = run(sim, 'describe node node-1');
    expect(described).toMatch(/^Taints:\s+node\.kubernetes\.io\/unschedulable:NoSchedule$/m);
    expect(described).toMatch(/^Unschedulable:\s+true$/m);
    const yaml = run(sim, 'get node node-1 -o yaml');
    expect(yaml).toContain('  - effect: NoSchedule\n    key: node.kubernetes.io/unschedulable\n');
  });

  it('daemon pods tolerate the taint: a DaemonSet created after the cordon still gets its pod there', () => {
    const sim = newCluster([newNode('node-1'), newNode('node-2')]);
    run(sim, 'cordon node-1');
    sim.api.create(newDaemonSet('agent'));
    sim.runUntil(30);
    expect(nodesWithDaemonPod(sim, 'agent')).toEqual(['node-1', 'node-2']);
  });

  it('an ordinary pod is kept off by NodeUnschedulable, which runs before TaintToleration', () => {
    const sim = newCluster([newNode('node-1', { unschedulable: true })]);
    sim.api.create({ ...newPod('web'), status: {} } as Pod);
    sim.runUntil(5);
    const pod = sim.api.get<Pod>('Pod', 'default', 'web')!;
    expect(keys(nodeTaints(sim, 'node-1'))).toEqual(['node.kubernetes.io/unschedulable:NoSchedule']);
    expect(pod.spec.nodeName).toBeUndefined();
    expect(pod.status?.conditions?.find((c) => c.type === 'PodScheduled')?.message).toBe(
      '0/1 nodes are available: 1 node(s) were unschedulable. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.',
    );
  });
});
