// pkg/controller/job/job_controller.go: syncJob, manageJob, the pod failure back-off
// (backoff_utils.go getRemainingTime), pastActiveDeadline, exceedsBackoffLimit /
// pastBackoffLimitOnFailure; pkg/controller/ttlafterfinished processJob; batch validation ValidateJob.
import { describe, expect, it } from 'vitest';
import type { Job, Pod } from '../../../../../src/engine/api/types';
import type { Simulation } from '../../../../../src/engine/simulation';
import { backoffDelay } from '../../../../../src/engine/controllers/job/backoff';
import { newJob, newNode } from '../../../../fixtures/builders';
import type { JobOptions } from '../../../../fixtures/builders';
import { newCluster } from '../../../../fixtures/cluster';

function runJob(opts: JobOptions, until: number) {
  const sim = newCluster([newNode('n1'), newNode('n2'), newJob('task', opts)]);
  let maxActive = 0;
  sim.api.store.watch('Pod', () => {
    const live = sim.api
      .list<Pod>('Pod')
      .filter(
        (p) =>
          p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed' && !p.metadata.deletionTimestamp,
      );
    maxActive = Math.max(maxActive, live.length);
  });
  sim.runUntil(until);
  const job = () => sim.api.get<Job>('Job', 'default', 'task');
  return { sim, job, maxActive: () => maxActive };
}

const conditionTypes = (job: Job | undefined) => (job?.status?.conditions ?? []).map((c) => c.type);
const jobEvents = (sim: Simulation) =>
  sim.recorder.log.filter((e) => e.object === 'Job/default/task').map((e) => e.reason);

describe('Job controller · completions and parallelism (manageJob: active = min(parallelism, remaining))', () => {
  it.each([
    [{}, 1, 1],
    [{ completions: 3, parallelism: 1 }, 3, 1],
    [{ completions: 3, parallelism: 2 }, 3, 2],
    [{ completions: 2, parallelism: 5 }, 2, 2],
  ] as const)('%j: %i pods succeed, never more than %i at once', (opts, succeeded, most) => {
    const { sim, job, maxActive } = runJob(opts, 200);
    expect(job()?.status?.succeeded).toBe(succeeded);
    expect(maxActive()).toBe(most);
    expect(conditionTypes(job())).toEqual(['SuccessCriteriaMet', 'Complete']);
    expect(job()?.status?.conditions?.[1]).toMatchObject({
      reason: 'CompletionsReached',
      message: 'Reached expected number of succeeded pods',
    });
    expect(job()?.status?.completionTime).toBeDefined();
    expect(jobEvents(sim).filter((r) => r === 'SuccessfulCreate')).toHaveLength(succeeded);
    expect(jobEvents(sim).at(-1)).toBe('Completed');
  });

  it('labels its pods with the job name and controller uid and selects them by the uid (generateSelector)', () => {
    const { sim, job } = runJob({}, 1);
    const uid = job()!.metadata.uid!;
    expect(job()!.spec.selector).toEqual({ matchLabels: { 'batch.kubernetes.io/controller-uid': uid } });
    expect(job()!.spec.manualSelector).toBe(false);
    const pod = sim.api.list<Pod>('Pod')[0]!;
    expect(pod.metadata.labels).toMatchObject({
      'batch.kubernetes.io/job-name': 'task',
      'job-name': 'task',
      'batch.kubernetes.io/controller-uid': uid,
      'controller-uid': uid,
    });
    expect(pod.metadata.ownerReferences?.[0]).toMatchObject({ kind: 'Job', name: 'task', controller: true });
    expect(job()!.status).toMatchObject({ active: 1, startTime: '2025-01-01T00:00:00Z' });
  });
});

describe('Job controller · backoffLimit and the pod failure back-off', () => {
  it('replaces failed pods after 10 s, 20 s, 40 s … and fails the Job once more than backoffLimit pods failed', () => {
    // Each pod runs 5 s and fails; the first pulls for 2 s, the others start from n1's image cache
    // in 0.5 s. backoffLimit 3 → the 4th failure ends the Job.
    const { sim, job } = runJob({ backoffLimit: 3, runSeconds: 5, exitCode: 1, nodeName: 'n1' }, 300);
    const created = sim.recorder.log
      .filter((e) => e.object === 'Job/default/task' && e.reason === 'SuccessfulCreate')
      .map((e) => e.t);
    // Failures at 7, 22.5, 48 → creations at 0, 7+10, 22.5+20, 48+40.
    expect(created).toEqual([0, 17, 42.5, 88]);
    expect(job()?.status?.failed).toBe(4);
    expect(conditionTypes(job())).toEqual(['FailureTarget', 'Failed']);
    expect(job()?.status?.conditions?.[1]).toMatchObject({
      reason: 'BackoffLimitExceeded',
      message: 'Job has reached the specified backoff limit',
    });
    expect(sim.recorder.log.find((e) => e.reason === 'BackoffLimitExceeded')?.type).toBe('Warning');
  });

  it.each([
    [1, 10],
    [2, 20],
    [3, 40],
    [7, 600],
    [20, 600],
  ])(
    'after %i failures in a row the next pod waits %i s (DefaultJobPodFailureBackOff, MaxJobPodFailureBackOff)',
    (n, s) => {
      expect(backoffDelay(n)).toBe(s);
    },
  );

  it('restartPolicy OnFailure: the container restarts in place and the Job fails when restarts reach backoffLimit', () => {
    const { sim, job } = runJob(
      { backoffLimit: 2, runSeconds: 5, exitCode: 1, restartPolicy: 'OnFailure' },
      200,
    );
    expect(jobEvents(sim).filter((r) => r === 'SuccessfulCreate')).toHaveLength(1);
    expect(conditionTypes(job())).toEqual(['FailureTarget', 'Failed']);
    expect(sim.api.list<Pod>('Pod')).toHaveLength(0);
  });
});

