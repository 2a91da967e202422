import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../../src/engine/api/types';
import { explainPending, parseFitError, plainReason } from '../../../../src/engine/explain/unschedulable';
import { newNode, newPod } from '../../../fixtures/builders';

const DAEMON_MESSAGE =
  "0/4 nodes are available: 1 Insufficient memory, 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/4 nodes are available: 1 No preemption victims found for incoming pod, 3 Preemption is not helpful for scheduling.";

function pendingDaemonPod(node: string, memory: string, message = DAEMON_MESSAGE): Pod {
  const pod = newPod('fluentd-x', { namespace: 'kube-system', phase: 'Pending', requests: { memory } });
  pod.metadata.ownerReferences = [
    { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'fluentd', uid: 'ds-1', controller: true },
  ];
  pod.spec.affinity = {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [node] }] }],
      },
    },
  };
  pod.status = {
    phase: 'Pending',
    conditions: [{ type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message }],
  };
  return pod;
}

describe('parseFitError', () => {
  it('reads the reason histogram and the preemption summary', () => {
    expect(parseFitError(DAEMON_MESSAGE)).toEqual({
      total: 4,
      reasons: [
        { count: 1, reason: 'Insufficient memory' },
        { count: 3, reason: "node(s) didn't match Pod's node affinity/selector" },
      ],
      preemption: [
        { count: 1, reason: 'No preemption victims found for incoming pod' },
        { count: 3, reason: 'Preemption is not helpful for scheduling' },
      ],
    });
  });

  it('keeps a taint reason whole although it contains a colon and braces', () => {
    const s = parseFitError('0/2 nodes are available: 2 node(s) had untolerated taint {dedicated: gpu}.');
    expect(s?.reasons).toEqual([{ count: 2, reason: 'node(s) had untolerated taint {dedicated: gpu}' }]);
  });

  it('returns undefined for a message that is not a FitError', () => {
    expect(parseFitError('no nodes available to schedule pods')).toBeUndefined();
  });
});

describe('plainReason', () => {
  it.each([
    [{ count: 1, reason: 'Insufficient memory' }, true, '1 node has too little unrequested memory left'],
    [{ count: 2, reason: 'Insufficient cpu' }, false, '2 nodes have too little unrequested CPU left'],
    [
      { count: 3, reason: "node(s) didn't match Pod's node affinity/selector" },
      true,
      'That part is expected',
    ],
    [{ count: 3, reason: "node(s) didn't match Pod's node affinity/selector" }, false, 'nodeSelector'],
    [{ count: 1, reason: 'node(s) were unschedulable' }, false, '1 node is cordoned'],
    [{ count: 1, reason: 'node(s) had untolerated taint {dedicated: gpu}' }, false, 'does not tolerate'],
  ])('%o (daemon pod: %s) says "%s"', (entry, daemon, text) => {
    expect(plainReason(entry, daemon)).toContain(text);
  });
});

describe('explainPending', () => {
  it('does the memory arithmetic on the node a daemon pod is pinned to', () => {
    const node = newNode('node-4', { allocatable: { cpu: '4', memory: '1Gi', pods: '110' } });
    const other = newPod('web-1', { nodeName: 'node-4', requests: { memory: '900Mi' } });
    const pod = pendingDaemonPod('node-4', '200Mi');
    const e = explainPending({ pod, node, podsOnNode: [other] });
    expect(e?.headline).toBe(
      'The scheduler tried all 4 nodes and none fits. It may only run on node-4, and that node does not fit.',
    );
    expect(e?.target).toEqual([
      'node-4 has 1Gi of allocatable memory; the pods already on it request 900Mi, leaving 124Mi. This pod requests 200Mi: 76Mi too much.',
    ]);
    expect(e?.reasons[1]).toContain('That part is expected');
    expect(e?.fixes[0]).toContain('priorityClassName');
  });

  it('says when the request is more than the whole node has', () => {
    const node = newNode('node-4', { allocatable: { cpu: '4', memory: '150Mi', pods: '110' } });
    const e = explainPending({ pod: pendingDaemonPod('node-4', '200Mi'), node, podsOnNode: [] });
    expect(e?.target[0]).toContain('more than the whole node has');
  });

  it('says nothing for a pod the scheduler has not judged', () => {
    const pod = newPod('p', { phase: 'Pending' });
    expect(explainPending({ pod })).toBeUndefined();
  });
});
