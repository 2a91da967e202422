// Delete propagation as pkg/controller/garbagecollector does it for the three policies a
// `kubectl delete --cascade=…` sends, and adoption of what an orphaning delete leaves behind
// (controller_ref_manager.go ClaimPods / ClaimControllerRevisions / ClaimReplicaSets).
import { describe, expect, it } from 'vitest';
import type {
  ControllerRevision,
  DaemonSet,
  Deployment,
  KubeObject,
  Pod,
  ReplicaSet,
} from '../../../../../src/engine/api/types';
import type { PropagationPolicy } from '../../../../../src/engine/apiserver/apiServer';
import type { Simulation } from '../../../../../src/engine/simulation';
import { newDaemonSet, newDeployment, newNodes, newPod } from '../../../../fixtures/builders';
import { newCluster } from '../../../../fixtures/cluster';

const NODES = 3;

function podsOf(sim: Simulation, ns = 'default'): Pod[] {
  return sim.api.list<Pod>('Pod', ns);
}

function restarts(pod: Pod): number {
  return (pod.status?.containerStatuses ?? []).reduce((s, c) => s + (c.restartCount ?? 0), 0);
}

function runningDaemonSet(seed = 1): Simulation {
  const sim = newCluster([...newNodes(1, NODES), newDaemonSet('agent')], seed);
  sim.runUntil(60);
  expect(podsOf(sim).filter((p) => p.status?.phase === 'Running')).toHaveLength(NODES);
  return sim;
}

function del(sim: Simulation, obj: KubeObject, policy: PropagationPolicy): void {
  const res = sim.api.delete(obj.kind as never, obj.metadata.namespace, obj.metadata.name, {
    propagationPolicy: policy,
  });
  expect(res.ok).toBe(true);
}

describe('delete propagation (garbagecollector.go, registry store Delete)', () => {
  it('Background: the owner goes at once and its pods after, through the garbage collector', () => {
    const sim = runningDaemonSet();
    const ds = sim.api.get<DaemonSet>('DaemonSet', 'default', 'agent')!;
    del(sim, ds, 'Background');
    // The API call returns with the owner gone and the pods untouched: the collector has not run yet.
    expect(sim.api.get('DaemonSet', 'default', 'agent')).toBeUndefined();
    expect(podsOf(sim).every((p) => !p.metadata.deletionTimestamp)).toBe(true);
    sim.settle();
    expect(podsOf(sim).every((p) => p.metadata.deletionTimestamp)).toBe(true);
    expect(sim.api.list('ControllerRevision', 'default')).toHaveLength(0);
    sim.runUntil(sim.now() + 60);
    expect(podsOf(sim)).toHaveLength(0);
  });

  it('Foreground: the owner stays with deletionTimestamp and foregroundDeletion until its last pod is gone', () => {
    const sim = runningDaemonSet();
    del(sim, sim.api.get<DaemonSet>('DaemonSet', 'default', 'agent')!, 'Foreground');
    sim.settle();
    const deleting = sim.api.get<DaemonSet>('DaemonSet', 'default', 'agent');
    expect(deleting?.metadata.deletionTimestamp).toBeDefined();
    expect(deleting?.metadata.finalizers).toEqual(['foregroundDeletion']);
    // Terminating pods still block the owner (blockOwnerDeletion: true on every daemon pod).
    expect(podsOf(sim)).toHaveLength(NODES);
    expect(podsOf(sim).every((p) => p.metadata.deletionTimestamp)).toBe(true);
    expect(podsOf(sim).every((p) => p.metadata.ownerReferences?.[0]?.blockOwnerDeletion)).toBe(true);
    sim.runUntil(sim.now() + 60);
    expect(podsOf(sim)).toHaveLength(0);
    expect(sim.api.get('DaemonSet', 'default', 'agent')).toBeUndefined();
  });

  it('Orphan: only the owner goes; its pods keep running with no ownerReference', () => {
    const sim = runningDaemonSet();
    const before = podsOf(sim).map((p) => p.metadata.uid);
    del(sim, sim.api.get<DaemonSet>('DaemonSet', 'default', 'agent')!, 'Orphan');
    // The orphan finalizer holds the owner until the collector has released the dependents.
    expect(sim.api.get<DaemonSet>('DaemonSet', 'default', 'agent')?.metadata.finalizers).toEqual(['orphan']);
    sim.runUntil(sim.now() + 120);
    expect(sim.api.get('DaemonSet', 'default', 'agent')).toBeUndefined();
    const pods = podsOf(sim);
    expect(pods.map((p) => p.metadata.uid)).toEqual(before);
    expect(pods.every((p) => p.status?.phase === 'Running' && !p.metadata.deletionTimestamp)).toBe(true);
    expect(pods.every((p) => p.metadata.ownerReferences === undefined)).toBe(true);
    // Its ControllerRevisions are dependents too, and are kept the same way.
    const revisions = sim.api.list<ControllerRevision>('ControllerRevision', 'default');
    expect(revisions).toHaveLength(1);
    expect(revisions[0]!.metadata.ownerReferences).toBeUndefined();
  });

  it.each<[PropagationPolicy, number, number]>([
    // policy, ReplicaSets left, pods left (after the pods' grace period)
    ['Background', 0, 0],
    ['Foreground', 0, 0],
    ['Orphan', 1, 3],
  ])('a Deployment deleted with %s propagates to its ReplicaSet and its pods', (policy, sets, pods) => {
    const sim = newCluster([...newNodes(1, NODES), newDeployment('web')]);
    sim.runUntil(60);
    del(sim, sim.api.get<Deployment>('Deployment', 'default', 'web')!, policy);
    sim.settle();
    if (policy === 'Foreground') {
      // Deployment → ReplicaSet → pods: each owner waits for its dependents.
      expect(sim.api.get<Deployment>('Deployment', 'default', 'web')?.metadata.finalizers).toEqual([
        'foregroundDeletion',
      ]);
      const rs = sim.api.list<ReplicaSet>('ReplicaSet', 'default')[0];
      expect(rs?.metadata.finalizers).toEqual(['foregroundDeletion']);
    }
    sim.runUntil(sim.now() + 60);
    expect(sim.api.get('Deployment', 'default', 'web')).toBeUndefined();
    expect(sim.api.list('ReplicaSet', 'default')).toHaveLength(sets);
    expect(podsOf(sim).filter((p) => !p.metadata.deletionTimestamp)).toHaveLength(pods);
  });
});

