// A Deployment's rolling update, step by step, as pkg/controller/deployment/rolling.go takes it
// (reconcileNewReplicaSet, reconcileOldReplicaSets → cleanupUnhealthyReplicas,
// scaleDownOldReplicaSetsForRollingUpdate) with deployment_util.go ResolveFenceposts.
import { describe, expect, it } from 'vitest';
import type { Deployment, Pod, ReplicaSet } from '../../../../src/engine/api/types';
import {
  reconcileNewReplicaSet,
  reconcileOldReplicaSets,
  resolveFenceposts,
} from '../../../../src/engine/controllers/deployment/rolling';
import { newDeployment, newNodes } from '../../../fixtures/builders';
import { newCluster } from '../../../fixtures/cluster';

function rs(name: string, replicas: number, available: number, created: string): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default', creationTimestamp: created },
    spec: { replicas, selector: {}, template: { spec: { containers: [] } } },
    status: { replicas, availableReplicas: available },
  };
}

describe('ResolveFenceposts (deployment_util.go)', () => {
  it.each<[number, string | number | undefined, string | number | undefined, number, number]>([
    // replicas, maxSurge, maxUnavailable → surge, unavailable
    [3, undefined, undefined, 1, 0], // 25 % of 3: surge rounds up to 1, unavailable down to 0
    [10, undefined, undefined, 3, 2],
    [4, undefined, undefined, 1, 1],
    [1, undefined, undefined, 1, 0],
    [10, 0, 0, 0, 1], // both 0 would never progress: unavailable becomes 1
    [10, '0%', '0%', 0, 1],
    [10, '50%', 3, 5, 3],
  ])('replicas %i, maxSurge %s, maxUnavailable %s → %i, %i', (replicas, maxSurge, maxUnavailable, s, u) => {
    const d = newDeployment('web', {
      replicas,
      ...(maxSurge !== undefined ? { maxSurge } : {}),
      ...(maxUnavailable !== undefined ? { maxUnavailable } : {}),
    });
    expect(resolveFenceposts(d)).toEqual({ maxSurge: s, maxUnavailable: u });
  });
});

// One row per sync: the sizes and available counts the controller sees, and what it scales.
type Row = { old: [number, number]; next: [number, number]; want: string };

function decide(d: Deployment, row: Row): string {
  const old = rs('web-old', row.old[0], row.old[1], '2025-01-01T00:00:00Z');
  const next = rs('web-new', row.next[0], row.next[1], '2025-01-01T00:05:00Z');
  const up = reconcileNewReplicaSet(d, [old, next], next);
  if (up) return `new→${up[1]}`;
  const down = reconcileOldReplicaSets(d, [old], next);
  return down.length ? down.map(([r, to]) => `${r === old ? 'old' : 'new'}→${to}`).join(',') : 'wait';
}

describe('rolloutRolling, one sync at a time (rolling.go)', () => {
  const three = newDeployment('web', { replicas: 3 }); // maxSurge 1, maxUnavailable 0
  it.each<Row>([
    { old: [3, 3], next: [0, 0], want: 'new→1' },
    // The new pod is not available yet: no old pod may go (maxScaledDown = 4 − 3 − 1 = 0).
    { old: [3, 3], next: [1, 0], want: 'wait' },
    { old: [3, 3], next: [1, 1], want: 'old→2' },
    // The old ReplicaSet's status still says 3 available: sizes, not stale status, bound the next step.
    { old: [2, 3], next: [1, 1], want: 'new→2' },
    { old: [2, 2], next: [2, 1], want: 'wait' },
    { old: [2, 2], next: [2, 2], want: 'old→1' },
    { old: [1, 1], next: [2, 2], want: 'new→3' },
    { old: [1, 1], next: [3, 2], want: 'wait' },
    { old: [1, 1], next: [3, 3], want: 'old→0' },
    { old: [0, 0], next: [3, 3], want: 'wait' },
  ])('3 replicas: old $old, new $next (spec, available) → $want', (row) => {
    expect(decide(three, row)).toBe(row.want);
  });

  const ten = newDeployment('web', { replicas: 10 }); // maxSurge 3, maxUnavailable 2
  it.each<Row>([
    { old: [10, 10], next: [0, 0], want: 'new→3' },
    // Two old pods may go at once: 10 available − (10 − 2) minimum.
    { old: [10, 10], next: [3, 0], want: 'old→8' },
    { old: [8, 8], next: [3, 0], want: 'new→5' },
    { old: [8, 8], next: [5, 0], want: 'wait' },
    { old: [8, 8], next: [5, 2], want: 'old→6' },
    { old: [8, 8], next: [5, 5], want: 'old→3' },
    { old: [3, 3], next: [5, 5], want: 'new→10' },
    { old: [3, 3], next: [10, 5], want: 'wait' },
    // 11 available, 8 needed: the last 3 old pods may go.
    { old: [3, 3], next: [10, 8], want: 'old→0' },
    { old: [3, 3], next: [10, 6], want: 'old→2' },
    // cleanupUnhealthyReplicas: old pods that are not available go first (3), then 2 healthy ones.
    { old: [8, 5], next: [5, 5], want: 'old→3' },
    // Only the 2 unhealthy ones: 3 new pods are still unavailable, so maxScaledDown is 13 − 8 − 3.
    { old: [8, 6], next: [5, 2], want: 'old→6' },
  ])('10 replicas: old $old, new $next (spec, available) → $want', (row) => {
    expect(decide(ten, row)).toBe(row.want);
  });
});

describe('a rollout in the simulation moves old pods one step at a time (rolling.go)', () => {
  function rollout(replicas: number): string[] {
    const sim = newCluster([...newNodes(1, 4), newDeployment('web', { replicas })]);
    sim.runUntil(60);
    const d = structuredClone(sim.api.get<Deployment>('Deployment', 'default', 'web')!);
    d.spec.template.spec.containers[0]!.image = 'nginx:1.26';
    expect(sim.api.update(d).ok).toBe(true);
    const sizes: string[] = [];
    const record = () => {
      const sets = sim.api
        .list<ReplicaSet>('ReplicaSet', 'default')
        .sort((a, b) =>
          (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''),
        );
      const text = sets.map((r) => r.spec.replicas ?? 0).join('/');
      if (sizes[sizes.length - 1] !== text) sizes.push(text);
    };
    // Every write, not every instant: several steps can fall on one virtual instant.
    sim.api.store.watch('ReplicaSet', record);
    while (sim.now() < 600 && sim.step());
    const pods = sim.api.list<Pod>('Pod', 'default').filter((p) => !p.metadata.deletionTimestamp);
    expect(pods.every((p) => p.spec.containers[0]!.image === 'nginx:1.26')).toBe(true);
    return sizes;
  }

  it('3 replicas: old 3 → 2 → 1 → 0 as each new pod becomes available, never all at once', () => {
    expect(rollout(3)).toEqual(['3/0', '3/1', '2/1', '2/2', '1/2', '1/3', '0/3']);
  });

  it('10 replicas: surge 3 and 2 unavailable at most, the old ReplicaSet scaled down in steps', () => {
    expect(rollout(10)).toEqual(['10/0', '10/3', '8/3', '8/5', '3/5', '3/10', '0/10']);
  });
});
