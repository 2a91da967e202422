import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../../../src/engine/api/types';
import { isPodReady } from '../../../../../src/engine/api/podUtil';
import type { Simulation } from '../../../../../src/engine/simulation';
import { SHUTDOWN_SECONDS } from '../../../../../src/engine/controllers/kubelet/kubelet';
import { newDaemonSet, newNode } from '../../../../fixtures/builders';
import type { DaemonSetOptions } from '../../../../fixtures/builders';
import { newCluster } from '../../../../fixtures/cluster';

function oneDaemonPod(opts: DaemonSetOptions = {}) {
  const sim = newCluster([newNode('n1'), newDaemonSet('agent', opts)]);
  const pod = () => sim.api.store.podsOnNode('n1').find((p) => !p.metadata.deletionTimestamp) as Pod;
  return { sim, pod };
}

const waitingReason = (p: Pod) => p.status?.containerStatuses?.[0]?.state.waiting?.reason;
const eventTimes = (sim: Simulation, reason: string) =>
  sim.recorder.log.filter((e) => e.reason === reason).map((e) => e.t);

describe('kubelet · pod lifecycle', () => {
  it.each([
    { hostNetwork: true, ip: "the node's IP" },
    { hostNetwork: false, ip: 'an address from the pod network' },
  ])('gives a pod with hostNetwork: $hostNetwork $ip (generateAPIPodStatus)', ({ hostNetwork }) => {
    const { sim, pod } = oneDaemonPod({ hostNetwork });
    sim.runUntil(5);
    const { hostIP, podIP } = pod().status ?? {};
    expect(hostIP).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    if (hostNetwork) expect(podIP).toBe(hostIP);
    else expect(podIP).toMatch(/^10\.244\./);
  });

  it('pulls, creates and starts a healthy container after startup-seconds, then reports it ready', () => {
    const { sim, pod } = oneDaemonPod({ templateAnnotations: { 'playground/startup-seconds': '5' } });
    sim.runUntil(4.999);
    expect(pod().status?.phase).toBe('Pending');
    expect(waitingReason(pod())).toBe('ContainerCreating');
    sim.runUntil(5);
    expect(pod().status?.phase).toBe('Running');
    expect(isPodReady(pod())).toBe(true);
    expect(sim.recorder.log.filter((e) => e.object.startsWith('Pod/')).map((e) => e.reason)).toEqual([
      'Scheduled',
      'Pulling',
      'Pulled',
      'Created',
      'Started',
    ]);
  });

  it('turns ready only after the readiness probe initialDelaySeconds and successThreshold', () => {
    const { sim, pod } = oneDaemonPod({
      containers: [
        {
          name: 'c',
          image: 'app:v1',
          readinessProbe: {
            httpGet: { path: '/ready', port: 8080 },
            initialDelaySeconds: 3,
            periodSeconds: 2,
            successThreshold: 2,
          },
        },
      ],
    });
    // Started at 2 s (default pull), first probe at 5 s, second success at 7 s.
    sim.runUntil(6.999);
    expect(isPodReady(pod())).toBe(false);
    sim.runUntil(7);
    expect(isPodReady(pod())).toBe(true);
  });

  it('backs off a crash-looping container 10s, 20s, 40s … capped at 5m, in CrashLoopBackOff, never ready', () => {
    const { sim, pod } = oneDaemonPod({ templateAnnotations: { 'playground/behavior': 'crash-loop' } });
    sim.runUntil(1200);
    const starts = eventTimes(sim, 'Started');
    const gaps = starts.slice(1).map((t, i) => Math.round((t - starts[i]! - 0.5) * 1000) / 1000);
    expect(gaps.slice(0, 7)).toEqual([10, 20, 40, 80, 160, 300, 300]);
    expect(waitingReason(pod())).toBe('CrashLoopBackOff');
    expect(pod().status?.containerStatuses?.[0]?.restartCount).toBe(starts.length);
    expect(sim.tracer.entries.some((e) => e.event === 'ready')).toBe(false);
    expect(
      sim.kubelet.logs
        .get(pod().metadata.uid!, pod().spec.containers[0]!.name, true)
        ?.map((l) => l.text)
        .join('\n'),
    ).toMatch(/FATAL .*no such file/);
  });

  it('reports ErrImagePull, then ImagePullBackOff, and retries the pull with back-off', () => {
    const { sim, pod } = oneDaemonPod({ templateAnnotations: { 'playground/behavior': 'image-pull-error' } });
    sim.runUntil(2);
    expect(waitingReason(pod())).toBe('ErrImagePull');
    sim.runUntil(3);
    expect(waitingReason(pod())).toBe('ImagePullBackOff');
    sim.runUntil(100);
    const pulls = eventTimes(sim, 'Pulling');
    expect(pulls.slice(0, 3)).toEqual([0, 12, 34]);
    expect(sim.recorder.log.some((e) => e.message === 'Error: ErrImagePull')).toBe(true);
  });

  it('keeps a never-ready container Running but not ready, with Unhealthy probe events', () => {
    const { sim, pod } = oneDaemonPod({ templateAnnotations: { 'playground/behavior': 'never-ready' } });
    sim.runUntil(60);
    expect(pod().status?.phase).toBe('Running');
    expect(isPodReady(pod())).toBe(false);
    expect(
      sim.recorder.log.some(
        (e) => e.reason === 'Unhealthy' && e.message.startsWith('Readiness probe failed'),
      ),
    ).toBe(true);
  });

  it('stops a deleted pod after its preStop hook, within terminationGracePeriodSeconds', () => {
    const { sim, pod } = oneDaemonPod({
      containers: [{ name: 'c', image: 'app:v1', lifecycle: { preStop: { sleep: { seconds: 20 } } } }],
    });
    sim.runUntil(10);
    const name = pod().metadata.name;
    sim.api.delete('Pod', 'default', name);
    sim.settle();
    sim.runUntil(10 + 20 + SHUTDOWN_SECONDS - 0.001);
    expect(sim.api.get('Pod', 'default', name)).toBeDefined();
    sim.runUntil(10 + 20 + SHUTDOWN_SECONDS);
    expect(sim.api.get('Pod', 'default', name)).toBeUndefined();
  });

  it('kills at the grace period when the preStop hook is longer', () => {
    const ds = newDaemonSet('agent', {
      containers: [
        {
          name: 'c',
          image: 'app:v1',
          lifecycle: { preStop: { exec: { command: ['sh', '-c', 'sleep 60'] } } },
        },
      ],
    });
    ds.spec.template.spec.terminationGracePeriodSeconds = 15;
    const sim = newCluster([newNode('n1'), ds]);
    sim.runUntil(10);
    const name = sim.api.store.podsOnNode('n1')[0]!.metadata.name;
    sim.api.delete('Pod', 'default', name);
    sim.runUntil(24.9);
    expect(sim.api.get('Pod', 'default', name)).toBeDefined();
    sim.runUntil(25);
    expect(sim.api.get('Pod', 'default', name)).toBeUndefined();
  });

  it('uses the node image cache with IfNotPresent and pulls again with Always', () => {
    for (const [policy, want] of [
      ['IfNotPresent', /already present on machine/],
      ['Always', /Successfully pulled/],
    ] as const) {
      const { sim, pod } = oneDaemonPod({
        containers: [{ name: 'c', image: 'app:v1', imagePullPolicy: policy }],
      });
      sim.runUntil(10);
      sim.api.delete('Pod', 'default', pod().metadata.name);
      sim.runUntil(30);
      const pulled = sim.recorder.log.filter((e) => e.reason === 'Pulled').map((e) => e.message);
      expect(pulled).toHaveLength(2);
      expect(pulled[1]).toMatch(want);
    }
  });

  it('writes start-up log lines and keeps the previous container after a crash (kubectl logs -p)', () => {
    const { sim, pod } = oneDaemonPod({ image: 'fluent/fluentd:v1.14-1' });
    sim.runUntil(10);
    const uid = pod().metadata.uid!;
    const container = pod().spec.containers[0]!.name;
    expect(
      sim.kubelet.logs
        .get(uid, container)
        ?.map((l) => l.text)
        .join('\n'),
    ).toMatch(/starting fluentd-v1.14-1/);
    sim.kubelet.crashContainer(pod());
    sim.runUntil(30);
    expect(sim.kubelet.logs.hasPrevious(uid, container)).toBe(true);
    expect(pod().status?.containerStatuses?.[0]?.restartCount).toBe(1);
  });
});
