import { describe, expect, it } from 'vitest';
import type { ContainerStatus, Pod } from '../../../../src/engine/api/types';
import { explainContainers } from '../../../../src/engine/explain/containers';
import { parseGoDuration } from '../../../../src/engine/explain/words';
import { newPod } from '../../../fixtures/builders';

function podWith(status: Partial<ContainerStatus>): Pod {
  const pod = newPod('fluentd-x', { namespace: 'kube-system', nodeName: 'node-1' });
  pod.spec.containers[0]!.image = 'fluent/fluentd:v1.14-1';
  pod.status = {
    phase: 'Running',
    containerStatuses: [
      { name: 'main', image: 'fluent/fluentd:v1.14-1', ready: false, restartCount: 0, state: {}, ...status },
    ],
  };
  return pod;
}

// t = 100 s after the simulation's epoch (2025-01-01T00:00:00Z).
const NOW = 100;

describe('explainContainers', () => {
  it("says a crash-looping container's back-off timer, back-off and restart count", () => {
    const pod = podWith({
      restartCount: 3,
      state: {
        waiting: {
          reason: 'CrashLoopBackOff',
          message: 'back-off 40s restarting failed container=main pod=x',
        },
      },
      lastState: { terminated: { exitCode: 1, reason: 'Error', finishedAt: '2025-01-01T00:01:12.500Z' } },
    });
    const [c] = explainContainers({ pod, now: NOW, backoffUntil: 112.5 });
    expect(c?.state).toBe('CrashLoopBackOff');
    expect(c?.headline).toBe('restarting in 13s (back-off 40s), restarts: 3');
    expect(c?.retryIn).toBe(12.5);
    expect(c?.backoff).toBe(40);
    expect(c?.sentences[0]).toContain('exited with code 1 (Error)');
  });

  it('reads a back-off of minutes as the kubelet prints it (5m0s)', () => {
    const pod = podWith({
      restartCount: 7,
      state: {
        waiting: { reason: 'CrashLoopBackOff', message: 'back-off 5m0s restarting failed container=main' },
      },
    });
    expect(explainContainers({ pod, now: NOW, backoffUntil: NOW + 100 })[0]?.headline).toBe(
      'restarting in 1m40s (back-off 5m), restarts: 7',
    );
  });

  it('still says the back-off when the kubelet time is unknown', () => {
    const pod = podWith({
      restartCount: 1,
      state: {
        waiting: { reason: 'CrashLoopBackOff', message: 'back-off 10s restarting failed container=main' },
      },
    });
    expect(explainContainers({ pod, now: NOW })[0]?.headline).toBe(
      'waiting to restart (back-off 10s), restarts: 1',
    );
  });

  it('explains an image pull back-off with the time to the next pull', () => {
    const pod = podWith({
      state: {
        waiting: { reason: 'ImagePullBackOff', message: 'Back-off pulling image "fluent/fluentd:v9"' },
      },
    });
    const [c] = explainContainers({ pod, now: NOW, backoffUntil: NOW + 19 });
    expect(c?.headline).toBe('pulling again in 19s');
    expect(c?.sentences.join(' ')).toContain('kubectl set image');
  });

  it.each([
    {
      name: 'a catalogued repository without that tag: the registry says so and names real tags',
      image: 'fluent/fluentd:v1.15',
      want: 'The registry answers: tag v1.15 does not exist for docker.io/fluent/fluentd; known tags: v1.15-1, v1.15-debian-1, v1.18-1, v1.18-debian-1, v1.18.0-1.0.',
    },
    {
      name: 'nginx is read as docker.io/library/nginx',
      image: 'nginx:1.99',
      want: 'The registry answers: tag 1.99 does not exist for docker.io/library/nginx; known tags: 1.29, 1.29.0, 1.28, 1.28.0, 1.27.',
    },
    {
      name: 'a repository the playground does not know: no registry answer',
      image: 'example.com/agent:v9',
      want: undefined,
    },
  ])('explains a pull failure with the registry’s answer: $name', ({ image, want }) => {
    const pod = podWith({ image, state: { waiting: { reason: 'ErrImagePull', message: 'not found' } } });
    const sentences = explainContainers({ pod, now: NOW })[0]?.sentences ?? [];
    expect(sentences.find((s) => s.startsWith('The registry answers'))).toBe(want);
  });

  it('explains an image name that does not parse: nothing is pulled, no retry helps', () => {
    const message =
      'Failed to apply default image tag "Nginx": couldn\'t parse image name "Nginx": invalid reference format: repository name (library/Nginx) must be lowercase';
    const pod = podWith({ image: 'Nginx', state: { waiting: { reason: 'InvalidImageName', message } } });
    const [c] = explainContainers({ pod, now: NOW });
    expect(c).toMatchObject({
      state: 'InvalidImageName',
      tone: 'failing',
      headline: 'the image name does not parse',
    });
    expect(c?.sentences[0]).toBe(message);
    expect(c?.sentences[1]).toContain('kubectl set image');
  });

  it('says a running container is not ready until its probe passes', () => {
    const pod = podWith({ state: { running: { startedAt: '2025-01-01T00:01:00Z' } } });
    const [c] = explainContainers({ pod, now: NOW });
    expect(c?.headline).toBe('running for 40s, not ready yet, restarts: 0');
    expect(c?.tone).toBe('ok');
  });

  it('describes containers of a pod that has no status yet from its spec', () => {
    const pod = newPod('p', { phase: 'Pending' });
    pod.status = { phase: 'Pending' };
    expect(explainContainers({ pod, now: NOW }).map((c) => c.state)).toEqual(['Pending']);
  });

  it('says a pod the kubelet rejected at admission (kubelet.rejectPod) never started, not ContainerCreating', () => {
    const pod = newPod('p', { nodeName: 'node-1', phase: 'Failed' });
    pod.status = {
      phase: 'Failed',
      reason: 'Evicted',
      message: 'Pod was rejected: The node had condition: [DiskPressure]. ',
    };
    expect(explainContainers({ pod, now: NOW })).toMatchObject([
      { state: 'Evicted', tone: 'done', headline: 'never started: the kubelet did not admit the pod' },
    ]);
  });
});

