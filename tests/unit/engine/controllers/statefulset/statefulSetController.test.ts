// pkg/controller/statefulset: stateful_set_control.go (updateStatefulSet, processReplica,
// processCondemned, getStatefulSetRevisions), stateful_set_utils.go (newStatefulSetPod,
// updateIdentity, newVersionedStatefulSetPod, completeRollingUpdate), stateful_pod_control.go
// (recordPodEvent), and what the node lifecycle, taint eviction and pod GC controllers do to a
// StatefulSet's pod on a node that stops answering.
import { describe, expect, it } from 'vitest';
import type { ControllerRevision, Pod, StatefulSet } from '../../../../../src/engine/api/types';
import type { Simulation } from '../../../../../src/engine/simulation';
import { newDaemonSet, newDeployment, newNode, newPod, newStatefulSet } from '../../../../fixtures/builders';
import type { StatefulSetOptions } from '../../../../fixtures/builders';
import { newCluster } from '../../../../fixtures/cluster';

const sts = (sim: Simulation, name = 'web') => sim.api.get<StatefulSet>('StatefulSet', 'default', name)!;
const webPods = (sim: Simulation) =>
  sim.api
    .list<Pod>('Pod')
    .filter((p) => p.metadata.name.startsWith('web-'))
    .sort((a, b) => a.metadata.name.localeCompare(b.metadata.name));
const isReady = (p: Pod) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
const stsEvents = (sim: Simulation) =>
  sim.recorder.log
    .filter((e) => e.object === 'StatefulSet/default/web')
    .map((e) => `${e.reason}: ${e.message}`);

/** watchCreations records, per pod name, the time it was created and what its lower ordinals were then. */
function watchCreations(sim: Simulation) {
  const created: { name: string; at: number; lowerReady: boolean }[] = [];
  sim.api.store.watch('Pod', (e) => {
    if (e.type !== 'ADDED' || !e.object.metadata.name.startsWith('web-')) return;
    const ord = Number(e.object.metadata.name.split('-')[1]);
    const lower = webPods(sim).filter((p) => Number(p.metadata.name.split('-')[1]) < ord);
    created.push({
      name: e.object.metadata.name,
      at: sim.now(),
      lowerReady: lower.length === ord && lower.every((p) => p.status?.phase === 'Running' && isReady(p)),
    });
  });
  return created;
}

function run(opts: StatefulSetOptions, until: number, nodes = 2) {
  const sim = newCluster([
    ...Array.from({ length: nodes }, (_, i) => newNode(`n${i + 1}`)),
    newStatefulSet('web', opts),
  ]);
  sim.runUntil(until);
  return sim;
}

function setImage(sim: Simulation, image: string, change?: (s: StatefulSet) => void): void {
  const next = structuredClone(sts(sim));
  next.spec.template.spec.containers[0]!.image = image;
  change?.(next);
  const res = sim.api.update(next);
  if (!res.ok) throw new Error(res.error.message);
  sim.settle();
}

function scale(sim: Simulation, replicas: number): void {
  const next = structuredClone(sts(sim));
  next.spec.replicas = replicas;
  const res = sim.api.update(next);
  if (!res.ok) throw new Error(res.error.message);
  sim.settle();
}

describe('StatefulSet · stable identity (stateful_set_utils.go newStatefulSetPod, updateIdentity)', () => {
  it('names pods <set>-0…N-1 with the pod-name, pod-index and controller-revision-hash labels', () => {
    const sim = run({ replicas: 3, serviceName: 'nginx' }, 60);
    const pods = webPods(sim);
    expect(pods.map((p) => p.metadata.name)).toEqual(['web-0', 'web-1', 'web-2']);
    const revision = sts(sim).status!.updateRevision!;
    expect(revision).toMatch(/^web-[bcdfghjklmnpqrstvwxz2456789]+$/);
    pods.forEach((p, i) => {
      expect(p.metadata.labels).toEqual({
        app: 'web',
        'statefulset.kubernetes.io/pod-name': `web-${i}`,
        'apps.kubernetes.io/pod-index': String(i),
        'controller-revision-hash': revision,
      });
      expect(p.spec.hostname).toBe(`web-${i}`);
      expect(p.spec.subdomain).toBe('nginx');
      expect(p.metadata.ownerReferences?.[0]).toMatchObject({
        kind: 'StatefulSet',
        name: 'web',
        controller: true,
      });
    });
    const revisions = sim.api.list<ControllerRevision>('ControllerRevision');
    expect(revisions.map((r) => r.metadata.name)).toEqual([revision]);
  });

  it('writes back identity labels a user removed (UpdateStatefulPod → SuccessfulUpdate)', () => {
    const sim = run({ replicas: 1 }, 30);
    const pod = webPods(sim)[0]!;
    const next = structuredClone(pod);
    delete next.metadata.labels!['statefulset.kubernetes.io/pod-name'];
    expect(sim.api.update(next).ok).toBe(true);
    sim.settle();
    expect(webPods(sim)[0]!.metadata.labels?.['statefulset.kubernetes.io/pod-name']).toBe('web-0');
    expect(stsEvents(sim)).toContain('SuccessfulUpdate: update Pod web-0 in StatefulSet web successful');
  });
});

