// Kubelet admission under node pressure: pkg/kubelet/eviction/eviction_manager.go managerImpl.Admit,
// kubelettypes.IsCriticalPod, and kubelet.go rejectPod.
import { describe, expect, it } from 'vitest';
import type { Event, Node, NodeCondition, Pod, Toleration } from '../../../../../src/engine/api/types';
import {
  admitUnderPressure,
  isCriticalPod,
  pressureConditions,
} from '../../../../../src/engine/controllers/kubelet/admission';
import { runKubectl } from '../../../../../src/kubectl/index';
import { newNode, newPod } from '../../../../fixtures/builders';
import { newCluster } from '../../../../fixtures/cluster';

const BEST_EFFORT = newPod('p');
const BURSTABLE = newPod('p', { requests: { memory: '64Mi' } });
const GUARANTEED = newPod('p', {
  containers: [
    {
      name: 'main',
      image: 'registry.k8s.io/pause:3.10',
      resources: { limits: { cpu: '100m', memory: '64Mi' } },
    },
  ],
});
const withPriority = (pod: Pod, priority: number): Pod => ({ ...pod, spec: { ...pod.spec, priority } });
const tolerating = (pod: Pod, t: Toleration): Pod => ({ ...pod, spec: { ...pod.spec, tolerations: [t] } });
const MEMORY_TOLERATION: Toleration = {
  key: 'node.kubernetes.io/memory-pressure',
  operator: 'Exists',
  effect: 'NoSchedule',
};

describe('managerImpl.Admit · which new pods a node under pressure takes', () => {
  it.each<{ name: string; pod: Pod; conditions: string[]; rejected?: string }>([
    { name: 'no pressure admits every pod', pod: BEST_EFFORT, conditions: [] },
    {
      name: 'DiskPressure rejects a BestEffort pod',
      pod: BEST_EFFORT,
      conditions: ['DiskPressure'],
      rejected: 'The node had condition: [DiskPressure]. ',
    },
    {
      name: 'DiskPressure rejects even a Guaranteed pod',
      pod: GUARANTEED,
      conditions: ['DiskPressure'],
      rejected: 'The node had condition: [DiskPressure]. ',
    },
    {
      name: 'PIDPressure rejects every non-critical pod',
      pod: BURSTABLE,
      conditions: ['PIDPressure'],
      rejected: 'The node had condition: [PIDPressure]. ',
    },
    {
      name: 'MemoryPressure alone rejects a BestEffort pod',
      pod: BEST_EFFORT,
      conditions: ['MemoryPressure'],
      rejected: 'The node had condition: [MemoryPressure]. ',
    },
    { name: 'MemoryPressure alone admits a Burstable pod', pod: BURSTABLE, conditions: ['MemoryPressure'] },
    {
      name: 'MemoryPressure alone admits a BestEffort pod that tolerates memory-pressure:NoSchedule',
      pod: tolerating(BEST_EFFORT, MEMORY_TOLERATION),
      conditions: ['MemoryPressure'],
    },
    {
      name: 'MemoryPressure with DiskPressure rejects the tolerating BestEffort pod, naming both',
      pod: tolerating(BEST_EFFORT, MEMORY_TOLERATION),
      conditions: ['MemoryPressure', 'DiskPressure'],
      rejected: 'The node had condition: [MemoryPressure DiskPressure]. ',
    },
    {
      name: 'a system-node-critical pod (priority 2000001000) is always admitted',
      pod: withPriority(BEST_EFFORT, 2000001000),
      conditions: ['DiskPressure', 'PIDPressure'],
    },
    {
      name: 'a system-cluster-critical pod (priority 2000000000) is always admitted',
      pod: withPriority(BEST_EFFORT, 2000000000),
      conditions: ['DiskPressure'],
    },
    {
      name: 'a user priority class, however high (at most 1000000000), is not critical',
      pod: withPriority(BEST_EFFORT, 1000000000),
      conditions: ['DiskPressure'],
      rejected: 'The node had condition: [DiskPressure]. ',
    },
  ])('$name', ({ pod, conditions, rejected }) => {
    const result = admitUnderPressure(pod, conditions);
    if (rejected === undefined) expect(result).toEqual({ admit: true });
    else expect(result).toEqual({ admit: false, reason: 'Evicted', message: rejected });
  });
});

