import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../src/engine/api/types';
import { podStatus } from '../../../src/app/model/podStatus';
import { newPod } from '../../fixtures/builders';

function pod(status: Pod['status'], deleting = false): Pod {
  const p = newPod('p', { nodeName: 'n1' });
  p.status = status;
  if (deleting) p.metadata.deletionTimestamp = '2025-01-01T00:01:00Z';
  return p;
}

const waiting = (reason: string) => [
  { name: 'c', image: 'i', ready: false, restartCount: 2, state: { waiting: { reason } } },
];

describe('podStatus (the STATUS column of kubectl get pods)', () => {
  it.each([
    ['a pod with no status is Pending', pod(undefined), 'Pending', false, 'pending'],
    [
      'a pulling container is ContainerCreating',
      pod({ phase: 'Pending', containerStatuses: waiting('ContainerCreating') }),
      'ContainerCreating',
      false,
      'creating',
    ],
    [
      'a running pod that is not ready is Running, blue',
      pod({ phase: 'Running', conditions: [{ type: 'Ready', status: 'False' }] }),
      'Running',
      false,
      'running',
    ],
    [
      'a ready pod is Running and ready, green',
      pod({ phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] }),
      'Running',
      true,
      'ready',
    ],
    [
      'a crashing container is CrashLoopBackOff',
      pod({ phase: 'Running', containerStatuses: waiting('CrashLoopBackOff') }),
      'CrashLoopBackOff',
      false,
      'crash',
    ],
    [
      'an image name that does not parse is InvalidImageName, red',
      pod({ phase: 'Pending', containerStatuses: waiting('InvalidImageName') }),
      'InvalidImageName',
      false,
      'crash',
    ],
    ['an evicted pod says Evicted', pod({ phase: 'Failed', reason: 'Evicted' }), 'Evicted', false, 'evicted'],
    [
      'a pod whose container completed (phase Succeeded) says Completed',
      pod({
        phase: 'Succeeded',
        containerStatuses: [
          {
            name: 'c',
            image: 'i',
            ready: false,
            restartCount: 0,
            state: { terminated: { exitCode: 0, reason: 'Completed' } },
          },
        ],
      }),
      'Completed',
      false,
      'done',
    ],
    [
      'a pod whose container exited non-zero under restartPolicy Never (phase Failed) says Error',
      pod({
        phase: 'Failed',
        containerStatuses: [
          {
            name: 'c',
            image: 'i',
            ready: false,
            restartCount: 0,
            state: { terminated: { exitCode: 1, reason: 'Error' } },
          },
        ],
      }),
      'Error',
      false,
      'crash',
    ],
    [
      'a pod being deleted is Terminating, whatever its phase',
      pod({ phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] }, true),
      'Terminating',
      false,
      'terminating',
    ],
  ])('%s', (_name, p, status, ready, tone) => {
    expect(podStatus(p)).toMatchObject({ status, ready, tone });
  });

  it('sums restarts over containers', () => {
    expect(
      podStatus(pod({ phase: 'Running', containerStatuses: waiting('CrashLoopBackOff') })).restarts,
    ).toBe(2);
  });
});
