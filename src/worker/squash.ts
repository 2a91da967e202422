// Squashing diffs keyed by uid, the way tldraw's squashRecordDiffs does: many engine batches
// become one message per frame, and one store update per animation frame on the page.
import type { KubeObject } from '../engine/api/types';
import type { ClusterDiff, ObjectRef } from './protocol';

/** isEmptyDiff: nothing upserted and nothing removed. */
export function isEmptyDiff(diff: ClusterDiff): boolean {
  return diff.upserted.length === 0 && diff.removed.length === 0;
}

/**
 * squashDiffs folds diffs in order into one: the last version of each object wins; an object
 * upserted then removed is only removed; a uid is never reused by the API server, so an upsert
 * after a removal can only be a late duplicate and it wins too. The inputs are not changed.
 */
export function squashDiffs(diffs: readonly ClusterDiff[]): ClusterDiff {
  const upserted = new Map<string, KubeObject>();
  const removed = new Map<string, ObjectRef>();
  let time = 0;
  for (const diff of diffs) {
    time = Math.max(time, diff.time);
    for (const obj of diff.upserted) {
      const uid = obj.metadata.uid;
      if (!uid) continue;
      removed.delete(uid);
      // Delete first so the map's order follows the last change (the grid adds in that order).
      upserted.delete(uid);
      upserted.set(uid, obj);
    }
    for (const ref of diff.removed) {
      upserted.delete(ref.uid);
      removed.set(ref.uid, ref);
    }
  }
  return { time, upserted: [...upserted.values()], removed: [...removed.values()] };
}

/**
 * splitDiff cuts a diff after `max` objects (removals first, then upserts in order): the first
 * part now, the rest (or null) later. A squashed diff holds each uid once, so the parts never
 * disagree and applying both equals applying the whole.
 */
export function splitDiff(diff: ClusterDiff, max: number): [ClusterDiff, ClusterDiff | null] {
  const size = diff.removed.length + diff.upserted.length;
  if (size <= max) return [diff, null];
  const removedNow = diff.removed.slice(0, max);
  const upsertedNow = diff.upserted.slice(0, Math.max(0, max - removedNow.length));
  return [
    { time: diff.time, removed: removedNow, upserted: upsertedNow },
    {
      time: diff.time,
      removed: diff.removed.slice(removedNow.length),
      upserted: diff.upserted.slice(upsertedNow.length),
    },
  ];
}

/**
 * applyDiff returns a new uid → object record with the diff applied; the input is not changed.
 * Removing a uid that is not there is fine (an object born and gone within one batch).
 */
export function applyDiff(
  objects: Readonly<Record<string, KubeObject>>,
  diff: ClusterDiff,
): Record<string, KubeObject> {
  const next: Record<string, KubeObject> = { ...objects };
  for (const obj of diff.upserted) {
    const uid = obj.metadata.uid;
    if (uid) next[uid] = obj;
  }
  for (const ref of diff.removed) delete next[ref.uid];
  return next;
}

/**
 * applyDiffInPlace applies the diff to `objects` itself and returns it. The page's store uses it
 * because copying a 20,000-key record for every frame of a rollout costs more than the frame has
 * (see clusterSlice.ts for how readers tell a change without a new record).
 */
export function applyDiffInPlace(
  objects: Record<string, KubeObject>,
  diff: ClusterDiff,
): Record<string, KubeObject> {
  for (const obj of diff.upserted) {
    const uid = obj.metadata.uid;
    if (uid) objects[uid] = obj;
  }
  for (const ref of diff.removed) delete objects[ref.uid];
  return objects;
}

/** indexByUid builds the uid → object record from a full snapshot. */
export function indexByUid(objects: readonly KubeObject[]): Record<string, KubeObject> {
  const out: Record<string, KubeObject> = {};
  for (const obj of objects) {
    const uid = obj.metadata.uid;
    if (uid) out[uid] = obj;
  }
  return out;
}
