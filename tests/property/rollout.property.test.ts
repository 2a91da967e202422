import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DaemonSet, IntOrString, Pod } from '../../src/engine/api/types';
import { isPodAvailable } from '../../src/engine/api/podUtil';
import { scaledValue } from '../../src/engine/controllers/daemonset/rollingUpdate';
import { newDaemonSet, newNodes } from '../fixtures/builders';
import { newCluster } from '../fixtures/cluster';

const intOrPercent = fc.oneof(
  fc.integer({ min: 1, max: 4 }),
  fc.integer({ min: 1, max: 60 }).map((p) => `${p}%`),
);

const rollout = fc.record({
  nodes: fc.integer({ min: 1, max: 12 }),
  surge: fc.boolean(),
  amount: intOrPercent,
  minReadySeconds: fc.integer({ min: 0, max: 8 }),
  startupSeconds: fc.integer({ min: 1, max: 6 }),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
});

type Rollout = {
  nodes: number;
  surge: boolean;
  amount: IntOrString;
  minReadySeconds: number;
  startupSeconds: number;
  seed: number;
};

function runRollout(r: Rollout) {
  const nodes = newNodes(1, r.nodes);
  const ds = newDaemonSet('agent', {
    minReadySeconds: r.minReadySeconds,
    templateAnnotations: { 'playground/startup-seconds': String(r.startupSeconds) },
    updateStrategy: {
      type: 'RollingUpdate',
      rollingUpdate: r.surge
        ? { maxUnavailable: 0, maxSurge: r.amount }
        : { maxUnavailable: r.amount, maxSurge: 0 },
    },
  });
  const sim = newCluster([...nodes, ds], r.seed);
  sim.runUntil(60);
  const next = structuredClone(sim.api.get<DaemonSet>('DaemonSet', 'default', 'agent')!);
  next.spec.template.spec.containers[0]!.image = 'agent:v2';
  const res = sim.api.update(next);
  if (!res.ok) throw new Error(res.error.message);
  const names = nodes.map((n) => n.metadata.name);
  let worst = 0;
  const availableOn = (n: string) =>
    sim.api.store
      .podsOnNode(n)
      .some((p: Pod) => !p.metadata.deletionTimestamp && isPodAvailable(p, r.minReadySeconds, sim.now()));
  while (sim.now() < 3000 && sim.step()) {
    // Judge each instant after its timers and reconciles are all done.
    const next = sim.nextEventTime();
    if (next !== undefined && next === sim.now()) continue;
    worst = Math.max(worst, names.filter((n) => !availableOn(n)).length);
  }
  return { sim, worst };
}

describe('property · rolling updates over random clusters (fast-check, fixed seed)', () => {
  it('never has more nodes without an available pod than maxUnavailable allows; with maxSurge, none; and always finishes on the new revision', () => {
    fc.assert(
      fc.property(rollout, (r) => {
        const { sim, worst } = runRollout(r);
        const limit = r.surge ? 0 : Math.max(1, scaledValue(r.amount, r.nodes, true));
        expect(worst).toBeLessThanOrEqual(limit);
        const pods = sim.api.list<Pod>('Pod');
        expect(pods).toHaveLength(r.nodes);
        expect(pods.every((p) => p.spec.containers[0]!.image === 'agent:v2')).toBe(true);
        const st = sim.api.get<DaemonSet>('DaemonSet', 'default', 'agent')!.status!;
        expect(st.updatedNumberScheduled).toBe(r.nodes);
        expect(st.numberAvailable).toBe(r.nodes);
      }),
      { seed: 20261125, numRuns: 60, verbose: true },
    );
  });
});
