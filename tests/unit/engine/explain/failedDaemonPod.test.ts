// The inspector's words for a Failed daemon pod: who failed it (kubelet admission or eviction)
// and the DaemonSet controller's retry with back-off (daemon_controller.go podsShouldBeOnNode).
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../../src/engine/api/types';
import { explainDaemonSet } from '../../../../src/engine/explain/explainNode';
import { explainFailedDaemonPod, failureCause } from '../../../../src/engine/explain/failedDaemonPod';
import { newDaemonSet, newNode, newPod } from '../../../fixtures/builders';

function failed(reason: string | undefined, message: string | undefined): Pod {
  const pod = newPod('agent-x7k2p', { nodeName: 'n1', phase: 'Failed' });
  pod.status = {
    phase: 'Failed',
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
  };
  return pod;
}

describe('failureCause · who failed the pod', () => {
  it.each([
    {
      name: 'kubelet admission under DiskPressure',
      pod: failed('Evicted', 'Pod was rejected: The node had condition: [DiskPressure]. '),
      cause: 'the kubelet rejected the pod: the node had condition DiskPressure',
    },
    {
      name: 'kubelet admission under two conditions',
      pod: failed('Evicted', 'Pod was rejected: The node had condition: [MemoryPressure DiskPressure]. '),
      cause: 'the kubelet rejected the pod: the node had condition MemoryPressure and DiskPressure',
    },
    {
      name: 'another admission handler',
      pod: failed('OutOfcpu', "Pod was rejected: Node didn't have enough resource: cpu"),
      cause: "the kubelet rejected the pod: Node didn't have enough resource: cpu",
    },
    {
      name: 'the eviction manager under memory pressure',
      pod: failed('Evicted', 'The node was low on resource: memory. '),
      cause: 'the kubelet evicted the pod under node pressure: The node was low on resource: memory.',
    },
    { name: 'a container that failed', pod: failed('Error', undefined), cause: 'the pod failed (Error)' },
  ])('$name', ({ pod, cause }) => {
    expect(failureCause(pod)).toBe(cause);
  });
});

describe('explainFailedDaemonPod · the retry with back-off', () => {
  const rejected = failed('Evicted', 'Pod was rejected: The node had condition: [DiskPressure]. ');
  it.each([
    {
      retry: { now: 10, retryAt: 15 },
      first:
        'The kubelet rejected the pod: the node had condition DiskPressure; the DaemonSet controller retries with back-off (next try in 5s).',
    },
    {
      retry: { now: 100, retryAt: 127 },
      first:
        'The kubelet rejected the pod: the node had condition DiskPressure; the DaemonSet controller retries with back-off (next try in 27s).',
    },
    {
      retry: undefined,
      first:
        'The kubelet rejected the pod: the node had condition DiskPressure; the DaemonSet controller retries with back-off.',
    },
  ])('retry $retry', ({ retry, first }) => {
    const e = explainFailedDaemonPod(rejected, retry);
    expect(e.headline).toBe('agent-x7k2p is Evicted; it will be replaced');
    expect(e.sentences[0]).toBe(first);
    expect(e.sentences.join(' ')).toMatch(/1s .*then 2s, 4s, … up to 15m/);
    expect(e.sentences.join(' ')).toMatch(/system-node-critical/);
  });

  it('explainDaemonSet calls a Failed daemon pod "leaving", with the retry, not "starting"', () => {
    const ds = newDaemonSet('agent');
    const pod = failed('Evicted', 'Pod was rejected: The node had condition: [DiskPressure]. ');
    pod.metadata.ownerReferences = [
      {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        name: 'agent',
        uid: ds.metadata.uid ?? '',
        controller: true,
      },
    ];
    const e = explainDaemonSet(newNode('n1'), ds, [pod], { now: 3, retryAt: 7 });
    expect(e.verdict).toBe('leaving');
    expect(e.sentences[0]).toMatch(/\(next try in 4s\)\.$/);
  });
});