describe('StatefulSet · podManagementPolicy (stateful_set_control.go processReplica, allowsBurst)', () => {
  it('OrderedReady creates web-k only once web-0…web-(k-1) are Running and Ready, one at a time', () => {
    const sim = newCluster([newNode('n1'), newNode('n2')]);
    const created = watchCreations(sim);
    sim.api.create(newStatefulSet('web', { replicas: 4, startupSeconds: 10 }));
    sim.runUntil(120);
    expect(created.map((c) => c.name)).toEqual(['web-0', 'web-1', 'web-2', 'web-3']);
    expect(created.every((c) => c.lowerReady)).toBe(true);
    // Each waits for its predecessor's start-up: at least 10 s apart.
    for (let i = 1; i < created.length; i++)
      expect(created[i]!.at - created[i - 1]!.at).toBeGreaterThanOrEqual(10);
    expect(stsEvents(sim).slice(0, 4)).toEqual(
      [0, 1, 2, 3].map((i) => `SuccessfulCreate: create Pod web-${i} in StatefulSet web successful`),
    );
  });

  it('OrderedReady stops at a pod that never becomes Ready: web-1 is never created', () => {
    const sim = run({ replicas: 3, behavior: 'never-ready' }, 600);
    expect(webPods(sim).map((p) => p.metadata.name)).toEqual(['web-0']);
    expect(sts(sim).status).toMatchObject({ replicas: 1, availableReplicas: 0 });
    expect(sts(sim).status?.readyReplicas).toBeUndefined();
  });

  it('Parallel creates every ordinal at once, ready or not', () => {
    const sim = newCluster([newNode('n1'), newNode('n2')]);
    const created = watchCreations(sim);
    sim.api.create(
      newStatefulSet('web', { replicas: 4, podManagementPolicy: 'Parallel', behavior: 'never-ready' }),
    );
    sim.runUntil(30);
    expect(created.map((c) => [c.name, c.at])).toEqual([
      ['web-0', 0],
      ['web-1', 0],
      ['web-2', 0],
      ['web-3', 0],
    ]);
  });
});

describe('StatefulSet · scaling (processCondemned: highest ordinal first)', () => {
  it.each([
    ['OrderedReady', 'one at a time, each after the one above it is gone', [['web-4'], ['web-3'], ['web-2']]],
    ['Parallel', 'all at once', [['web-2', 'web-3', 'web-4']]],
  ] as const)('%s scales 5 → 2 %s', (policy, _how, waves) => {
    const sim = run({ replicas: 5, podManagementPolicy: policy }, 120);
    const deletions: { name: string; at: number }[] = [];
    sim.api.store.watch('Pod', (e) => {
      if (e.type === 'MODIFIED' && e.object.metadata.deletionTimestamp && !e.old?.metadata.deletionTimestamp)
        deletions.push({ name: e.object.metadata.name, at: sim.now() });
    });
    scale(sim, 2);
    sim.runUntil(400);
    const byTime = new Map<number, string[]>();
    for (const d of deletions) byTime.set(d.at, [...(byTime.get(d.at) ?? []), d.name]);
    expect([...byTime.values()].map((names) => names.sort())).toEqual(waves);
    expect(webPods(sim).map((p) => p.metadata.name)).toEqual(['web-0', 'web-1']);
    expect(sts(sim).status).toMatchObject({ replicas: 2, readyReplicas: 2 });
  });

  it('scales up again from the lowest missing ordinal', () => {
    const sim = run({ replicas: 2 }, 60);
    scale(sim, 4);
    sim.runUntil(200);
    expect(webPods(sim).map((p) => p.metadata.name)).toEqual(['web-0', 'web-1', 'web-2', 'web-3']);
  });
});

