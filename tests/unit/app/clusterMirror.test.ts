// The page's cluster mirror (objects outside the zustand store), the selection that decides when a
// reader re-renders, the paced view for whole-cluster panels, and the hook that reads them.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeEach, describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/engine/api/types';
import { listCluster } from '../../../src/app/model/cluster';
import type { ClusterMirror, ClusterRead } from '../../../src/app/store/clusterMirror';
import { createClusterMirror } from '../../../src/app/store/clusterMirror';
import { createSelection } from '../../../src/app/store/clusterSelection';
import { createAppStore } from '../../../src/app/store/createAppStore';
import type { Timers } from '../../../src/app/store/pacedCluster';
import { BIG_CLUSTER_MS, BIG_CLUSTER_OBJECTS, createPacedCluster } from '../../../src/app/store/pacedCluster';
import { AppServicesContext, createAppServices } from '../../../src/app/store/services';
import { useCluster } from '../../../src/app/store/useCluster';
import type { ClusterDiff } from '../../../src/worker/protocol';
import { newNode, newNodes, newPod } from '../../fixtures/builders';

function diff(upserted: KubeObject[], removed: KubeObject[] = []): ClusterDiff {
  return {
    time: 1,
    upserted,
    removed: removed.map((o) => ({ uid: o.metadata.uid ?? '', kind: o.kind, name: o.metadata.name })),
  };
}

const phaseOf = (o: KubeObject | undefined) =>
  (o as { status?: { phase?: string } } | undefined)?.status?.phase;

describe('cluster mirror', () => {
  let mirror: ClusterMirror;
  beforeEach(() => {
    mirror = createClusterMirror();
    mirror.reset([newNode('n1'), newPod('p1', { nodeName: 'n1', phase: 'Pending' })]);
  });

  it.each([
    {
      change: 'an add puts a new uid in',
      apply: diff([newPod('p2')]),
      uids: ['node-uid-n1', 'pod-uid-p1', 'pod-uid-p2'],
      phase: 'Pending',
    },
    {
      change: 'an update replaces the object under its uid',
      apply: diff([newPod('p1', { nodeName: 'n1', phase: 'Running' })]),
      uids: ['node-uid-n1', 'pod-uid-p1'],
      phase: 'Running',
    },
    {
      change: 'a delete takes the uid out',
      apply: diff([], [newPod('p1')]),
      uids: ['node-uid-n1'],
      phase: undefined,
    },
  ])('apply: $change, bumps the version and keeps the diff', ({ apply, uids, phase }) => {
    const before = mirror.version;
    expect(mirror.apply(apply)).toBe(true);
    expect(Object.keys(mirror.objects).sort()).toEqual(uids);
    expect(phaseOf(mirror.objects['pod-uid-p1'])).toBe(phase);
    expect(mirror.version).toBe(before + 1);
    expect(mirror.lastDiff).toBe(apply);
  });

  it('a diff that changes nothing keeps the version and tells no one', () => {
    let calls = 0;
    mirror.subscribe(() => calls++);
    const before = mirror.version;
    expect(mirror.apply(diff([]))).toBe(false);
    expect(mirror.version).toBe(before);
    expect(calls).toBe(0);
  });

  it('a reset starts a new run: new record, version and run bumped, no last diff', () => {
    const { objects, version, run } = mirror;
    mirror.apply(diff([newPod('p2')]));
    mirror.reset([newNode('n9')]);
    expect(mirror.objects).not.toBe(objects);
    expect(Object.keys(mirror.objects)).toEqual(['node-uid-n9']);
    expect(mirror.version).toBe(version + 2);
    expect(mirror.run).toBe(run + 1);
    expect(mirror.lastDiff).toBeNull();
  });

  it('notifies each subscriber once per apply and per reset, and never after it unsubscribed', () => {
    const calls = { a: 0, b: 0 };
    mirror.subscribe(() => calls.a++);
    const stopB = mirror.subscribe(() => calls.b++);
    // A diff of many objects is still one change.
    mirror.apply(diff([newPod('p2'), newPod('p3'), newPod('p4')], [newPod('p1')]));
    expect(calls).toEqual({ a: 1, b: 1 });
    stopB();
    mirror.apply(diff([newPod('p5')]));
    mirror.reset([]);
    expect(calls).toEqual({ a: 3, b: 1 });
  });

  it('changes its record in place, while a snapshot (one copy per version) and its listing stay put', () => {
    const live = mirror.objects;
    const snapshot = mirror.snapshot();
    expect(mirror.snapshot()).toBe(snapshot);
    const pods = listCluster(live).pods.length;
    mirror.apply(diff([newPod('p2')]));
    expect(mirror.objects).toBe(live);
    expect(Object.keys(snapshot)).toHaveLength(2);
    expect(Object.keys(mirror.snapshot())).toHaveLength(3);
    expect(mirror.snapshot()).not.toBe(snapshot);
    // The listing remembered for the live record was dropped when it changed.
    expect(listCluster(live).pods).toHaveLength(pods + 1);
  });
});

