import { describe, expect, it } from 'vitest';
import type { Pod, PriorityClass } from '../../../../../src/engine/api/types';
import { newDaemonSet, newNode, newPod } from '../../../../fixtures/builders';
import { newCluster, nodesWithDaemonPod } from '../../../../fixtures/cluster';

const hungry = (extra: Partial<Parameters<typeof newDaemonSet>[1]> = {}) =>
  newDaemonSet('agent', { resources: { requests: { memory: '6Gi' }, limits: { memory: '6Gi' } }, ...extra });

const pendingMessage = (pods: Pod[]) =>
  pods.find((p) => !p.spec.nodeName)?.status?.conditions?.find((c) => c.type === 'PodScheduled')?.message;

describe('scheduler · filters for daemon pods', () => {
  it('leaves a daemon pod that does not fit Pending with the scheduler message naming its node reason', () => {
    const sim = newCluster([
      newNode('n1'),
      newNode('n2'),
      newNode('n3'),
      newPod('big', { nodeName: 'n2', requests: { memory: '4Gi' } }),
      hungry(),
    ]);
    sim.runUntil(10);
    expect(nodesWithDaemonPod(sim, 'agent')).toEqual(['<unscheduled>', 'n1', 'n3']);
    expect(pendingMessage(sim.api.list<Pod>('Pod'))).toBe(
      "0/3 nodes are available: 1 Insufficient memory, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling.",
    );
    expect(sim.recorder.log.filter((e) => e.reason === 'FailedScheduling')).toHaveLength(1);
    expect(sim.tracer.entries.filter((e) => e.event === 'unschedulable')).toHaveLength(1);
  });

  it('schedules the pending daemon pod once the pod in the way is gone', () => {
    const sim = newCluster([
      newNode('n1'),
      newPod('big', { nodeName: 'n1', requests: { memory: '4Gi' } }),
      hungry(),
    ]);
    sim.runUntil(10);
    sim.api.delete('Pod', 'default', 'big');
    sim.runUntil(20);
    expect(nodesWithDaemonPod(sim, 'agent')).toEqual(['n1']);
  });

  it('refuses a node whose host port is taken', () => {
    const port = [{ name: 'c', image: 'x:1', ports: [{ containerPort: 9100, hostPort: 9100 }] }];
    const sim = newCluster([
      newNode('n1'),
      newPod('squatter', { nodeName: 'n1', containers: port }),
      newDaemonSet('agent', { containers: port }),
    ]);
    sim.runUntil(10);
    expect(pendingMessage(sim.api.list<Pod>('Pod'))).toMatch(
      /1 node\(s\) didn't have free ports for the requested pod ports/,
    );
  });
});

describe('scheduler · priority and preemption', () => {
  it('resolves priorityClassName to spec.priority, including the built-in system-node-critical', () => {
    const sim = newCluster([newNode('n1'), newDaemonSet('agent', {})]);
    const ds = newDaemonSet('critical');
    ds.spec.template.spec.priorityClassName = 'system-node-critical';
    sim.api.create(ds);
    sim.runUntil(5);
    const pod = sim.api.list<Pod>('Pod').find((p) => p.metadata.name.startsWith('critical-'))!;
    expect(pod.spec.priority).toBe(2000001000);
  });

  it('lets a higher-priority daemon pod preempt a lower-priority pod on its node', () => {
    const ds = hungry();
    ds.spec.template.spec.priorityClassName = 'system-node-critical';
    const sim = newCluster([
      newNode('n1'),
      newPod('batch', { nodeName: 'n1', requests: { memory: '4Gi' } }),
      ds,
    ]);
    sim.runUntil(30);
    expect(nodesWithDaemonPod(sim, 'agent')).toEqual(['n1']);
    expect(sim.api.get('Pod', 'default', 'batch')).toBeUndefined();
    expect(sim.recorder.log.find((e) => e.reason === 'Preempted')?.object).toBe('Pod/default/batch');
  });

  it('marks the victim DisruptionTarget PreemptionByScheduler before deleting it (prepareCandidate)', () => {
    const ds = hungry();
    ds.spec.template.spec.priorityClassName = 'system-node-critical';
    const sim = newCluster([
      newNode('n1'),
      newPod('batch', { nodeName: 'n1', requests: { memory: '4Gi' } }),
      ds,
    ]);
    let victim: Pod | undefined;
    sim.api.store.watch('Pod', (e) => {
      if (e.type === 'DELETED' && e.object.metadata.name === 'batch') victim = e.object as Pod;
    });
    sim.runUntil(60);
    expect(victim?.status?.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({
      status: 'True',
      reason: 'PreemptionByScheduler',
      message: 'default-scheduler: preempting to accommodate a higher priority pod',
    });
  });

  it('never preempts with preemptionPolicy Never', () => {
    const pc: PriorityClass = {
      apiVersion: 'scheduling.k8s.io/v1',
      kind: 'PriorityClass',
      metadata: { name: 'polite' },
      value: 1000,
      preemptionPolicy: 'Never',
    };
    const ds = hungry();
    ds.spec.template.spec.priorityClassName = 'polite';
    const sim = newCluster([
      pc,
      newNode('n1'),
      newPod('batch', { nodeName: 'n1', requests: { memory: '4Gi' } }),
      ds,
    ]);
    sim.runUntil(30);
    expect(sim.api.get('Pod', 'default', 'batch')).toBeDefined();
    expect(sim.recorder.log.some((e) => e.reason === 'Preempted')).toBe(false);
  });
});
