import { describe, expect, it } from 'vitest';
import type { Node, Pod } from '../../../../../src/engine/api/types';
import { newDaemonSet, newNode, newPod } from '../../../../fixtures/builders';
import { newCluster, nodesWithDaemonPod } from '../../../../fixtures/cluster';

function pressuredNode() {
  const ds = newDaemonSet('agent', {
    resources: { requests: { memory: '100Mi' }, limits: { memory: '100Mi' } },
  });
  ds.spec.template.spec.priorityClassName = 'system-node-critical';
  const sim = newCluster([
    newNode('n1'),
    ds,
    newPod('best-effort', { nodeName: 'n1' }),
    newPod('burstable', { nodeName: 'n1', requests: { memory: '512Mi' } }),
  ]);
  sim.runUntil(10);
  sim.nodeLifecycle.setPressure('n1', 'memory', true);
  // The kubelet reports the condition; the node lifecycle controller taints at the same instant.
  sim.settle();
  return sim;
}

describe('kubelet · node-pressure eviction', () => {
  it('sets the MemoryPressure condition and its NoSchedule taint', () => {
    const sim = pressuredNode();
    const node = sim.api.get<Node>('Node', undefined, 'n1')!;
    expect(node.status.conditions?.find((c) => c.type === 'MemoryPressure')?.status).toBe('True');
    expect(node.spec.taints).toEqual([
      expect.objectContaining({ key: 'node.kubernetes.io/memory-pressure', effect: 'NoSchedule' }),
    ]);
  });

  it('evicts in the kubelet order, one per housekeeping interval, the system-node-critical daemon pod last', () => {
    const sim = pressuredNode();
    sim.runUntil(100);
    const evicted = sim.tracer.entries.filter((e) => e.event === 'evicted');
    expect(evicted.map((e) => [e.t, e.pod])).toEqual([
      [10, 'default/best-effort'],
      [20, 'default/burstable'],
    ]);
    expect(nodesWithDaemonPod(sim, 'agent')).toEqual(['n1']);
  });

  it('leaves evicted pods visible as Failed with reason Evicted and the kubelet message', () => {
    const sim = pressuredNode();
    sim.runUntil(100);
    const pod = sim.api.get<Pod>('Pod', 'default', 'best-effort')!;
    expect(pod.status).toMatchObject({ phase: 'Failed', reason: 'Evicted' });
    // The eviction manager's status function adds DisruptionTarget with the same message.
    expect(pod.status?.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({
      status: 'True',
      reason: 'TerminationByKubelet',
      message: pod.status?.message,
    });
    expect(pod.status?.message).toMatch(
      /^The node was low on resource: memory\. Threshold quantity: 100Mi, available: \d+Mi\./,
    );
  });

  it('clears the condition and the taint when the pressure goes', () => {
    const sim = pressuredNode();
    sim.nodeLifecycle.setPressure('n1', 'memory', false);
    sim.settle();
    const node = sim.api.get<Node>('Node', undefined, 'n1')!;
    expect(node.status.conditions?.find((c) => c.type === 'MemoryPressure')?.status).toBe('False');
    expect(node.spec.taints ?? []).toEqual([]);
  });
});
