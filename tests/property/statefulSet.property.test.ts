// Invariants of the StatefulSet controller (pkg/controller/statefulset/stateful_set_control.go
// updateStatefulSet / processReplica / processCondemned, stateful_set_utils.go
// newVersionedStatefulSetPod) over random sets, scalings, image updates, pod deletions and a node
// failure, with fast-check on a fixed seed:
// - at most one live (not terminating) pod per ordinal, and none at an ordinal ≥ replicas is created;
// - OrderedReady creates ordinal k only when 0…k-1 all exist, Running, Ready and not terminating;
// - a RollingUpdate never gives the update revision to an ordinal below its partition;
// - with healthy nodes and no failures, every set converges to `replicas` ready pods.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Pod, StatefulSet } from '../../src/engine/api/types';
import { newNodes, newStatefulSet } from '../fixtures/builders';
import { newCluster } from '../fixtures/cluster';

const action = fc.oneof(
  fc.record({ at: fc.integer({ min: 1, max: 300 }), scale: fc.integer({ min: 0, max: 6 }) }),
  fc.record({ at: fc.integer({ min: 1, max: 300 }), image: fc.constantFrom('nginx:1.26', 'nginx:1.27') }),
  fc.record({ at: fc.integer({ min: 1, max: 300 }), deleteOrdinal: fc.integer({ min: 0, max: 5 }) }),
  fc.record({ at: fc.integer({ min: 1, max: 300 }), failNode: fc.constantFrom('node-1', 'node-2') }),
);

const setShape = fc.record({
  replicas: fc.integer({ min: 0, max: 5 }),
  policy: fc.constantFrom('OrderedReady' as const, 'Parallel' as const),
  partition: fc.integer({ min: 0, max: 5 }),
  startupSeconds: fc.integer({ min: 0, max: 8 }),
  actions: fc.array(action, { maxLength: 5 }),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
});

const ordinal = (p: Pod) => Number(p.metadata.name.slice('web-'.length));
const ready = (p: Pod) =>
  p.status?.phase === 'Running' &&
  !p.metadata.deletionTimestamp &&
  (p.status.conditions ?? []).some((c) => c.type === 'Ready' && c.status === 'True');

describe('property · StatefulSet controller (stateful_set_control.go, fast-check, fixed seed)', () => {
  it('keeps one pod per ordinal, creates OrderedReady pods in order, respects the partition, and converges', () => {
    fc.assert(
      fc.property(setShape, (s) => {
        const sim = newCluster(
          [
            ...newNodes(1, 3),
            newStatefulSet('web', {
              replicas: s.replicas,
              podManagementPolicy: s.policy,
              startupSeconds: s.startupSeconds,
              updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: s.partition } },
            }),
          ],
          s.seed,
        );
        const violations: string[] = [];
        const pods = () => sim.api.list<Pod>('Pod').filter((p) => p.metadata.name.startsWith('web-'));
        const set = () => sim.api.get<StatefulSet>('StatefulSet', 'default', 'web')!;
        sim.api.store.watch('Pod', (e) => {
          if (!e.object.metadata.name.startsWith('web-')) return;
          const live = pods().filter((p) => !p.metadata.deletionTimestamp);
          const ords = live.map(ordinal);
          if (new Set(ords).size !== ords.length) violations.push(`duplicate ordinal at ${sim.now()}`);
          if (e.type !== 'ADDED') return;
          const k = ordinal(e.object as Pod);
          if (k >= (set().spec.replicas ?? 1)) violations.push(`web-${k} created beyond replicas`);
          if (s.policy === 'OrderedReady') {
            const lower = pods().filter((p) => ordinal(p) < k);
            if (lower.length !== k || !lower.every(ready))
              violations.push(`web-${k} created before its predecessors were ready at ${sim.now()}`);
          }
          const st = set().status;
          const rev = (e.object as Pod).metadata.labels?.['controller-revision-hash'];
          if (k < s.partition && st && st.currentRevision !== st.updateRevision && rev === st.updateRevision)
            violations.push(`web-${k} below partition ${s.partition} got the update revision`);
        });
        let failed = false;
        for (const a of [...s.actions].sort((x, y) => x.at - y.at)) {
          sim.runUntil(a.at);
          const current = structuredClone(set());
          if ('scale' in a) {
            current.spec.replicas = a.scale;
            expect(sim.api.update(current).ok).toBe(true);
          } else if ('image' in a) {
            current.spec.template.spec.containers[0]!.image = a.image;
            expect(sim.api.update(current).ok).toBe(true);
          } else if ('deleteOrdinal' in a) {
            sim.api.delete('Pod', 'default', `web-${a.deleteOrdinal}`);
          } else {
            sim.nodeLifecycle.failNode(a.failNode);
            failed = true;
          }
          sim.settle();
        }
        sim.runUntil(3600);
        expect(violations).toEqual([]);
        // Below the partition nothing ever runs the update revision.
        const st = set().status!;
        if (st.currentRevision !== st.updateRevision)
          for (const p of pods())
            if (ordinal(p) < s.partition)
              expect(p.metadata.labels?.['controller-revision-hash']).not.toBe(st.updateRevision);
        if (!failed) {
          const want = set().spec.replicas ?? 1;
          expect(pods().filter(ready).map(ordinal).sort()).toEqual(Array.from({ length: want }, (_, i) => i));
          expect(st.readyReplicas ?? 0).toBe(want);
          expect(st.observedGeneration).toBe(set().metadata.generation);
        }
      }),
      { seed: 20261203, numRuns: 40 },
    );
  });
});
