// Invariants of the Job controller (pkg/controller/job manageJob / syncJob) over random Jobs and
// pod outcomes, with fast-check on a fixed seed: never more than min(parallelism, remaining
// completions) pods running, succeeded never beyond completions, and every Job finishes, with
// exactly one of Complete or Failed, matching what its pods did.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Job, Pod } from '../../src/engine/api/types';
import { newJob, newNodes } from '../fixtures/builders';
import { newCluster } from '../fixtures/cluster';

const jobShape = fc.record({
  completions: fc.integer({ min: 1, max: 5 }),
  parallelism: fc.integer({ min: 1, max: 4 }),
  backoffLimit: fc.integer({ min: 0, max: 3 }),
  runSeconds: fc.integer({ min: 1, max: 30 }),
  exitCode: fc.constantFrom(0, 0, 1),
  restartPolicy: fc.constantFrom('Never' as const, 'OnFailure' as const),
  seed: fc.integer({ min: 1, max: 1_000_000 }),
});

describe('property · Job controller (job_controller.go, fast-check, fixed seed)', () => {
  it('keeps active ≤ min(parallelism, remaining), never over-completes, and always finishes', () => {
    fc.assert(
      fc.property(jobShape, (j) => {
        const sim = newCluster([...newNodes(1, 3), newJob('task', j)], j.seed);
        let worst = 0;
        sim.api.store.watch('Pod', () => {
          const job = sim.api.get<Job>('Job', 'default', 'task');
          const live = sim.api
            .list<Pod>('Pod')
            .filter(
              (p) =>
                !p.metadata.deletionTimestamp &&
                p.status?.phase !== 'Succeeded' &&
                p.status?.phase !== 'Failed',
            );
          const remaining = j.completions - (job?.status?.succeeded ?? 0);
          worst = Math.max(worst, live.length - Math.min(j.parallelism, Math.max(remaining, 0)));
        });
        sim.runUntil(3600);
        const job = sim.api.get<Job>('Job', 'default', 'task')!;
        expect(worst).toBeLessThanOrEqual(0);
        expect(job.status?.succeeded ?? 0).toBeLessThanOrEqual(j.completions);
        const final = (job.status?.conditions ?? []).filter(
          (c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True',
        );
        expect(final).toHaveLength(1);
        expect(final[0]!.type).toBe(j.exitCode === 0 ? 'Complete' : 'Failed');
      }),
      { seed: 20261203, numRuns: 40 },
    );
  });
});