describe('StatefulSet · RollingUpdate (updateStatefulSet: the highest ordinal not at the update revision)', () => {
  it('replaces pods from the highest ordinal down, one at a time, then makes the update revision current', () => {
    const sim = run({ replicas: 3 }, 60);
    const before = sts(sim).status!.currentRevision!;
    const order: string[] = [];
    sim.api.store.watch('Pod', (e) => {
      if (e.type === 'MODIFIED' && e.object.metadata.deletionTimestamp && !e.old?.metadata.deletionTimestamp)
        order.push(e.object.metadata.name);
    });
    setImage(sim, 'nginx:1.26');
    const mid = sts(sim).status!;
    expect(mid.updateRevision).not.toBe(before);
    expect(mid.currentRevision).toBe(before);
    sim.runUntil(400);
    expect(order).toEqual(['web-2', 'web-1', 'web-0']);
    const s = sts(sim).status!;
    expect(s.currentRevision).toBe(s.updateRevision);
    expect(s).toMatchObject({ replicas: 3, readyReplicas: 3, currentReplicas: 3, updatedReplicas: 3 });
    expect(webPods(sim).every((p) => p.spec.containers[0]!.image === 'nginx:1.26')).toBe(true);
  });

  it.each([
    [0, ['web-0', 'web-1', 'web-2', 'web-3']],
    [2, ['web-2', 'web-3']],
    [4, []],
  ] as const)('partition %i updates only ordinals ≥ partition: %j', (partition, updated) => {
    const sim = run({ replicas: 4 }, 80);
    setImage(
      sim,
      'nginx:1.26',
      (s) => (s.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { partition } }),
    );
    sim.runUntil(500);
    const s = sts(sim).status!;
    expect(
      webPods(sim)
        .filter((p) => p.metadata.labels?.['controller-revision-hash'] === s.updateRevision)
        .map((p) => p.metadata.name),
    ).toEqual(updated);
    expect(s.updatedReplicas ?? 0).toBe(updated.length);
    // completeRollingUpdate only when every pod is updated.
    expect(s.currentRevision === s.updateRevision).toBe(updated.length === 4);
  });

  it('recreates a pod deleted below the partition at the current revision (newVersionedStatefulSetPod)', () => {
    const sim = run({ replicas: 3 }, 60);
    setImage(
      sim,
      'nginx:1.26',
      (s) => (s.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { partition: 2 } }),
    );
    sim.runUntil(200);
    sim.api.delete('Pod', 'default', 'web-0');
    sim.runUntil(400);
    const web0 = webPods(sim).find((p) => p.metadata.name === 'web-0')!;
    expect(web0.spec.containers[0]!.image).toBe('nginx:1.25');
    expect(web0.metadata.labels?.['controller-revision-hash']).toBe(sts(sim).status!.currentRevision);
  });

  it('OnDelete changes nothing until a pod is deleted; the new pod takes the update revision', () => {
    const sim = run({ replicas: 2, updateStrategy: { type: 'OnDelete' } }, 60);
    setImage(sim, 'nginx:1.26');
    sim.runUntil(300);
    expect(webPods(sim).map((p) => p.spec.containers[0]!.image)).toEqual(['nginx:1.25', 'nginx:1.25']);
    sim.api.delete('Pod', 'default', 'web-1');
    sim.runUntil(400);
    expect(webPods(sim).map((p) => p.spec.containers[0]!.image)).toEqual(['nginx:1.25', 'nginx:1.26']);
    expect(sts(sim).status).toMatchObject({ currentReplicas: 1, updatedReplicas: 1 });
  });

  it('rolling back to an earlier template reuses its ControllerRevision with a new number', () => {
    const sim = run({ replicas: 2 }, 60);
    const first = sts(sim).status!.updateRevision!;
    setImage(sim, 'nginx:1.26');
    sim.runUntil(300);
    setImage(sim, 'nginx:1.25');
    sim.runUntil(600);
    const revisions = sim.api
      .list<ControllerRevision>('ControllerRevision')
      .sort((a, b) => a.revision - b.revision);
    expect(revisions).toHaveLength(2);
    expect(revisions[1]!.metadata.name).toBe(first);
    expect(revisions[1]!.revision).toBe(3);
    expect(sts(sim).status!.currentRevision).toBe(first);
  });
});

