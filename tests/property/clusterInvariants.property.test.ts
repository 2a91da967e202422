import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DaemonSet, Node, Pod, ReplicaSet } from '../../src/engine/api/types';
import { controllerUidOf } from '../../src/engine/api/podUtil';
import { computeDaemonSetStatus } from '../oracles/daemonset';
import { nodeShouldRunDaemonPod } from '../../src/engine/predicates';
import { buildReport } from '../../src/scenario/report';
import { ScenarioSession } from '../../src/scenario/session';
import { newDaemonSet, newDeployment, newNode } from '../fixtures/builders';
import { manifestYaml } from '../fixtures/cluster';

const NODES = ['node-1', 'node-2', 'node-3', 'node-4'];

const BASE = manifestYaml(
  ...NODES.map((n) => newNode(n, { labels: { pool: 'a' } })),
  newDaemonSet('agent', {
    namespace: 'kube-system',
    image: 'agent:v1',
    minReadySeconds: 2,
    resources: { requests: { cpu: '50m', memory: '64Mi' } },
  }),
  newDaemonSet('pool-a', {
    nodeSelector: { pool: 'a' },
    containers: [{ name: 'c', image: 'pool:v1' }],
  }),
  newDeployment('web', { replicas: 3, requests: { cpu: '100m' } }),
);

// The workloads as BASE declares them, one document each, for re-creating after a delete.
const WORKLOADS = BASE.split('---\n').slice(NODES.length);
const CASCADE = fc.constantFrom('background', 'foreground', 'orphan');

const node = fc.constantFrom(...NODES, 'node-5');
const op = fc.oneof(
  node.map((n) => `sim node add ${n}`),
  node.map((n) => `sim node remove ${n}`),
  node.map((n) => `kubectl label nodes ${n} pool=b --overwrite`),
  node.map((n) => `kubectl label nodes ${n} pool=a --overwrite`),
  fc
    .tuple(node, fc.constantFrom('NoSchedule', 'NoExecute', 'PreferNoSchedule'))
    .map(([n, e]) => `kubectl taint nodes ${n} k=v:${e} --overwrite`),
  node.map((n) => `kubectl taint nodes ${n} k-`),
  node.map((n) => `kubectl cordon ${n}`),
  node.map((n) => `kubectl uncordon ${n}`),
  node.map((n) => `kubectl drain ${n} --ignore-daemonsets --force`),
  node.map((n) => `sim node fail ${n}`),
  node.map((n) => `sim node recover ${n}`),
  fc.constantFrom('v2', 'v3', 'v1').map((v) => `kubectl set image ds/agent -n kube-system agent=agent:${v}`),
  fc.constant('kubectl rollout undo ds/agent -n kube-system'),
  fc
    .constantFrom('1', '2', '"50%"')
    .map(
      (m) =>
        `kubectl patch ds agent -n kube-system --type merge -p '{"spec":{"updateStrategy":{"rollingUpdate":{"maxUnavailable":${m}}}}}'`,
    ),
  fc.constant('kubectl set image deploy/web web=nginx:1.28'),
  // Node pressure: the eviction manager evicts, kubelet admission rejects, the DaemonSet
  // controller replaces Failed daemon pods with back-off.
  fc
    .tuple(node, fc.constantFrom('memory', 'disk', 'pid'), fc.constantFrom('on', 'off'))
    .map(([n, kind, state]) => `sim node pressure ${n} ${kind} ${state}`),
  // Cascade deletes in every mode, and the workload applied again (adopting what an orphan left).
  CASCADE.map((c) => `kubectl delete ds agent -n kube-system --cascade=${c}`),
  CASCADE.map((c) => `kubectl delete ds pool-a --cascade=${c}`),
  CASCADE.map((c) => `kubectl delete deploy web --cascade=${c}`),
  fc.integer({ min: 0, max: WORKLOADS.length - 1 }).map((i) => `apply ${i}`),
);
const step = fc.record({ op, wait: fc.integer({ min: 0, max: 120 }) });

function run(ops: { op: string; wait: number }[], seed: number) {
  const { session, errors } = ScenarioSession.create(BASE, { seed });
  if (!session) throw new Error(errors.map((e) => e.message).join('\n'));
  session.runTo(30);
  for (const { op: line, wait } of ops) {
    const apply = /^apply (\d+)$/.exec(line);
    if (apply) session.run('kubectl apply -f -', WORKLOADS[Number(apply[1])]);
    else session.run(line);
    session.advance(wait);
  }
  // Let the cluster settle: every failure back-off and eviction timer has run out by then.
  session.advance(1200);
  return session;
}

function underPressure(n: Node): boolean {
  return (n.status.conditions ?? []).some((c) => c.type.endsWith('Pressure') && c.status === 'True');
}