describe('cluster selection (what useCluster hands useSyncExternalStore)', () => {
  let mirror: ClusterMirror;
  beforeEach(() => {
    mirror = createClusterMirror();
    mirror.reset([newNode('n1'), newPod('p1'), newPod('p2')]);
  });
  const pod1 = (c: ClusterRead) => c.objects['pod-uid-p1'];

  it('keeps the same slice, so React does not re-render, when an unrelated object changes', () => {
    const select = createSelection<KubeObject | undefined>();
    const first = select(mirror, pod1);
    mirror.apply(diff([newPod('p2', { phase: 'Running' })]));
    expect(select(mirror, pod1)).toBe(first);
    mirror.apply(diff([newPod('p1', { phase: 'Running' })]));
    const second = select(mirror, pod1);
    expect(second).not.toBe(first);
    expect(phaseOf(second)).toBe('Running');
  });

  it('keeps the previous slice while a custom equality finds the new one the same', () => {
    const select = createSelection<string[]>();
    const names = (c: ClusterRead) =>
      Object.values(c.objects)
        .filter((o) => o.kind === 'Pod')
        .map((o) => o.metadata.name)
        .sort();
    const sameList = (a: string[], b: string[]) => a.join() === b.join();
    const first = select(mirror, names, sameList);
    mirror.apply(diff([newPod('p1', { phase: 'Running' })]));
    expect(select(mirror, names, sameList)).toBe(first);
    mirror.apply(diff([newPod('p3')]));
    expect(select(mirror, names, sameList)).toEqual(['p1', 'p2', 'p3']);
  });

  it('does not run the selector again while neither the version nor the selector changed', () => {
    const select = createSelection<number>();
    let runs = 0;
    const count = (c: ClusterRead) => (runs++, Object.keys(c.objects).length);
    select(mirror, count);
    select(mirror, count);
    expect(runs).toBe(1);
    mirror.apply(diff([newPod('p3')]));
    expect(select(mirror, count)).toBe(4);
    expect(runs).toBe(2);
  });
});

/** manualTimers runs the paced view's timers when the test says so. */
function manualTimers() {
  const pending = new Map<number, () => void>();
  let next = 0;
  const timers: Timers & { delays: number[] } = {
    delays: [],
    setTimeout(fn, ms) {
      timers.delays.push(ms);
      pending.set(++next, fn);
      return next;
    },
    clearTimeout(handle) {
      pending.delete(handle as number);
    },
  };
  const fire = () => {
    const due = [...pending.values()];
    pending.clear();
    due.forEach((fn) => fn());
  };
  return { timers, fire };
}

describe('paced cluster (whole-record panels)', () => {
  it('follows a small cluster at once', () => {
    const mirror = createClusterMirror();
    mirror.reset([newNode('n1')]);
    const { timers } = manualTimers();
    const paced = createPacedCluster(mirror, timers);
    let calls = 0;
    paced.subscribe(() => calls++);
    mirror.apply(diff([newPod('p1')]));
    expect(calls).toBe(1);
    expect(Object.keys(paced.objects)).toHaveLength(2);
    expect(timers.delays).toEqual([]);
  });

  it(`follows a cluster of more than ${BIG_CLUSTER_OBJECTS} objects at most every ${BIG_CLUSTER_MS} ms, and a new run at once`, () => {
    const mirror = createClusterMirror();
    mirror.reset(newNodes(0, BIG_CLUSTER_OBJECTS + 1));
    const { timers, fire } = manualTimers();
    const paced = createPacedCluster(mirror, timers);
    let calls = 0;
    paced.subscribe(() => calls++);
    const held = paced.objects;
    mirror.apply(diff([newPod('p1')]));
    mirror.apply(diff([newPod('p2')]));
    expect(calls).toBe(0);
    expect(paced.objects).toBe(held);
    expect(timers.delays).toEqual([BIG_CLUSTER_MS]);
    fire();
    expect(calls).toBe(1);
    expect(paced.objects['pod-uid-p2']).toBeDefined();
    mirror.apply(diff([newPod('p3')]));
    mirror.reset([newNode('small')]);
    expect(calls).toBe(2);
    expect(Object.keys(paced.objects)).toEqual(['node-uid-small']);
  });

  it('read while nobody watches, it is the cluster as it is now', () => {
    const mirror = createClusterMirror();
    mirror.reset(newNodes(0, BIG_CLUSTER_OBJECTS + 1));
    const paced = createPacedCluster(mirror, manualTimers().timers);
    expect(paced.version).toBe(mirror.version);
    mirror.apply(diff([newPod('p1')]));
    expect(paced.version).toBe(mirror.version);
    expect(paced.objects['pod-uid-p1']).toBeDefined();
  });
});

describe('useCluster', () => {
  function NodeCount() {
    const nodes = useCluster((c) => Object.values(c.objects).filter((o) => o.kind === 'Node').length);
    return createElement('span', null, `${nodes} nodes`);
  }

  it('reads the mirror its context provides, so a test renders against a fresh one', () => {
    const services = createAppServices(createAppStore());
    services.mirror.reset(newNodes(0, 3));
    const html = renderToStaticMarkup(
      createElement(AppServicesContext.Provider, { value: services }, createElement(NodeCount)),
    );
    expect(html).toBe('<span>3 nodes</span>');
  });
});
