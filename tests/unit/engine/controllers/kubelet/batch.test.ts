// Containers that run to completion, after the pod's restartPolicy (pkg/kubelet/kuberuntime
// computePodActions / ShouldContainerBeRestarted, pkg/kubelet/status getPhase).
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../../../src/engine/api/types';
import { afterExit, batchBehavior } from '../../../../../src/engine/controllers/kubelet/batch';
import { newDaemonSet, newNode, newPod } from '../../../../fixtures/builders';
import { newCluster } from '../../../../fixtures/cluster';
import { runKubectl } from '../../../../../src/kubectl';

type Policy = 'Always' | 'OnFailure' | 'Never';

function batchPod(policy: Policy, annotations: Record<string, string>): Pod {
  const pod = newPod('task', { nodeName: 'n1', phase: 'Pending' });
  pod.metadata.annotations = { 'playground/startup-seconds': '2', ...annotations };
  pod.spec.restartPolicy = policy;
  return pod;
}

function run(policy: Policy, annotations: Record<string, string>, until: number) {
  const sim = newCluster([newNode('n1'), batchPod(policy, annotations)]);
  sim.runUntil(until);
  const pod = sim.api.get<Pod>('Pod', 'default', 'task')!;
  return { sim, pod };
}

describe('kubelet · batch containers (playground/run-seconds, playground/exit-code)', () => {
  it.each([
    ['Never', '0', 'Succeeded', 'Completed'],
    ['Never', '3', 'Failed', 'Error'],
    ['OnFailure', '0', 'Succeeded', 'Completed'],
  ] as const)(
    'restartPolicy %s, exit code %s: the pod ends %s with the container terminated, reason %s',
    (policy, code, phase, reason) => {
      const { sim, pod } = run(policy, { 'playground/run-seconds': '20', 'playground/exit-code': code }, 60);
      expect(pod.status?.phase).toBe(phase);
      const cs = pod.status!.containerStatuses![0]!;
      expect(cs.state.terminated).toMatchObject({ exitCode: Number(code), reason });
      expect(cs.restartCount).toBe(0);
      expect(pod.status?.conditions?.find((c) => c.type === 'Ready')).toMatchObject({
        status: 'False',
        reason: 'PodCompleted',
      });
      const trace = sim.tracer.entries.filter((e) => e.pod === 'default/task').map((e) => e.event);
      expect(trace).toContain(phase === 'Succeeded' ? 'succeeded' : 'failed');
    },
  );

  it('exits after run-seconds of running, not before (started at 2 s, done at 22 s)', () => {
    const sim = newCluster([newNode('n1'), batchPod('Never', { 'playground/run-seconds': '20' })]);
    sim.runUntil(21.999);
    expect(sim.api.get<Pod>('Pod', 'default', 'task')!.status?.phase).toBe('Running');
    sim.runUntil(22);
    expect(sim.api.get<Pod>('Pod', 'default', 'task')!.status?.phase).toBe('Succeeded');
    expect(sim.tracer.entries.find((e) => e.event === 'succeeded')?.t).toBe(22);
  });

  it.each([
    ['OnFailure', '1', 'Error', 1],
    ['Always', '0', 'Completed', 0],
    ['Always', '2', 'Error', 2],
  ] as const)(
    'restartPolicy %s, exit code %s: the kubelet restarts the container (last state %s) with its crash back-off',
    (policy, code, reason, exitCode) => {
      // Runs 2–12 s, exits, back-off 10 s, runs 22–32 s, exits, back-off 20 s → started again at 52 s.
      const { sim, pod } = run(policy, { 'playground/run-seconds': '10', 'playground/exit-code': code }, 40);
      expect(pod.status?.phase).toBe('Running');
      const cs = pod.status!.containerStatuses![0]!;
      expect(cs.restartCount).toBe(2);
      expect(cs.state.waiting?.reason).toBe('CrashLoopBackOff');
      expect(cs.lastState?.terminated).toMatchObject({ exitCode, reason });
      sim.runUntil(51.999);
      expect(sim.api.get<Pod>('Pod', 'default', 'task')!.status?.containerStatuses?.[0]?.state.running).toBe(
        undefined,
      );
      sim.runUntil(52);
      expect(
        sim.api.get<Pod>('Pod', 'default', 'task')!.status?.containerStatuses?.[0]?.state.running,
      ).toBeDefined();
    },
  );

  it.each([
    ['Never', 'Failed'],
    ['OnFailure', 'Running'],
  ] as const)('a crash-loop container under restartPolicy %s: the pod is %s', (policy, phase) => {
    const { pod } = run(policy, { 'playground/behavior': 'crash-loop' }, 30);
    expect(pod.status?.phase).toBe(phase);
  });

  it('a DaemonSet pod that runs to completion goes Completed → CrashLoopBackOff (restartPolicy Always)', () => {
    const ds = newDaemonSet('kube-bench', {
      templateAnnotations: { 'playground/run-seconds': '20' },
    });
    const sim = newCluster([newNode('n1'), ds]);
    sim.runUntil(120);
    const pod = sim.api.store.podsOnNode('n1')[0]!;
    expect(pod.status?.phase).toBe('Running');
    const cs = pod.status!.containerStatuses![0]!;
    expect(cs.state.waiting?.reason).toBe('CrashLoopBackOff');
    expect(cs.lastState?.terminated).toMatchObject({ exitCode: 0, reason: 'Completed' });
    expect(cs.restartCount).toBeGreaterThanOrEqual(2);
    expect(sim.tracer.entries.some((e) => e.event === 'succeeded')).toBe(false);
  });

  it.each([
    [{}, {}],
    [{ 'playground/run-seconds': '30' }, { runSeconds: 30 }],
    [
      { 'playground/run-seconds': '30', 'playground/exit-code': '137' },
      { runSeconds: 30, exitCode: 137 },
    ],
    [{ 'playground/run-seconds': 'soon', 'playground/exit-code': '-1' }, {}],
  ])('reads the annotations %j as %j', (annotations, want) => {
    const pod = newPod('p');
    pod.metadata.annotations = annotations;
    expect(batchBehavior(pod)).toEqual(want);
  });

  // aquasecurity/kube-bench entrypoint.sh: `exec kube-bench "$@"` runs the checks once and exits.
  it.each([
    ['aquasec/kube-bench:v0.10.1', undefined, { runSeconds: 20 }],
    ['docker.io/aquasec/kube-bench:latest', ['kube-bench', 'run', '--targets', 'node'], { runSeconds: 20 }],
    ['aquasec/kube-bench:v0.8.0', ['/entrypoint.sh'], { runSeconds: 20 }],
    ['aquasec/kube-bench:v0.10.1', ['sh', '-c', 'kube-bench; sleep infinity'], {}],
    ['fluent/fluentd:v1.16-1', undefined, {}],
  ])('a container of %s with command %j runs once and exits on its own: %j', (image, command, want) => {
    const pod = newPod('p');
    pod.spec.containers = [{ name: 'c', image, ...(command ? { command } : {}) }];
    expect(batchBehavior(pod)).toEqual(want);
  });

  it('run-seconds wins over the image, and a pod exits on its own only when every container does', () => {
    const pod = newPod('p');
    pod.spec.containers = [
      { name: 'bench', image: 'aquasec/kube-bench:v0.10.1' },
      { name: 'sidecar', image: 'registry.k8s.io/pause:3.10' },
    ];
    expect(batchBehavior(pod)).toEqual({});
    pod.spec.containers = [pod.spec.containers[0]!];
    pod.metadata.annotations = { 'playground/run-seconds': '5' };
    expect(batchBehavior(pod)).toEqual({ runSeconds: 5 });
  });

  it('kubectl create job with the kube-bench image completes: the pod ends Succeeded, not restarted', () => {
    const sim = newCluster([newNode('n1')]);
    const res = runKubectl(
      sim,
      'create job bench --image=aquasec/kube-bench:v0.10.1 -- kube-bench run --targets node',
    );
    expect(res.exitCode).toBe(0);
    sim.runUntil(60);
    const pod = sim.api.store.podsOnNode('n1')[0]!;
    expect(pod.status?.phase).toBe('Succeeded');
    expect(pod.status?.containerStatuses?.[0]?.state.terminated).toMatchObject({
      exitCode: 0,
      reason: 'Completed',
    });
    expect(runKubectl(sim, 'get job bench -o jsonpath={.status.succeeded}').stdout).toBe('1');
  });

  it.each([
    [undefined, 0, 'restart'],
    ['Always', 0, 'restart'],
    ['OnFailure', 0, 'Succeeded'],
    ['OnFailure', 1, 'restart'],
    ['Never', 0, 'Succeeded'],
    ['Never', 1, 'Failed'],
  ] as const)('restartPolicy %s after exit code %i: %s', (policy, code, want) => {
    expect(afterExit(policy, code)).toBe(want);
  });
});
