// The other half of controller_ref_manager.go ClaimObject: a pod its controller owns whose labels
// no longer match the selector is released (ReleasePod: its controller reference removed), keeps
// running as an orphan, and the controller replaces it.
import { describe, expect, it } from 'vitest';
import type { Deployment, Pod } from '../../../../../src/engine/api/types';
import type { Simulation } from '../../../../../src/engine/simulation';
import { newDaemonSet, newDeployment, newNodes } from '../../../../fixtures/builders';
import { newCluster } from '../../../../fixtures/cluster';

function relabel(sim: Simulation, name: string, labels: Record<string, string>): void {
  const pod = structuredClone(sim.api.get<Pod>('Pod', 'default', name)!);
  pod.metadata.labels = labels;
  const res = sim.api.update(pod);
  if (!res.ok) throw new Error(res.error.message);
}

const live = (sim: Simulation) =>
  sim.api.list<Pod>('Pod', 'default').filter((p) => !p.metadata.deletionTimestamp);

describe('releasing a relabelled pod (ClaimPods → ReleasePod)', () => {
  it.each([
    ['a DaemonSet', () => newCluster([...newNodes(1, 2), newDaemonSet('agent')]), 'agent', 2],
    ['a ReplicaSet', () => newCluster([...newNodes(1, 2), newDeployment('web', { replicas: 2 })]), 'web', 2],
  ])('%s lets a pod go when its labels stop matching, and replaces it', (_, build, app, count) => {
    const sim = build();
    sim.runUntil(60);
    const [victim] = live(sim);
    const labels = { ...victim!.metadata.labels, app: 'debug' };
    relabel(sim, victim!.metadata.name, labels);
    sim.runUntil(sim.now() + 60);
    const released = sim.api.get<Pod>('Pod', 'default', victim!.metadata.name)!;
    expect(released.metadata.ownerReferences).toBeUndefined();
    expect(released.status?.phase).toBe('Running');
    expect(released.metadata.deletionTimestamp).toBeUndefined();
    const owned = live(sim).filter((p) => p.metadata.labels?.app === app);
    expect(owned).toHaveLength(count);
    expect(owned.every((p) => p.metadata.ownerReferences?.[0]?.controller)).toBe(true);
    if (app === 'agent') expect(owned.map((p) => p.spec.nodeName)).toContain(released.spec.nodeName);
    // Labelled back, it matches again and is adopted; the controller then has one too many and deletes one.
    relabel(sim, victim!.metadata.name, { ...labels, app });
    sim.runUntil(sim.now() + 60);
    expect(live(sim).filter((p) => p.metadata.labels?.app === app)).toHaveLength(count);
    expect(
      sim.api.list<Deployment>('Deployment', 'default').every((d) => d.status?.availableReplicas !== 0),
    ).toBe(true);
  });
});