describe('StatefulSet · deletion and ownership', () => {
  it('a deleted StatefulSet takes its pods with it (garbage collector, background propagation)', () => {
    const sim = run({ replicas: 2 }, 60);
    sim.api.delete('StatefulSet', 'default', 'web');
    sim.runUntil(200);
    expect(webPods(sim)).toEqual([]);
    expect(sim.api.list('ControllerRevision')).toEqual([]);
  });

  it('adopts an orphan named after it and ignores one that is not (getPodsForStatefulSet, isMemberOf)', () => {
    const sim = run({ replicas: 2 }, 60);
    sim.api.delete('StatefulSet', 'default', 'web', { propagationPolicy: 'Orphan' });
    sim.runUntil(70);
    expect(webPods(sim).every((p) => !p.metadata.ownerReferences?.length)).toBe(true);
    const stray = newPod('cache', { labels: { app: 'web' } });
    delete stray.status;
    expect(sim.api.create(stray).ok).toBe(true);
    sim.api.create(newStatefulSet('web', { replicas: 2 }));
    sim.runUntil(140);
    expect(sim.api.get<Pod>('Pod', 'default', 'cache')!.metadata.ownerReferences).toBeUndefined();
    const uid = sts(sim).metadata.uid;
    expect(webPods(sim).map((p) => [p.metadata.name, p.metadata.ownerReferences?.[0]?.uid])).toEqual([
      ['web-0', uid],
      ['web-1', uid],
    ]);
  });
});

describe('StatefulSet · at most one pod per identity on a failing node (node lifecycle + taint eviction + pod GC)', () => {
  function failing() {
    const sim = newCluster([
      newNode('n1'),
      newNode('n2'),
      newNode('n3'),
      newStatefulSet('web', { replicas: 3 }),
      newDeployment('api', { replicas: 3 }),
      newDaemonSet('agent'),
    ]);
    sim.runUntil(60);
    const victim = webPods(sim).find((p) => p.metadata.name === 'web-0')!.spec.nodeName!;
    sim.nodeLifecycle.failNode(victim);
    return { sim, victim };
  }
  const onNode = (sim: Simulation, prefix: string, node: string) =>
    sim.api.list<Pod>('Pod').filter((p) => p.metadata.name.startsWith(prefix) && p.spec.nodeName === node);

  it('evicts the pod after 50 s grace + 300 s toleration, but never recreates web-0 while the node is unreachable', () => {
    const { sim, victim } = failing();
    sim.runUntil(60 + 50 + 300 - 5);
    expect(onNode(sim, 'web-0', victim)[0]!.metadata.deletionTimestamp).toBeUndefined();
    sim.runUntil(60 + 50 + 300 + 5);
    // The Deployment's pod is replaced on another node; the StatefulSet's stays Terminating.
    expect(
      sim.api
        .list<Pod>('Pod')
        .filter((p) => p.metadata.name.startsWith('api-') && !p.metadata.deletionTimestamp),
    ).toHaveLength(3);
    const web0 = webPods(sim).filter((p) => p.metadata.name === 'web-0');
    expect(web0).toHaveLength(1);
    expect(web0[0]!.spec.nodeName).toBe(victim);
    expect(web0[0]!.metadata.deletionTimestamp).toBeDefined();
    expect(web0[0]!.status?.conditions?.find((c) => c.type === 'DisruptionTarget')?.reason).toBe(
      'DeletionByTaintManager',
    );
    // The DaemonSet's pod tolerates unreachable forever: it is just lost with the node.
    expect(onNode(sim, 'agent-', victim)[0]!.metadata.deletionTimestamp).toBeUndefined();
    sim.runUntil(3600);
    expect(webPods(sim).filter((p) => p.metadata.name === 'web-0')).toHaveLength(1);
    expect(webPods(sim).find((p) => p.metadata.name === 'web-0')!.spec.nodeName).toBe(victim);
    expect(sts(sim).status).toMatchObject({ replicas: 3, readyReplicas: 2 });
  });

  it('recreates web-0 elsewhere 40 s after the node object is deleted (pod GC orphan quarantine)', () => {
    const { sim, victim } = failing();
    sim.runUntil(1000);
    sim.api.delete('Node', undefined, victim);
    sim.runUntil(1000 + 39);
    expect(webPods(sim).find((p) => p.metadata.name === 'web-0')!.spec.nodeName).toBe(victim);
    sim.runUntil(1000 + 120);
    const web0 = webPods(sim).find((p) => p.metadata.name === 'web-0')!;
    expect(web0.spec.nodeName).not.toBe(victim);
    expect(web0.metadata.deletionTimestamp).toBeUndefined();
    expect(isReady(web0)).toBe(true);
  });

  it('recreates web-0 once the node comes back and its kubelet confirms the deletion', () => {
    const { sim, victim } = failing();
    sim.runUntil(1000);
    sim.nodeLifecycle.recoverNode(victim);
    sim.runUntil(1200);
    const web0 = webPods(sim).filter((p) => p.metadata.name === 'web-0');
    expect(web0).toHaveLength(1);
    expect(web0[0]!.metadata.deletionTimestamp).toBeUndefined();
    expect(isReady(web0[0]!)).toBe(true);
    expect(sts(sim).status).toMatchObject({ replicas: 3, readyReplicas: 3 });
  });
});