describe('Job controller · activeDeadlineSeconds and ttlSecondsAfterFinished', () => {
  it('deletes the running pods and fails the Job with DeadlineExceeded after activeDeadlineSeconds', () => {
    const { sim, job } = runJob({ activeDeadlineSeconds: 30, runSeconds: 600 }, 29.9);
    expect(conditionTypes(job())).toEqual([]);
    sim.runUntil(60);
    expect(conditionTypes(job())).toEqual(['FailureTarget', 'Failed']);
    expect(job()?.status?.conditions?.[0]).toMatchObject({
      reason: 'DeadlineExceeded',
      message: 'Job was active longer than specified deadline',
      lastTransitionTime: '2025-01-01T00:00:30Z',
    });
    expect(sim.api.list<Pod>('Pod')).toHaveLength(0);
    expect(jobEvents(sim)).toContain('DeadlineExceeded');
  });

  it('the TTL-after-finished controller deletes a finished Job and its pods ttlSecondsAfterFinished later', () => {
    // Finishes at 12 s (2 s pull + 10 s run); deleted at 112 s.
    const { sim, job } = runJob({ ttlSecondsAfterFinished: 100 }, 111.9);
    expect(job()).toBeDefined();
    sim.runUntil(113);
    expect(job()).toBeUndefined();
    expect(sim.api.list<Pod>('Pod')).toHaveLength(0);
  });

  it('deleting a Job lets the garbage collector delete its pods', () => {
    const { sim } = runJob({ runSeconds: 600 }, 5);
    sim.api.delete('Job', 'default', 'task');
    sim.runUntil(60);
    expect(sim.api.list<Pod>('Pod')).toHaveLength(0);
  });
});

describe('Job validation (ValidateJobSpec)', () => {
  it.each([
    [
      'Always',
      'spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"',
    ],
  ] as const)('restartPolicy %s is rejected: %s', (policy, message) => {
    const sim = newCluster([]);
    const res = sim.api.create(newJob('bad', { restartPolicy: policy }));
    expect(res.ok).toBe(false);
    expect(!res.ok && res.error.message).toContain(message);
  });

  it.each([['OnFailure'], ['Never']] as const)('restartPolicy %s is accepted', (policy) => {
    const sim = newCluster([]);
    expect(sim.api.create(newJob('ok', { restartPolicy: policy })).ok).toBe(true);
  });

  it('the template of an existing Job is immutable', () => {
    const sim = newCluster([newJob('task')]);
    const job = structuredClone(sim.api.get<Job>('Job', 'default', 'task')!);
    job.spec.template.spec.containers[0]!.image = 'busybox:1.37';
    const res = sim.api.update(job);
    expect(!res.ok && res.error.message).toContain('spec.template: Invalid value');
    expect(!res.ok && res.error.message).toContain('field is immutable');
  });
});

describe('Job controller · suspend', () => {
  it.each([
    [true, 'True', 'JobSuspended', 0],
    [false, 'False', 'JobResumed', 1],
  ] as const)(
    'created suspended, still suspended: %s → Suspended %s (%s), %i pods',
    (staySuspended, status, reason, pods) => {
      const job = newJob('task', { runSeconds: 600 });
      job.spec.suspend = true;
      const sim = newCluster([newNode('n1'), job]);
      if (!staySuspended) {
        const stored = structuredClone(sim.api.get<Job>('Job', 'default', 'task')!);
        stored.spec.suspend = false;
        expect(sim.api.update(stored).ok).toBe(true);
      }
      sim.runUntil(5);
      const now = sim.api.get<Job>('Job', 'default', 'task')!;
      expect(now.status?.conditions?.find((c) => c.type === 'Suspended')).toMatchObject({ status, reason });
      expect(sim.api.list<Pod>('Pod')).toHaveLength(pods);
      expect(now.status?.startTime !== undefined).toBe(!staySuspended);
    },
  );
});

it('suspending a running Job deletes its pod without counting a failure', () => {
  const sim = newCluster([newNode('n1'), newJob('task', { runSeconds: 600 })]);
  sim.runUntil(5);
  const stored = structuredClone(sim.api.get<Job>('Job', 'default', 'task')!);
  stored.spec.suspend = true;
  expect(sim.api.update(stored).ok).toBe(true);
  sim.runUntil(30);
  const job = sim.api.get<Job>('Job', 'default', 'task')!;
  expect(sim.api.list<Pod>('Pod')).toHaveLength(0);
  expect(job.status?.failed).toBeUndefined();
  expect(job.status?.conditions?.map((c) => c.type)).toEqual(['Suspended']);
});
