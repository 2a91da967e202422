// The grid's view kept from the cluster mirror: a next diff folds into the cards it touches, a new
// run rebuilds them all, and a destroyed source follows nothing any more.
import { beforeEach, describe, expect, it } from 'vitest';
import { createGridViewSource } from '../../../src/app/grid/gridViewStore';
import type { ClusterMirror } from '../../../src/app/store/clusterMirror';
import { createClusterMirror } from '../../../src/app/store/clusterMirror';
import type { AppStore } from '../../../src/app/store/createAppStore';
import { createAppStore } from '../../../src/app/store/createAppStore';
import { newNode, newPod } from '../../fixtures/builders';

describe('grid view source over the cluster mirror', () => {
  let mirror: ClusterMirror;
  let store: AppStore;
  beforeEach(() => {
    mirror = createClusterMirror();
    store = createAppStore();
    mirror.reset([newNode('n1'), newNode('n2')]);
  });

  it('folds the next diff into the cards it touches and tells its listeners once', () => {
    const source = createGridViewSource(mirror, store);
    let calls = 0;
    source.subscribe(() => calls++);
    const before = source.view().nodes;
    mirror.apply({ time: 1, upserted: [newPod('p1', { nodeName: 'n2' })], removed: [] });
    expect(calls).toBe(1);
    expect(source.changed()).toEqual(new Set(['n2']));
    const [n1, n2] = source.view().nodes;
    expect(n1).toBe(before[0]);
    expect(n2?.pods.map((p) => p.name)).toEqual(['p1']);
    source.destroy();
  });

  it('rebuilds every card for a new run', () => {
    const source = createGridViewSource(mirror, store);
    mirror.reset([newNode('n9')]);
    expect(source.changed()).toBe('all');
    expect(source.view().nodes.map((c) => c.name)).toEqual(['n9']);
    source.destroy();
  });

  it('follows neither the mirror nor the store once destroyed', () => {
    const source = createGridViewSource(mirror, store);
    let calls = 0;
    source.subscribe(() => calls++);
    source.destroy();
    mirror.apply({ time: 1, upserted: [newNode('n3')], removed: [] });
    store
      .getState()
      .appendEvents([
        { t: 1, type: 'Normal', reason: 'Preempted', object: 'Pod/default/p1', message: '', source: 'x' },
      ]);
    expect(calls).toBe(0);
    expect(source.view().nodes.map((c) => c.name)).toEqual(['n1', 'n2']);
  });
});