describe('parseGoDuration', () => {
  it.each([
    ['40s', 40],
    ['5m0s', 300],
    ['1m20s', 80],
    ['1.3333333333333333m0s', 80],
    ['', undefined],
    ['soon', undefined],
  ])('reads %j as %s seconds', (text, seconds) => {
    expect(parseGoDuration(text)).toBe(seconds);
  });
});

describe('explainContainers · batch containers and restartPolicy', () => {
  it("a Job pod that completed: exit code 0, and a Job's pods are not restarted", () => {
    const pod = podWith({ state: { terminated: { exitCode: 0, reason: 'Completed' } } });
    pod.status!.phase = 'Succeeded';
    pod.spec.restartPolicy = 'Never';
    pod.metadata.ownerReferences = [
      { apiVersion: 'batch/v1', kind: 'Job', name: 'bench', uid: 'j1', controller: true },
    ];
    const [c] = explainContainers({ pod, now: NOW });
    expect(c?.state).toBe('Completed');
    expect(c?.headline).toBe("completed: exit code 0; a Job's pods are not restarted");
    expect(c?.tone).toBe('done');
  });

  it.each([
    ['DaemonSet', 0, 'Completed', 'a DaemonSet pod must keep running: restartPolicy Always restarts it'],
    ['DaemonSet', 1, 'Error', "the pod's restartPolicy (Always, the only one a DaemonSet allows)"],
  ] as const)(
    'a %s pod whose container exited %i (%s) and is restarted: "%s"',
    (kind, code, reason, says) => {
      const pod = podWith({
        restartCount: 2,
        state: {
          waiting: {
            reason: 'CrashLoopBackOff',
            message: 'back-off 20s restarting failed container=main pod=x',
          },
        },
        lastState: { terminated: { exitCode: code, reason, finishedAt: '2025-01-01T00:01:30Z' } },
      });
      pod.metadata.ownerReferences = [
        { apiVersion: 'apps/v1', kind, name: 'kube-bench', uid: 'd1', controller: true },
      ];
      const [c] = explainContainers({ pod, now: NOW });
      expect(c?.sentences[0]).toContain(says);
    },
  );

  it('a pod that failed under restartPolicy Never is not restarted', () => {
    const pod = podWith({ state: { terminated: { exitCode: 3, reason: 'Error' } } });
    pod.status!.phase = 'Failed';
    pod.spec.restartPolicy = 'Never';
    const [c] = explainContainers({ pod, now: NOW });
    expect(c?.headline).toBe('failed: exit code 3');
    expect(c?.sentences[0]).toContain('does not restart a container that exited 3');
  });
});
