import { describe, expect, it } from 'vitest';
import type { DaemonSet, Node, Pod, Taint } from '../../../../../src/engine/api/types';
import { newDaemonSet, newNode, updateStrategies } from '../../../../fixtures/builders';
import { newCluster, nodesWithDaemonPod, updateNode } from '../../../../fixtures/cluster';

const three = () => [newNode('node-1'), newNode('node-2'), newNode('node-3')];

describe('DaemonSet controller · placement over a running cluster', () => {
  describe.each(updateStrategies().map((s) => [s.type ?? 'RollingUpdate', s] as const))(
    'with %s',
    (_name, updateStrategy) => {
      it('runs exactly one pod on every node', () => {
        const sim = newCluster([...three(), newDaemonSet('agent', { updateStrategy })]);
        sim.runUntil(30);
        expect(nodesWithDaemonPod(sim, 'agent')).toEqual(['node-1', 'node-2', 'node-3']);
        expect(sim.api.list<Pod>('Pod')).toHaveLength(3);
      });

      it('creates a pod on a node that joins', () => {
        const sim = newCluster([...three(), newDaemonSet('agent', { updateStrategy })]);
        sim.runUntil(10);
        sim.api.create(newNode('node-4'));
        sim.runUntil(20);
        expect(nodesWithDaemonPod(sim, 'agent')).toContain('node-4');
      });

      // TestNoScheduleTaintedDoesntEvicitRunningIntolerantPod
      it('does not evict a running daemon pod when a NoSchedule taint is added', () => {
        const sim = newCluster([...three(), newDaemonSet('agent', { updateStrategy })]);
        sim.runUntil(10);
        updateNode(
          sim,
          'node-2',
          (n) => (n.spec.taints = [{ key: 'dedicated', value: 'db', effect: 'NoSchedule' }]),
        );
        sim.runUntil(100);
        expect(nodesWithDaemonPod(sim, 'agent')).toContain('node-2');
      });

      // TestNoExecuteTaintedDoesEvicitRunningIntolerantPod
      it('evicts a running daemon pod that does not tolerate a NoExecute taint', () => {
        const sim = newCluster([...three(), newDaemonSet('agent', { updateStrategy })]);
        sim.runUntil(10);
        updateNode(
          sim,
          'node-3',
          (n) => (n.spec.taints = [{ key: 'maintenance', value: 'true', effect: 'NoExecute' }]),
        );
        sim.runUntil(100);
        expect(nodesWithDaemonPod(sim, 'agent')).toEqual(['node-1', 'node-2']);
        expect(sim.recorder.log.some((e) => e.reason === 'TaintManagerEviction')).toBe(true);
      });

      it('keeps a daemon pod on a cordoned node and places new ones there', () => {
        const sim = newCluster([...three(), newDaemonSet('agent', { updateStrategy })]);
        sim.runUntil(10);
        updateNode(sim, 'node-1', (n) => (n.spec.unschedulable = true));
        sim.api.create(newDaemonSet('second', { updateStrategy }));
        sim.runUntil(60);
        expect(nodesWithDaemonPod(sim, 'agent')).toContain('node-1');
        expect(nodesWithDaemonPod(sim, 'second')).toContain('node-1');
      });

      it('removes the pod from a node whose labels stop matching the nodeSelector, and adds one where they start', () => {
        const nodes = [newNode('a', { labels: { disk: 'ssd' } }), newNode('b')];
        const sim = newCluster([
          ...nodes,
          newDaemonSet('agent', { updateStrategy, nodeSelector: { disk: 'ssd' } }),
        ]);
        sim.runUntil(10);
        expect(nodesWithDaemonPod(sim, 'agent')).toEqual(['a']);
        updateNode(sim, 'a', (n) => delete n.metadata.labels!['disk']);
        updateNode(sim, 'b', (n) => (n.metadata.labels!['disk'] = 'ssd'));
        sim.runUntil(30);
        expect(nodesWithDaemonPod(sim, 'agent')).toEqual(['b']);
      });

      it('never places a pod on a node with an untolerated NoSchedule taint', () => {
        const taint: Taint = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' };
        const sim = newCluster([
          newNode('cp', { taints: [taint] }),
          newNode('w'),
          newDaemonSet('agent', { updateStrategy }),
        ]);
        sim.runUntil(30);
        expect(nodesWithDaemonPod(sim, 'agent')).toEqual(['w']);
      });
    },
  );

  it('deletes the pods of a node that disappears, after the pod GC quarantine', () => {
    const sim = newCluster([...three(), newDaemonSet('agent')]);
    sim.runUntil(10);
    sim.api.delete('Node', undefined, 'node-2');
    sim.settle();
    sim.runUntil(10 + 39);
    expect(sim.api.store.podsOnNode('node-2')).toHaveLength(1);
    sim.runUntil(10 + 41);
    expect(sim.api.store.podsOnNode('node-2')).toHaveLength(0);
  });

  it('counts the pod of a node that disappears in no status field while it waits for the pod GC (updateDaemonSetStatus ranges over the node list)', () => {
    const sim = newCluster([...three(), newDaemonSet('agent')]);
    sim.runUntil(10);
    sim.api.delete('Node', undefined, 'node-2');
    sim.runUntil(10 + 20);
    expect(sim.api.store.podsOnNode('node-2')).toHaveLength(1);
    expect(sim.api.get<DaemonSet>('DaemonSet', 'default', 'agent')!.status).toMatchObject({
      desiredNumberScheduled: 2,
      currentNumberScheduled: 2,
      numberMisscheduled: 0,
      numberReady: 2,
      numberAvailable: 2,
      updatedNumberScheduled: 2,
    });
    // numberUnavailable is omitempty in apps/v1: a zero is not stored.
    expect(sim.api.get<DaemonSet>('DaemonSet', 'default', 'agent')!.status).not.toHaveProperty(
      'numberUnavailable',
    );
  });

  it('evicts a pod tolerating a NoExecute taint for tolerationSeconds only when they run out', () => {
    const ds = newDaemonSet('agent', {
      tolerations: [{ key: 'maintenance', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }],
    });
    const sim = newCluster([newNode('n'), ds]);
    sim.runUntil(10);
    const before = sim.api.store.podsOnNode('n')[0]!.metadata.name;
    updateNode(sim, 'n', (n) => (n.spec.taints = [{ key: 'maintenance', effect: 'NoExecute' }]));
    sim.runUntil(10 + 59);
    expect(sim.api.store.podsOnNode('n').map((p) => p.metadata.name)).toContain(before);
    sim.runUntil(10 + 61);
    const evicted = sim.tracer.entries.filter((e) => e.event === 'evicted').map((e) => e.pod);
    expect(evicted).toEqual([`default/${before}`]);
  });

  it('keeps several DaemonSets side by side, each with its own pods and status', () => {
    const sim = newCluster([
      ...three(),
      newDaemonSet('logs'),
      newDaemonSet('metrics', { nodeSelector: { 'kubernetes.io/hostname': 'node-2' } }),
    ]);
    sim.runUntil(30);
    const status = (name: string) => sim.api.get<DaemonSet>('DaemonSet', 'default', name)!.status!;
    expect(status('logs').desiredNumberScheduled).toBe(3);
    expect(status('metrics').desiredNumberScheduled).toBe(1);
    expect(nodesWithDaemonPod(sim, 'metrics')).toEqual(['node-2']);
  });

  it('names pods <daemonset>-<5 chars> drawn from the seed, identically on replay', () => {
    const names = (seed: number) => {
      const sim = newCluster([...three(), newDaemonSet('fluentd')], seed);
      sim.runUntil(5);
      return sim.api.list<Pod>('Pod').map((p) => p.metadata.name);
    };
    expect(names(42)).toEqual(names(42));
    expect(names(42)).not.toEqual(names(43));
    for (const n of names(42)) expect(n).toMatch(/^fluentd-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
  });

  it('pins each daemon pod to its node with a required node affinity on metadata.name', () => {
    const sim = newCluster([newNode('n1'), newDaemonSet('agent')]);
    const pod = sim.api.list<Pod>('Pod')[0]!;
    const terms =
      pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
    expect(terms).toEqual([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }]);
  });

  it('adds the default daemon tolerations to every pod it creates', () => {
    const sim = newCluster([newNode('n1'), newDaemonSet('agent')]);
    const keys = sim.api
      .list<Pod>('Pod')[0]!
      .spec.tolerations!.map((t) => `${t.key}:${t.effect}:${t.tolerationSeconds ?? '-'}`);
    expect(keys).toEqual(
      expect.arrayContaining([
        'node.kubernetes.io/not-ready:NoExecute:-',
        'node.kubernetes.io/unreachable:NoExecute:-',
        'node.kubernetes.io/disk-pressure:NoSchedule:-',
        'node.kubernetes.io/memory-pressure:NoSchedule:-',
        'node.kubernetes.io/pid-pressure:NoSchedule:-',
        'node.kubernetes.io/unschedulable:NoSchedule:-',
      ]),
    );
    expect(keys.some((k) => k.startsWith('node.kubernetes.io/network-unavailable'))).toBe(false);
  });

  it('computes status as the controller does: desired, current, ready, available, updated, misscheduled', () => {
    const sim = newCluster([...three(), newDaemonSet('agent', { minReadySeconds: 10 })]);
    sim.runUntil(5);
    const st = () => sim.api.get<DaemonSet>('DaemonSet', 'default', 'agent')!.status!;
    expect(st()).toMatchObject({
      desiredNumberScheduled: 3,
      currentNumberScheduled: 3,
      numberReady: 3,
      numberUnavailable: 3,
      updatedNumberScheduled: 3,
      numberMisscheduled: 0,
      observedGeneration: 1,
    });
    // numberAvailable and numberUnavailable are omitempty in apps/v1: a zero is not stored.
    expect(st()).not.toHaveProperty('numberAvailable');
    sim.runUntil(20);
    expect(st()).toMatchObject({ numberAvailable: 3 });
    expect(st()).not.toHaveProperty('numberUnavailable');
  });

  it('counts a pod as misscheduled when its node stops qualifying but still runs it (NoSchedule added after)', () => {
    const sim = newCluster([...three(), newDaemonSet('agent')]);
    sim.runUntil(10);
    updateNode(sim, 'node-1', (n: Node) => (n.spec.taints = [{ key: 'x', effect: 'NoSchedule' }]));
    sim.runUntil(11);
    const st = sim.api.get<DaemonSet>('DaemonSet', 'default', 'agent')!.status!;
    expect(st).toMatchObject({ desiredNumberScheduled: 2, numberMisscheduled: 1 });
  });
});