describe('dangling owner references (garbagecollector.go attemptToDeleteItem, isDangling)', () => {
  // Not a controller reference: the DaemonSet controller leaves the pod alone, only the collector looks.
  const ref = (uid: string) => ({ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid });

  it.each([
    ['an owner that never existed', 'default', () => 'no-such-uid', true],
    [
      'an owner in another namespace',
      'other',
      (sim: Simulation) => sim.api.get<DaemonSet>('DaemonSet', 'default', 'agent')!.metadata.uid!,
      true,
    ],
    [
      'its live owner, in its namespace',
      'default',
      (sim: Simulation) => sim.api.get<DaemonSet>('DaemonSet', 'default', 'agent')!.metadata.uid!,
      false,
    ],
  ])('a pod created naming %s (in %s) is collected: %s', (_, namespace, uidOf, collected) => {
    // The DaemonSet selects app=agent; this pod's labels do not match, so nothing adopts or releases it.
    const sim = newCluster([...newNodes(1, 1), newDaemonSet('agent')]);
    const pod = newPod('stray', { namespace, labels: { app: 'stray' } });
    pod.metadata.ownerReferences = [ref(uidOf(sim))];
    expect(sim.api.create(pod).ok).toBe(true);
    sim.runUntil(sim.now() + 60);
    expect(sim.api.get('Pod', namespace, 'stray') === undefined).toBe(collected);
  });
});

