import { describe, expect, it } from 'vitest';
import type { ContainerState, Pod } from '../../../../src/engine/api/types';
import { podSummary } from '../../../../src/kubectl/printers/podStatus';

function pod(opts: {
  phase?: Pod['status'] extends infer S ? (S extends { phase?: infer P } ? P : never) : never;
  state?: ContainerState;
  ready?: boolean;
  restarts?: number;
  reason?: string;
  deleting?: boolean;
  finishedAt?: string;
}): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'p', ...(opts.deleting ? { deletionTimestamp: '2025-01-01T00:01:00Z' } : {}) },
    spec: { containers: [{ name: 'c', image: 'i' }] },
    status: {
      phase: opts.phase ?? 'Running',
      ...(opts.reason ? { reason: opts.reason } : {}),
      containerStatuses: opts.state
        ? [
            {
              name: 'c',
              image: 'i',
              ready: opts.ready ?? false,
              restartCount: opts.restarts ?? 0,
              state: opts.state,
              ...(opts.finishedAt
                ? { lastState: { terminated: { exitCode: 1, finishedAt: opts.finishedAt } } }
                : {}),
            },
          ]
        : [],
    },
  };
}

describe('pod STATUS · as printPod computes it', () => {
  it.each([
    {
      name: 'Pending before any container status',
      pod: pod({ phase: 'Pending' }),
      want: { ready: '0/1', status: 'Pending', restarts: '0' },
    },
    {
      name: 'ContainerCreating while the image is pulled',
      pod: pod({ phase: 'Pending', state: { waiting: { reason: 'ContainerCreating' } } }),
      want: { ready: '0/1', status: 'ContainerCreating', restarts: '0' },
    },
    {
      name: 'Running and ready',
      pod: pod({ state: { running: {} }, ready: true }),
      want: { ready: '1/1', status: 'Running', restarts: '0' },
    },
    {
      name: 'Running but not ready',
      pod: pod({ state: { running: {} }, ready: false }),
      want: { ready: '0/1', status: 'Running', restarts: '0' },
    },
    {
      name: 'CrashLoopBackOff with restarts and when the last one ended',
      pod: pod({
        state: { waiting: { reason: 'CrashLoopBackOff' } },
        restarts: 3,
        finishedAt: '2025-01-01T00:00:20Z',
      }),
      want: { ready: '0/1', status: 'CrashLoopBackOff', restarts: '3 (40s ago)' },
    },
    {
      name: 'ImagePullBackOff',
      pod: pod({ phase: 'Pending', state: { waiting: { reason: 'ImagePullBackOff' } } }),
      want: { ready: '0/1', status: 'ImagePullBackOff', restarts: '0' },
    },
    {
      name: 'Completed',
      pod: pod({ phase: 'Succeeded', state: { terminated: { exitCode: 0, reason: 'Completed' } } }),
      want: { ready: '0/1', status: 'Completed', restarts: '0' },
    },
    {
      name: 'ExitCode when the runtime gave no reason',
      pod: pod({ phase: 'Failed', state: { terminated: { exitCode: 2 } } }),
      want: { ready: '0/1', status: 'ExitCode:2', restarts: '0' },
    },
    {
      name: 'Evicted from the pod reason',
      pod: pod({ phase: 'Failed', reason: 'Evicted' }),
      want: { ready: '0/1', status: 'Evicted', restarts: '0' },
    },
    {
      name: 'Terminating once deletion is requested',
      pod: pod({ state: { running: {} }, ready: true, deleting: true }),
      want: { ready: '1/1', status: 'Terminating', restarts: '0' },
    },
  ])('shows $name', ({ pod: p, want }) => {
    expect(podSummary(p, 60)).toEqual(want);
  });
});
