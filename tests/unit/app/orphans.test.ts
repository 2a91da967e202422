// How the app shows what a cascade delete leaves: orphaned pods in the grid and inspector, and a
// DaemonSet held by a finalizer in the DaemonSet table.
import { describe, expect, it } from 'vitest';
import type { DaemonSet, Pod } from '../../../src/engine/api/types';
import { buildGridView } from '../../../src/app/grid/gridView';
import { listCluster } from '../../../src/app/model/cluster';
import { orphanedFrom, ownerText } from '../../../src/app/model/orphans';
import { deletionText } from '../../../src/app/panels/deletion';
import { indexByUid } from '../../../src/worker/squash';
import { newDaemonSet, newNode, newPod } from '../../fixtures/builders';

function withLabels(labels: Record<string, string>, owned = false): Pod {
  const pod = newPod('agent-x7k2p', { nodeName: 'n1', labels });
  if (owned)
    pod.metadata.ownerReferences = [
      { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: 'ds-uid-agent', controller: true },
    ];
  return pod;
}

describe('orphaned pods (the garbage collector’s orphanDependents leaves no ownerReference)', () => {
  it.each([
    [
      'a daemon pod let go by --cascade=orphan',
      withLabels({ app: 'agent', 'controller-revision-hash': '6d9f8c7b5' }),
      'DaemonSet',
      'orphaned: no controller; a DaemonSet with a matching selector would adopt it',
    ],
    [
      'a ReplicaSet’s pod let go',
      withLabels({ app: 'web', 'pod-template-hash': '7c5b9d6f4' }),
      'ReplicaSet',
      'orphaned: no controller; a ReplicaSet with a matching selector would adopt it',
    ],
    ['a bare pod', withLabels({ app: 'x' }), undefined, 'nothing (a bare pod)'],
    [
      'a pod its DaemonSet still controls',
      withLabels({ app: 'agent', 'controller-revision-hash': '6d9f8c7b5' }, true),
      undefined,
      'DaemonSet/agent',
    ],
  ])('%s', (_, pod, from, text) => {
    expect(orphanedFrom(pod)).toBe(from);
    expect(ownerText(pod, () => undefined)).toBe(text);
  });

  it('marks the orphan’s chip in the grid and says so to screen readers', () => {
    const pod = withLabels({ app: 'agent', 'controller-revision-hash': '6d9f8c7b5' });
    const grid = buildGridView(listCluster(indexByUid([newNode('n1'), pod])));
    const chip = grid.nodes[0]!.pods[0]!;
    expect(chip.orphanOf).toBe('DaemonSet');
    expect(chip.owner).toBeNull();
    expect(grid.nodes[0]!.ariaLabel).toContain('agent-x7k2p Running');
    expect(grid.nodes[0]!.ariaLabel).toContain(', orphaned');
  });
});

describe('a DaemonSet held by a deletion finalizer (registry store Delete)', () => {
  const ds = (finalizers: string[] | undefined): DaemonSet => {
    const d = newDaemonSet('agent');
    if (finalizers) {
      d.metadata.deletionTimestamp = '2025-01-01T00:01:00Z';
      d.metadata.finalizers = finalizers;
    }
    return d;
  };
  const pods = [newPod('a'), newPod('b')];
  it.each([
    [undefined, undefined],
    [
      ['foregroundDeletion'],
      'Terminating (foreground deletion since 2025-01-01T00:01:00Z): waiting for 2 pods to be deleted first',
    ],
    [
      ['orphan'],
      'Terminating (orphan deletion since 2025-01-01T00:01:00Z): releasing 2 pods, which keep running',
    ],
  ])('finalizers %j → %s', (finalizers, text) => {
    expect(deletionText(ds(finalizers), pods)).toBe(text);
  });
});
