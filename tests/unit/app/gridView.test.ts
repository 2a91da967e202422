import { describe, expect, it } from 'vitest';
import type { ControllerRevision, DaemonSet, KubeObject, Pod } from '../../../src/engine/api/types';
import { buildGridView, metaLines } from '../../../src/app/grid/gridView';
import { listCluster } from '../../../src/app/model/cluster';
import { indexByUid } from '../../../src/worker/squash';
import { newDaemonSet, newNode, newPod } from '../../fixtures/builders';

function owned(pod: Pod, ds: DaemonSet, hash: string, created: string): Pod {
  pod.metadata.ownerReferences = [
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      name: ds.metadata.name,
      uid: ds.metadata.uid ?? '',
      controller: true,
    },
  ];
  pod.metadata.labels = { ...pod.metadata.labels, 'controller-revision-hash': hash };
  pod.metadata.creationTimestamp = created;
  return pod;
}

function revision(ds: DaemonSet, hash: string, number: number): ControllerRevision {
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: `${ds.metadata.name}-${hash}`,
      namespace: ds.metadata.namespace ?? 'default',
      uid: `rev-${hash}`,
      labels: { 'controller-revision-hash': hash },
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'DaemonSet',
          name: ds.metadata.name,
          uid: ds.metadata.uid ?? '',
          controller: true,
        },
      ],
    },
    data: { spec: { template: ds.spec.template } },
    revision: number,
  };
}

function view(objects: KubeObject[]) {
  return buildGridView(listCluster(indexByUid(objects)));
}

describe('buildGridView', () => {
  const ds = newDaemonSet('fluentd', { namespace: 'kube-system', nodeSelector: { disktype: 'ssd' } });

  it('shows an old and a new revision on the same node during a rollout, oldest first', () => {
    const oldPod = owned(
      newPod('fluentd-old', { namespace: 'kube-system', nodeName: 'n1' }),
      ds,
      'aaa',
      '2025-01-01T00:00:00Z',
    );
    oldPod.metadata.deletionTimestamp = '2025-01-01T00:02:00Z';
    const newer = owned(
      newPod('fluentd-new', { namespace: 'kube-system', nodeName: 'n1', phase: 'Pending' }),
      ds,
      'bbb',
      '2025-01-01T00:01:00Z',
    );
    const v = view([newNode('n1'), ds, revision(ds, 'aaa', 1), revision(ds, 'bbb', 2), newer, oldPod]);
    const chips = v.nodes[0]?.pods ?? [];
    expect(chips.map((c) => [c.name, c.status, c.revision, c.revisionAge])).toEqual([
      ['fluentd-old', 'Terminating', '1', 'old'],
      ['fluentd-new', 'Pending', '2', 'current'],
    ]);
  });

  it('puts a daemon pod the scheduler has not bound yet on its target node', () => {
    const pending = owned(
      newPod('fluentd-x', { namespace: 'kube-system', phase: 'Pending' }),
      ds,
      'aaa',
      '2025-01-01T00:00:00Z',
    );
    pending.spec.affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n2'] }] }],
        },
      },
    };
    const v = view([newNode('n1'), newNode('n2'), pending]);
    expect(v.nodes.map((n) => n.pods.length)).toEqual([0, 1]);
    expect(v.unplaced).toEqual([]);
  });

  it('lists pods with no node, or whose node is gone, as unplaced', () => {
    const v = view([newPod('floating', { phase: 'Pending' }), newPod('orphan', { nodeName: 'gone' })]);
    expect(v.unplaced.map((p) => p.name).sort()).toEqual(['floating', 'orphan']);
  });

  it('shows role, readiness, cordon, taints, and labels a DaemonSet selects on', () => {
    const cp = newNode('cp', {
      labels: { 'node-role.kubernetes.io/control-plane': '', disktype: 'ssd', zone: 'a' },
      taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
      unschedulable: true,
      ready: 'Unknown',
    });
    const card = view([cp, ds]).nodes[0];
    expect(card).toMatchObject({
      role: 'control-plane',
      ready: 'Unknown',
      cordoned: true,
      taints: [
        {
          key: 'node-role.kubernetes.io/control-plane',
          text: 'node-role.kubernetes.io/control-plane:NoSchedule',
          effect: 'NoSchedule',
        },
      ],
      labels: [
        { text: 'disktype=ssd', used: true },
        { text: 'zone=a', used: false },
      ],
    });
    expect(card?.ariaLabel).toBe(
      'cp: control-plane, Unknown, SchedulingDisabled. Taints: node-role.kubernetes.io/control-plane:NoSchedule. No pods.',
    );
    // A node that stopped reporting says so on its first line.
    expect(metaLines(card!)[0]).toMatchObject({ kind: 'condition', text: 'Ready=Unknown' });
  });

  it('says each pod state in the node label', () => {
    const pod = owned(
      newPod('fluentd-a', { namespace: 'kube-system', nodeName: 'n1' }),
      ds,
      'aaa',
      '2025-01-01T00:00:00Z',
    );
    pod.status = { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] };
    const card = view([newNode('n1'), ds, revision(ds, 'aaa', 1), pod]).nodes[0];
    expect(card?.ariaLabel).toBe('n1: worker, Ready. 1 pod: fluentd-a Running, ready, revision 1.');
  });
});

describe('buildGridView · node facts', () => {
  it('puts pressure conditions on the card, first among its lines, and in its label', () => {
    const node = newNode('n1');
    node.status.conditions = [
      { type: 'Ready', status: 'True' },
      { type: 'MemoryPressure', status: 'True' },
    ];
    const card = view([node]).nodes[0];
    expect(card?.conditions).toEqual(['MemoryPressure']);
    expect(metaLines(card!)[0]).toMatchObject({ kind: 'condition', text: 'MemoryPressure' });
    expect(card?.ariaLabel).toBe('n1: worker, Ready. MemoryPressure. No pods.');
  });

  it('counts only bound pods on the resource bars, not a daemon pod still waiting for its node', () => {
    const ds = newDaemonSet('fluentd', { namespace: 'kube-system' });
    const pending = owned(newPod('fluentd-p', { namespace: 'kube-system', phase: 'Pending' }), ds, 'aaa', '');
    pending.spec.containers[0]!.resources = { requests: { memory: '200Mi' } };
    pending.spec.affinity = {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }] }],
        },
      },
    };
    const card = view([newNode('n1'), pending]).nodes[0];
    expect(card?.pods.map((p) => p.name)).toEqual(['fluentd-p']);
    expect(card?.resources.find((r) => r.resource === 'memory')?.requested).toBe(0);
  });
});

describe('metaLines', () => {
  it('lists taints first, then labels selectors use, then the rest', () => {
    const lines = metaLines({
      taints: [{ key: 'k', text: 'k:NoExecute', effect: 'NoExecute' }],
      labels: [
        { text: 'zone=a', used: false },
        { text: 'disktype=ssd', used: true },
      ],
    });
    expect(lines.map((l) => l.text)).toEqual(['k:NoExecute', 'disktype=ssd', 'zone=a']);
  });

  it('folds what does not fit into a "+N more" line', () => {
    const labels = Array.from({ length: 8 }, (_, i) => ({ text: `l${i}=x`, used: false }));
    const lines = metaLines({ taints: [], labels }, 5);
    expect(lines).toHaveLength(5);
    expect(lines.at(-1)).toMatchObject({ kind: 'more', text: '+4 more' });
  });
});