describe('adoption of orphans (controller_ref_manager.go ClaimPods, daemon_controller getDaemonPods)', () => {
  function orphaned(seed = 1): Simulation {
    const sim = runningDaemonSet(seed);
    del(sim, sim.api.get<DaemonSet>('DaemonSet', 'default', 'agent')!, 'Orphan');
    sim.runUntil(sim.now() + 30);
    return sim;
  }

  it('a DaemonSet created again with a matching selector adopts the pods: same names and uids, no restart', () => {
    const sim = orphaned();
    const before = podsOf(sim).map((p) => [p.metadata.name, p.metadata.uid, restarts(p)]);
    const events = sim.recorder.list().length;
    expect(sim.api.create(newDaemonSet('agent')).ok).toBe(true);
    sim.runUntil(sim.now() + 60);
    const ds = sim.api.get<DaemonSet>('DaemonSet', 'default', 'agent')!;
    const pods = podsOf(sim);
    expect(pods.map((p) => [p.metadata.name, p.metadata.uid, restarts(p)])).toEqual(before);
    expect(pods.every((p) => p.metadata.ownerReferences?.[0]?.uid === ds.metadata.uid)).toBe(true);
    expect(pods.every((p) => p.metadata.ownerReferences?.[0]?.blockOwnerDeletion === true)).toBe(true);
    // Up to date: their controller-revision-hash is the new DaemonSet's current revision.
    expect(ds.status?.updatedNumberScheduled).toBe(NODES);
    expect(ds.status?.numberAvailable).toBe(NODES);
    const created = sim.recorder
      .list()
      .slice(events)
      .filter((e) => e.reason === 'SuccessfulCreate' || e.reason === 'SuccessfulDelete');
    expect(created).toEqual([]);
    // The orphaned revision is adopted too, not duplicated.
    const revisions = sim.api.list<ControllerRevision>('ControllerRevision', 'default');
    expect(revisions.map((r) => r.metadata.ownerReferences?.[0]?.uid)).toEqual([ds.metadata.uid]);
  });

  it('adopted pods of an older template are rolled like any outdated pod', () => {
    const sim = runningDaemonSet();
    const v2 = structuredClone(sim.api.get<DaemonSet>('DaemonSet', 'default', 'agent')!);
    v2.spec.template.spec.containers[0]!.image = 'registry.k8s.io/pause:3.9';
    expect(sim.api.update(v2).ok).toBe(true);
    sim.runUntil(sim.now() + 600);
    del(sim, sim.api.get<DaemonSet>('DaemonSet', 'default', 'agent')!, 'Orphan');
    sim.runUntil(sim.now() + 30);
    const orphanNames = podsOf(sim).map((p) => p.metadata.name);
    // A third template: neither the hash nor pod-template-generation (2 on the pods, 1 on a new DaemonSet) match.
    expect(sim.api.create(newDaemonSet('agent', { image: 'registry.k8s.io/pause:3.8' })).ok).toBe(true);
    sim.settle();
    expect(sim.api.get<DaemonSet>('DaemonSet', 'default', 'agent')?.status?.updatedNumberScheduled ?? 0).toBe(
      0,
    );
    sim.runUntil(sim.now() + 900);
    const pods = podsOf(sim);
    expect(pods).toHaveLength(NODES);
    expect(pods.some((p) => orphanNames.includes(p.metadata.name))).toBe(false);
    expect(pods.every((p) => p.spec.containers[0]!.image === 'registry.k8s.io/pause:3.8')).toBe(true);
  });

  it('counts adopted pods as updated when pod-template-generation matches, as util.IsPodUpdated does', () => {
    // Both DaemonSets are at template generation 1: upstream's backward-compatible check matches.
    const sim = orphaned();
    expect(sim.api.create(newDaemonSet('agent', { image: 'registry.k8s.io/pause:3.8' })).ok).toBe(true);
    sim.runUntil(sim.now() + 60);
    expect(sim.api.get<DaemonSet>('DaemonSet', 'default', 'agent')?.status?.updatedNumberScheduled).toBe(
      NODES,
    );
  });

  it.each([
    ['a selector that does not match', { app: 'other' }, 'default'],
    ['the same selector in another namespace', { app: 'agent' }, 'other'],
  ])('does not adopt with %s', (_, labels, namespace) => {
    const sim = orphaned();
    const orphans = podsOf(sim).map((p) => p.metadata.name);
    expect(sim.api.create(newDaemonSet('agent2', { labels, namespace })).ok).toBe(true);
    sim.runUntil(sim.now() + 60);
    const left = podsOf(sim).filter((p) => orphans.includes(p.metadata.name));
    expect(left).toHaveLength(NODES);
    expect(left.every((p) => p.metadata.ownerReferences === undefined)).toBe(true);
  });

  it('a Deployment created again adopts its orphaned ReplicaSet, which kept its pods', () => {
    const sim = newCluster([...newNodes(1, NODES), newDeployment('web')]);
    sim.runUntil(60);
    del(sim, sim.api.get<Deployment>('Deployment', 'default', 'web')!, 'Orphan');
    sim.runUntil(sim.now() + 30);
    const names = podsOf(sim).map((p) => p.metadata.name);
    expect(sim.api.create(newDeployment('web')).ok).toBe(true);
    sim.runUntil(sim.now() + 60);
    const d = sim.api.get<Deployment>('Deployment', 'default', 'web')!;
    const sets = sim.api.list<ReplicaSet>('ReplicaSet', 'default');
    expect(sets).toHaveLength(1);
    expect(sets[0]!.metadata.ownerReferences?.[0]?.uid).toBe(d.metadata.uid);
    expect(podsOf(sim).map((p) => p.metadata.name)).toEqual(names);
    expect(d.status?.availableReplicas).toBe(3);
  });

  it('a ReplicaSet created again adopts the pods an orphaning delete left', () => {
    const sim = newCluster([...newNodes(1, NODES), newDeployment('web')]);
    sim.runUntil(60);
    del(sim, sim.api.get<Deployment>('Deployment', 'default', 'web')!, 'Orphan');
    sim.runUntil(sim.now() + 30);
    const rs = sim.api.list<ReplicaSet>('ReplicaSet', 'default')[0]!;
    const names = podsOf(sim).map((p) => p.metadata.name);
    del(sim, rs, 'Orphan');
    sim.runUntil(sim.now() + 30);
    expect(podsOf(sim).every((p) => p.metadata.ownerReferences === undefined)).toBe(true);
    const again = structuredClone(rs);
    delete again.metadata.uid;
    delete again.metadata.resourceVersion;
    delete again.metadata.ownerReferences;
    delete again.metadata.deletionTimestamp;
    delete again.metadata.finalizers;
    delete again.status;
    expect(sim.api.create(again).ok).toBe(true);
    sim.runUntil(sim.now() + 60);
    const adopted = sim.api.get<ReplicaSet>('ReplicaSet', 'default', rs.metadata.name)!;
    expect(podsOf(sim).map((p) => p.metadata.name)).toEqual(names);
    expect(podsOf(sim).every((p) => p.metadata.ownerReferences?.[0]?.uid === adopted.metadata.uid)).toBe(
      true,
    );
  });
});
