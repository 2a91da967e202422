import { describe, expect, it } from 'vitest';
import type { DaemonSet, Pod } from '../../../../../src/engine/api/types';
import { isPodAvailable } from '../../../../../src/engine/api/podUtil';
import {
  scaledValue,
  surgeAndUnavailable,
} from '../../../../../src/engine/controllers/daemonset/rollingUpdate';
import type { Simulation } from '../../../../../src/engine/simulation';
import { newDaemonSet, newNodes } from '../../../../fixtures/builders';
import { newCluster } from '../../../../fixtures/cluster';

function setImage(sim: Simulation, name: string, image: string): void {
  const ds = structuredClone(sim.api.get<DaemonSet>('DaemonSet', 'default', name)!);
  ds.spec.template.spec.containers[0]!.image = image;
  const res = sim.api.update(ds);
  if (!res.ok) throw new Error(res.error.message);
}

/** Runs event by event and returns the largest number of nodes seen without an available pod. */
function worstUnavailable(sim: Simulation, nodes: string[], minReady: number, until: number): number {
  let worst = 0;
  while (sim.now() < until && sim.step()) {
    const missing = nodes.filter(
      (n) =>
        !sim.api.store
          .podsOnNode(n)
          .some((p: Pod) => !p.metadata.deletionTimestamp && isPodAvailable(p, minReady, sim.now())),
    ).length;
    worst = Math.max(worst, missing);
  }
  return worst;
}

describe('DaemonSet controller · rolling update', () => {
  it.each([
    { name: 'an integer is used as is', value: 2, total: 10, up: true, want: 2 },
    { name: 'a percentage rounds up for maxUnavailable', value: '10%', total: 15, up: true, want: 2 },
    { name: 'a percentage of zero nodes is zero', value: '50%', total: 0, up: true, want: 0 },
    { name: 'a percentage can round down when asked', value: '10%', total: 15, up: false, want: 1 },
  ])('scales IntOrString: $name', ({ value, total, up, want }) => {
    expect(scaledValue(value, total, up)).toBe(want);
  });

  it('treats maxUnavailable 0 with maxSurge 0 as 1 unavailable (updatedDesiredNodeCounts)', () => {
    const ds = newDaemonSet('x', {
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 0 } },
    });
    expect(surgeAndUnavailable(ds, 4)).toEqual({ maxSurge: 0, maxUnavailable: 1 });
  });

  it('with maxSurge 0 never has more than maxUnavailable nodes without an available pod, and ends on the new image', () => {
    const nodes = newNodes(1, 6);
    const ds = newDaemonSet('agent', {
      minReadySeconds: 5,
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 2 } },
    });
    const sim = newCluster([...nodes, ds]);
    sim.runUntil(60);
    setImage(sim, 'agent', 'agent:v2');
    const worst = worstUnavailable(
      sim,
      nodes.map((n) => n.metadata.name),
      5,
      600,
    );
    expect(worst).toBeLessThanOrEqual(2);
    expect(worst).toBeGreaterThan(0);
    const pods = sim.api.list<Pod>('Pod');
    expect(pods).toHaveLength(6);
    expect(pods.every((p) => p.spec.containers[0]!.image === 'agent:v2')).toBe(true);
    const st = sim.api.get<DaemonSet>('DaemonSet', 'default', 'agent')!.status!;
    expect(st).toMatchObject({ updatedNumberScheduled: 6, numberAvailable: 6, observedGeneration: 2 });
  });

  it('with maxSurge never leaves a node that had an available pod without one', () => {
    const nodes = newNodes(1, 5);
    const ds = newDaemonSet('agent', {
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
    });
    const sim = newCluster([...nodes, ds]);
    sim.runUntil(60);
    setImage(sim, 'agent', 'agent:v2');
    const worst = worstUnavailable(
      sim,
      nodes.map((n) => n.metadata.name),
      0,
      600,
    );
    expect(worst).toBe(0);
    expect(sim.api.list<Pod>('Pod').every((p) => p.spec.containers[0]!.image === 'agent:v2')).toBe(true);
  });

  it('with OnDelete changes nothing until a pod is deleted; the replacement uses the new template', () => {
    const nodes = newNodes(1, 3);
    const sim = newCluster([...nodes, newDaemonSet('agent', { updateStrategy: { type: 'OnDelete' } })]);
    sim.runUntil(30);
    setImage(sim, 'agent', 'agent:v2');
    sim.runUntil(300);
    expect(sim.api.list<Pod>('Pod').every((p) => p.spec.containers[0]!.image !== 'agent:v2')).toBe(true);
    const victim = sim.api.store.podsOnNode('node-1')[0]!;
    sim.api.delete('Pod', victim.metadata.namespace, victim.metadata.name);
    sim.runUntil(330);
    expect(sim.api.store.podsOnNode('node-1').map((p) => p.spec.containers[0]!.image)).toEqual(['agent:v2']);
    expect(sim.api.store.podsOnNode('node-2').map((p) => p.spec.containers[0]!.image)).not.toEqual([
      'agent:v2',
    ]);
  });

  it('makes a ControllerRevision per template and labels pods with its hash', () => {
    const sim = newCluster([...newNodes(1, 2), newDaemonSet('agent')]);
    sim.runUntil(30);
    setImage(sim, 'agent', 'agent:v2');
    sim.runUntil(200);
    const revisions = sim.api.list('ControllerRevision');
    expect(revisions.map((r) => (r as { revision: number }).revision).sort()).toEqual([1, 2]);
    const newest = revisions.find((r) => (r as { revision: number }).revision === 2)!;
    const hash = newest.metadata.labels!['controller-revision-hash'];
    expect(
      sim.api.list<Pod>('Pod').every((p) => p.metadata.labels!['controller-revision-hash'] === hash),
    ).toBe(true);
    const ds = sim.api.get<DaemonSet>('DaemonSet', 'default', 'agent')!;
    expect(ds.metadata.annotations!['deprecated.daemonset.template.generation']).toBe('2');
  });
});