function failedDaemonPodsOf(pods: Pod[], ds: DaemonSet, node: string): Pod[] {
  return pods.filter(
    (p) => controllerUidOf(p) === ds.metadata.uid && p.spec.nodeName === node && p.status?.phase === 'Failed',
  );
}

function daemonPodsOf(pods: Pod[], ds: DaemonSet): Pod[] {
  return pods.filter(
    (p) =>
      controllerUidOf(p) === ds.metadata.uid && !p.metadata.deletionTimestamp && p.status?.phase !== 'Failed',
  );
}

function checkInvariants(session: ScenarioSession): void {
  const { sim } = session;
  const nodes = sim.api.list<Node>('Node');
  const pods = sim.api.list<Pod>('Pod');
  // The garbage collector leaves no live object with an owner that is gone (orphans have no
  // reference at all); only pods still terminating on a node whose kubelet is down may wait.
  for (const obj of [...pods, ...sim.api.list<ReplicaSet>('ReplicaSet')]) {
    if (obj.metadata.deletionTimestamp) continue;
    for (const ref of obj.metadata.ownerReferences ?? [])
      expect(sim.api.store.getByUid(ref.uid)?.kind, `${obj.metadata.name}'s owner`).toBe(ref.kind);
  }
  for (const ds of sim.api.list<DaemonSet>('DaemonSet')) {
    // One being deleted in the foreground (its pods stuck terminating on a failed node) is no
    // longer managed: the controller skips a DaemonSet with a deletionTimestamp.
    if (ds.metadata.deletionTimestamp) continue;
    const mine = daemonPodsOf(pods, ds);
    for (const n of nodes) {
      const onNode = mine.filter((p) => p.spec.nodeName === n.metadata.name);
      const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(n, ds);
      // At most one daemon pod per node once quiet (no surge is configured here).
      expect(onNode.length, `${ds.metadata.name} on ${n.metadata.name}`).toBeLessThanOrEqual(1);
      // A node that should not run the pod has none; one that should run it has it.
      if (!shouldContinueRunning)
        expect(onNode, `${ds.metadata.name} must leave ${n.metadata.name}`).toEqual([]);
      // Under pressure the kubelet may keep rejecting it: a Failed pod waiting out the controller's
      // back-off stands in; once the pressure is gone no Failed daemon pod is left.
      const failed = failedDaemonPodsOf(pods, ds, n.metadata.name);
      if (!underPressure(n))
        expect(failed, `Failed ${ds.metadata.name} pods on ${n.metadata.name}`).toEqual([]);
      if (shouldRun)
        expect(
          onNode.length + mine.filter((p) => !p.spec.nodeName && targets(p, n)).length + failed.length,
        ).toBe(1);
    }
    // Status counters always equal what the pods say.
    const byNode = new Map<string, Pod[]>();
    for (const p of pods.filter((q) => controllerUidOf(q) === ds.metadata.uid)) {
      const target = p.spec.nodeName ?? targetOf(p);
      if (target) byNode.set(target, [...(byNode.get(target) ?? []), p]);
    }
    const recomputed = computeDaemonSetStatus(
      ds,
      nodes,
      byNode,
      (nd) => nodeShouldRunDaemonPod(nd, ds),
      () => true,
      sim.now(),
    );
    const st = ds.status!;
    expect({
      d: st.desiredNumberScheduled,
      c: st.currentNumberScheduled,
      m: st.numberMisscheduled,
      r: st.numberReady,
    }).toEqual({
      d: recomputed.desiredNumberScheduled,
      c: recomputed.currentNumberScheduled,
      m: recomputed.numberMisscheduled,
      r: recomputed.numberReady,
    });
  }
}

function targetOf(p: Pod): string | undefined {
  return p.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms?.[0]
    ?.matchFields?.[0]?.values?.[0];
}

function targets(p: Pod, n: Node): boolean {
  return targetOf(p) === n.metadata.name;
}

describe('property · the cluster converges and its invariants hold over random operations (fast-check, fixed seed)', () => {
  it('keeps one daemon pod per qualifying node, none elsewhere, and status equal to the pods', () => {
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 10_000 }),
        (ops, seed) => {
          checkInvariants(run(ops, seed));
        },
      ),
      { seed: 8675309, numRuns: 40, verbose: true },
    );
  }, 120_000);

  it('replays byte-identically: same scenario, seed and command log give the same runner output', () => {
    fc.assert(
      fc.property(
        fc.array(step, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 10_000 }),
        (ops, seed) => {
          const a = JSON.stringify(buildReport(run(ops, seed)));
          const b = JSON.stringify(buildReport(run(ops, seed)));
          expect(a).toBe(b);
        },
      ),
      { seed: 4242, numRuns: 15 },
    );
  }, 120_000);
});
