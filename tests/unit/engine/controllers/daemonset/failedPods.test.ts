// Failed daemon pods are killed and replaced with back-off: daemon_controller.go podsShouldBeOnNode
// (failedPodsBackoff, 1 s doubling to 15 min per DaemonSet, generation and node), meeting the
// kubelet's admission under DiskPressure (eviction_manager.go managerImpl.Admit).
import { describe, expect, it } from 'vitest';
import type { DaemonSet, Event, Node, NodeCondition, Pod } from '../../../../../src/engine/api/types';
import type { Simulation } from '../../../../../src/engine/simulation';
import { newDaemonSet, newNode } from '../../../../fixtures/builders';
import { newCluster } from '../../../../fixtures/cluster';

const UNDER_DISK_PRESSURE: NodeCondition[] = [
  { type: 'Ready', status: 'True' },
  { type: 'DiskPressure', status: 'True' },
];

function eventTimes(sim: Simulation, reason: string): number[] {
  const start = Date.parse('2025-01-01T00:00:00Z');
  return sim.api
    .list<Event>('Event')
    .filter((e) => e.reason === reason)
    .map((e) => (Date.parse(e.firstTimestamp) - start) / 1000)
    .sort((a, b) => a - b);
}

function podsOf(sim: Simulation, ds: string): Pod[] {
  return sim.api.list<Pod>('Pod', 'default').filter((p) => p.metadata.name.startsWith(`${ds}-`));
}

function pressured(...daemonSets: DaemonSet[]): Simulation {
  return newCluster([newNode('n1', { conditions: UNDER_DISK_PRESSURE }), ...daemonSets]);
}

function critical(name: string): DaemonSet {
  const ds = newDaemonSet(name);
  ds.spec.template.spec.priorityClassName = 'system-node-critical';
  return ds;
}

describe('podsShouldBeOnNode · a daemon pod the kubelet keeps rejecting', () => {
  it('deletes each Failed pod after 1 s, 2 s, 4 s, … (the first at once), with a FailedDaemonPod warning', () => {
    const sim = pressured(newDaemonSet('agent'));
    sim.runUntil(100);
    const kills = eventTimes(sim, 'FailedDaemonPod');
    expect(kills).toEqual([0, 1, 3, 7, 15, 31, 63]);
    const gaps = kills.slice(1).map((t, i) => t - kills[i]!);
    expect(gaps).toEqual([1, 2, 4, 8, 16, 32]);
    const warning = sim.api.list<Event>('Event').find((e) => e.reason === 'FailedDaemonPod')!;
    expect(warning.type).toBe('Warning');
    expect(warning.involvedObject).toMatchObject({ kind: 'DaemonSet', name: 'agent' });
    expect(warning.message).toMatch(
      /^Found failed daemon pod default\/agent-\w{5} on node n1, will try to kill it$/,
    );
  });

  it('keeps the Failed pod visible during the back-off: one pod at a time, Failed with reason Evicted', () => {
    const sim = pressured(newDaemonSet('agent'));
    sim.runUntil(50);
    const pods = podsOf(sim, 'agent');
    expect(pods).toHaveLength(1);
    expect(pods[0]!.status).toMatchObject({ phase: 'Failed', reason: 'Evicted' });
  });

  it('is not a hot loop: the back-off caps at 15 min, so an hour of pressure makes a handful of pods', () => {
    const sim = pressured(newDaemonSet('agent'));
    sim.runUntil(2 * 3600);
    const kills = eventTimes(sim, 'FailedDaemonPod');
    const gaps = kills.slice(1).map((t, i) => t - kills[i]!);
    expect(Math.max(...gaps)).toBe(900);
    expect(gaps.filter((g) => g === 900).length).toBeGreaterThanOrEqual(2);
    expect(eventTimes(sim, 'SuccessfulCreate').length).toBe(kills.length + 1);
    expect(kills.length).toBeLessThan(20);
  });

  it('admits the system-node-critical DaemonSet’s pod on the same node: it runs', () => {
    const sim = pressured(newDaemonSet('agent'), critical('node-critical'));
    sim.runUntil(30);
    const [pod] = podsOf(sim, 'node-critical');
    expect(pod?.status?.phase).toBe('Running');
    expect(podsOf(sim, 'node-critical')).toHaveLength(1);
  });

  it.each([
    { pressureOff: 20, replacedAt: 31 },
    { pressureOff: 70, replacedAt: 127 },
  ])(
    'once the pressure is gone ($pressureOff s) the next try after the back-off ($replacedAt s) runs; no Failed pod is left',
    ({ pressureOff, replacedAt }) => {
      const sim = pressured(newDaemonSet('agent'));
      sim.runUntil(pressureOff);
      sim.nodeLifecycle.setPressure('n1', 'disk', false);
      sim.runUntil(replacedAt - 0.001);
      expect(podsOf(sim, 'agent').map((p) => p.status?.phase)).toEqual(['Failed']);
      sim.runUntil(replacedAt + 10);
      expect(podsOf(sim, 'agent').map((p) => p.status?.phase)).toEqual(['Running']);
      expect(sim.api.get<Node>('Node', undefined, 'n1')?.spec.taints).toBeUndefined();
      const ds = sim.api.get<DaemonSet>('DaemonSet', 'default', 'agent')!;
      expect(ds.status).toMatchObject({ desiredNumberScheduled: 1, numberReady: 1, numberAvailable: 1 });
    },
  );

  it.each([
    { at: 0.5, retryAt: 1 },
    { at: 10, retryAt: 15 },
    { at: 16, retryAt: 31 },
  ])('at $at s the next try is at $retryAt s (failedPodRetryAt)', ({ at, retryAt }) => {
    const sim = pressured(newDaemonSet('agent'));
    sim.runUntil(at);
    const ds = sim.api.get<DaemonSet>('DaemonSet', 'default', 'agent')!;
    expect(sim.daemonSets.failedPodRetryAt(ds, 'n1')).toBe(retryAt);
  });
});
