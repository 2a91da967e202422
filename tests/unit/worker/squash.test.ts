import { describe, expect, it } from 'vitest';
import type { KubeObject } from '../../../src/engine/api/types';
import type { ClusterDiff } from '../../../src/worker/protocol';
import {
  applyDiff,
  applyDiffInPlace,
  indexByUid,
  isEmptyDiff,
  splitDiff,
  squashDiffs,
} from '../../../src/worker/squash';
import { newNode, newPod } from '../../fixtures/builders';

function pod(name: string, phase: 'Pending' | 'Running' = 'Pending'): KubeObject {
  return newPod(name, { phase });
}

function ref(obj: KubeObject) {
  return { uid: obj.metadata.uid ?? '', kind: obj.kind, name: obj.metadata.name };
}

describe('squashDiffs', () => {
  it('keeps the last version of an object changed in several batches', () => {
    const a1 = pod('a', 'Pending');
    const a2 = pod('a', 'Running');
    const out = squashDiffs([
      { time: 1, upserted: [a1], removed: [] },
      { time: 2, upserted: [a2], removed: [] },
    ]);
    expect(out).toEqual({ time: 2, upserted: [a2], removed: [] });
  });

  it('turns an upsert followed by a removal into only the removal', () => {
    const a = pod('a');
    const out = squashDiffs([
      { time: 1, upserted: [a], removed: [] },
      { time: 1.5, upserted: [], removed: [ref(a)] },
    ]);
    expect(out.upserted).toEqual([]);
    expect(out.removed).toEqual([ref(a)]);
  });

  it('orders upserts by their last change', () => {
    const a = pod('a');
    const b = pod('b');
    const out = squashDiffs([
      { time: 1, upserted: [a, b], removed: [] },
      { time: 2, upserted: [a], removed: [] },
    ]);
    expect(out.upserted.map((o) => o.metadata.name)).toEqual(['b', 'a']);
  });

  it('does not change its inputs', () => {
    const d: ClusterDiff = { time: 1, upserted: [pod('a')], removed: [] };
    const copy = structuredClone(d);
    squashDiffs([d, { time: 2, upserted: [], removed: [ref(pod('a'))] }]);
    expect(d).toEqual(copy);
  });

  it('is empty for no diffs', () => {
    expect(isEmptyDiff(squashDiffs([]))).toBe(true);
  });
});

describe('applyDiff', () => {
  it('rebuilds the final state from a stream of squashed diffs, equal to the full snapshot', () => {
    // Build a state by hand, diff by diff, and compare with applying the squash of all diffs.
    const n1 = newNode('n1');
    const p1 = pod('p1');
    const p1b = pod('p1', 'Running');
    const p2 = pod('p2');
    const diffs: ClusterDiff[] = [
      { time: 0, upserted: [n1, p1], removed: [] },
      { time: 1, upserted: [p2], removed: [] },
      { time: 2, upserted: [p1b], removed: [ref(p2)] },
    ];
    const stepwise = diffs.reduce<Record<string, KubeObject>>((state, d) => applyDiff(state, d), {});
    const squashed = applyDiff({}, squashDiffs(diffs));
    expect(squashed).toEqual(stepwise);
    expect(stepwise).toEqual(indexByUid([n1, p1b]));
  });

  it('ignores the removal of an object it never saw', () => {
    const state = indexByUid([newNode('n1')]);
    expect(
      applyDiff(state, { time: 1, upserted: [], removed: [{ uid: 'nope', kind: 'Pod', name: 'x' }] }),
    ).toEqual(state);
  });
});

describe('applyDiffInPlace', () => {
  it('changes the record it is given to what applyDiff returns', () => {
    const state = indexByUid([newNode('n1'), pod('p1')]);
    const diff: ClusterDiff = {
      time: 1,
      upserted: [pod('p1', 'Running'), pod('p2')],
      removed: [ref(pod('p1'))],
    };
    const expected = applyDiff(state, diff);
    expect(applyDiffInPlace(state, diff)).toBe(state);
    expect(state).toEqual(expected);
  });
});

describe('splitDiff', () => {
  const podOf = (uid: string): KubeObject => {
    const p = newPod(uid);
    p.metadata.uid = uid;
    return p;
  };
  const refOf = (uid: string) => ({ uid, kind: 'Pod', namespace: 'default', name: uid });

  it('leaves a diff within the limit whole', () => {
    const diff = { time: 3, upserted: [podOf('a')], removed: [refOf('b')] };
    expect(splitDiff(diff, 2)).toEqual([diff, null]);
  });

  it('cuts after max objects, removals first, and the parts applied in turn equal the whole', () => {
    const diff = { time: 3, upserted: ['a', 'b', 'c', 'd'].map(podOf), removed: [refOf('x'), refOf('y')] };
    const [now, later] = splitDiff(diff, 3);
    expect(now.removed.map((r) => r.uid)).toEqual(['x', 'y']);
    expect(now.upserted.map((o) => o.metadata.uid)).toEqual(['a']);
    expect(later?.upserted.map((o) => o.metadata.uid)).toEqual(['b', 'c', 'd']);
    expect(later?.time).toBe(3);
    const start = indexByUid([podOf('x'), podOf('y')]);
    expect(applyDiff(applyDiff(start, now), later!)).toEqual(applyDiff(start, diff));
  });
});
