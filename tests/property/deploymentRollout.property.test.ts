import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Deployment, IntOrString, Pod } from '../../src/engine/api/types';
import { isPodAvailable } from '../../src/engine/api/podUtil';
import { resolveFenceposts } from '../../src/engine/controllers/deployment/rolling';
import { newDeployment, newNodes } from '../fixtures/builders';
import { newCluster } from '../fixtures/cluster';

const intOrPercent = fc.oneof(
  fc.integer({ min: 0, max: 4 }),
  fc.integer({ min: 0, max: 60 }).map((p) => `${p}%`),
);

const isZero = (v: IntOrString) => v === 0 || v === '0%';

// The API server refuses maxSurge and maxUnavailable both 0 (ValidateRollingUpdateDeployment);
// both scaling to 0 (e.g. 0 % and 10 % of 3) is allowed and becomes maxUnavailable 1.
const rollout = fc
  .record({
    replicas: fc.integer({ min: 1, max: 12 }),
    maxSurge: intOrPercent,
    maxUnavailable: intOrPercent,
    minReadySeconds: fc.integer({ min: 0, max: 8 }),
    startupSeconds: fc.integer({ min: 1, max: 6 }),
    seed: fc.integer({ min: 1, max: 1_000_000 }),
  })
  .filter((r) => !(isZero(r.maxSurge) && isZero(r.maxUnavailable)));

type Rollout = {
  replicas: number;
  maxSurge: IntOrString;
  maxUnavailable: IntOrString;
  minReadySeconds: number;
  startupSeconds: number;
  seed: number;
};

function runRollout(r: Rollout) {
  const d = newDeployment('web', {
    replicas: r.replicas,
    maxSurge: r.maxSurge,
    maxUnavailable: r.maxUnavailable,
    minReadySeconds: r.minReadySeconds,
  });
  d.spec.template.metadata!.annotations = { 'playground/startup-seconds': String(r.startupSeconds) };
  const sim = newCluster([...newNodes(1, 4), d], r.seed);
  sim.runUntil(120);
  const next = structuredClone(sim.api.get<Deployment>('Deployment', 'default', 'web')!);
  next.spec.template.spec.containers[0]!.image = 'nginx:1.26';
  const res = sim.api.update(next);
  if (!res.ok) throw new Error(res.error.message);
  let fewestAvailable = Infinity;
  let most = 0;
  const live = () => sim.api.list<Pod>('Pod', 'default').filter((p) => !p.metadata.deletionTimestamp);
  while (sim.now() < 3000 && sim.step()) {
    // Judge each instant after its timers and reconciles are all done.
    const t = sim.nextEventTime();
    if (t !== undefined && t === sim.now()) continue;
    const pods = live();
    most = Math.max(most, pods.length);
    fewestAvailable = Math.min(
      fewestAvailable,
      pods.filter((p) => isPodAvailable(p, r.minReadySeconds, sim.now())).length,
    );
  }
  return { sim, fewestAvailable, most, fence: resolveFenceposts(next) };
}

describe('property · Deployment rolling updates (rolling.go, fast-check, fixed seed)', () => {
  it('never has fewer than replicas − maxUnavailable available pods nor more than replicas + maxSurge pods, and ends on the new template', () => {
    fc.assert(
      fc.property(rollout, (r) => {
        const { sim, fewestAvailable, most, fence } = runRollout(r);
        expect(fewestAvailable).toBeGreaterThanOrEqual(r.replicas - fence.maxUnavailable);
        expect(most).toBeLessThanOrEqual(r.replicas + fence.maxSurge);
        const pods = sim.api.list<Pod>('Pod', 'default');
        expect(pods).toHaveLength(r.replicas);
        expect(pods.every((p) => p.spec.containers[0]!.image === 'nginx:1.26')).toBe(true);
        const st = sim.api.get<Deployment>('Deployment', 'default', 'web')!.status!;
        expect(st.updatedReplicas).toBe(r.replicas);
        expect(st.availableReplicas).toBe(r.replicas);
      }),
      { seed: 20261203, numRuns: 40, verbose: true },
    );
  });
});