describe('kubelettypes.IsCriticalPod', () => {
  it.each<{ name: string; pod: Pod; critical: boolean }>([
    { name: 'an ordinary pod', pod: BEST_EFFORT, critical: false },
    { name: 'priority 2000000000', pod: withPriority(BEST_EFFORT, 2000000000), critical: true },
    { name: 'priority 1999999999', pod: withPriority(BEST_EFFORT, 1999999999), critical: false },
    {
      name: 'a mirror pod (kubernetes.io/config.mirror)',
      pod: {
        ...BEST_EFFORT,
        metadata: { ...BEST_EFFORT.metadata, annotations: { 'kubernetes.io/config.mirror': 'x' } },
      },
      critical: true,
    },
    {
      name: 'a static pod (kubernetes.io/config.source: file)',
      pod: {
        ...BEST_EFFORT,
        metadata: { ...BEST_EFFORT.metadata, annotations: { 'kubernetes.io/config.source': 'file' } },
      },
      critical: true,
    },
  ])('$name: critical=$critical', ({ pod, critical }) => {
    expect(isCriticalPod(pod)).toBe(critical);
  });
});

describe('pressureConditions · what the eviction manager reports', () => {
  const cond = (type: string, status: NodeCondition['status']): NodeCondition => ({ type, status });
  it.each<{ name: string; conditions: NodeCondition[]; want: string[] }>([
    { name: 'a healthy node', conditions: [cond('Ready', 'True'), cond('DiskPressure', 'False')], want: [] },
    {
      name: 'memory before disk before pid, whatever the status order',
      conditions: [cond('PIDPressure', 'True'), cond('DiskPressure', 'True'), cond('MemoryPressure', 'True')],
      want: ['MemoryPressure', 'DiskPressure', 'PIDPressure'],
    },
    { name: 'Unknown is not pressure', conditions: [cond('DiskPressure', 'Unknown')], want: [] },
  ])('$name', ({ conditions, want }) => {
    expect(pressureConditions(newNode('n', { conditions }))).toEqual(want);
  });
});

describe('kubelet.rejectPod · a pod bound to a node under DiskPressure', () => {
  function rejected() {
    const node = newNode('n1', {
      conditions: [
        { type: 'Ready', status: 'True' },
        { type: 'DiskPressure', status: 'True' },
      ],
    });
    const pod = newPod('web', { nodeName: 'n1' });
    delete pod.status;
    const sim = newCluster([node, pod]);
    sim.runUntil(30);
    return sim;
  }

  it('fails the pod with reason Evicted and "Pod was rejected: " before the message; no container starts', () => {
    const sim = rejected();
    const pod = sim.api.get<Pod>('Pod', 'default', 'web')!;
    expect(pod.status).toMatchObject({
      phase: 'Failed',
      reason: 'Evicted',
      message: 'Pod was rejected: The node had condition: [DiskPressure]. ',
    });
    expect(pod.status?.containerStatuses).toBeUndefined();
    const events = sim.api
      .list<Event>('Event')
      .filter((e) => e.involvedObject.name === 'web')
      .map((e) => [e.type, e.reason, e.message, e.source?.component]);
    expect(events).toEqual([['Warning', 'Evicted', 'The node had condition: [DiskPressure]. ', 'kubelet']]);
  });

  it('kubectl get, describe and -o yaml show it as a real cluster does', () => {
    const sim = rejected();
    const get = runKubectl(sim, 'get pod web').stdout;
    expect(get).toMatch(/^web\s+0\/1\s+Evicted\s+0\s+\S+$/m);
    const described = runKubectl(sim, 'describe pod web').stdout;
    expect(described).toMatch(/^Status:\s+Failed$/m);
    expect(described).toMatch(/^Reason:\s+Evicted$/m);
    expect(described).toMatch(/^Message:\s+Pod was rejected: The node had condition: \[DiskPressure\]\. $/m);
    expect(described).toMatch(
      /Warning\s+Evicted\s+\S+\s+kubelet\s+The node had condition: \[DiskPressure\]\./,
    );
    const yaml = runKubectl(sim, 'get pod web -o yaml').stdout;
    // The trailing space of nodeConditionMessageFmt survives, so the string is quoted: go-yaml's
    // emitter falls back from plain to single quotes for a trailing space.
    expect(yaml).toContain("  message: 'Pod was rejected: The node had condition: [DiskPressure]. '\n");
    expect(yaml).toContain('  reason: Evicted\n');
  });

  it('a pod already running when the pressure starts is not re-admitted (only the eviction manager acts on it)', () => {
    const pod = newPod('web', { nodeName: 'n1', requests: { memory: '64Mi' } });
    delete pod.status;
    const sim = newCluster([newNode('n1'), pod]);
    sim.runUntil(10);
    sim.nodeLifecycle.setPressure('n1', 'disk', true);
    sim.runUntil(11);
    expect(sim.api.get<Node>('Node', undefined, 'n1')?.spec.taints?.map((t) => t.key)).toEqual([
      'node.kubernetes.io/disk-pressure',
    ]);
    expect(sim.api.list<Event>('Event').some((e) => e.message.startsWith('The node had condition'))).toBe(
      false,
    );
  });
});
