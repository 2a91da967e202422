// The live cluster as the page knows it: every object the worker reported, by uid. It is kept
// out of the zustand store on purpose: a rollout at 5,000 nodes changes hundreds of objects a
// frame, and a store update would wake every zustand selector on the page (the console, the
// clock, the notices…) for a change only the grid and the cluster panels read. Framework-free:
// the worker sync writes it, the grid view and the React hook (useCluster.ts) subscribe to it.
import type { KubeObject } from '../../engine/api/types';
import type { ClusterDiff } from '../../worker/protocol';
import { applyDiffInPlace, indexByUid } from '../../worker/squash';
import { forgetListings } from '../model/cluster';

/** ClusterRead is what a reader sees of the cluster at one version. */
export interface ClusterRead {
  /**
   * Every object by uid. The mirror's record is changed in place by each diff (copying 20,000
   * keys every frame of a rollout made long tasks): derive from it, never keep it; take
   * `snapshot()` for a record that stays put.
   */
  readonly objects: Readonly<Record<string, KubeObject>>;
  /** Bumped by every change: a reset, or a diff that upserts or removes something. */
  readonly version: number;
  /** Bumped by every reset, so a reader can tell a new run from a change in the same run. */
  readonly run: number;
}

/** ClusterSource is a ClusterRead that tells its listeners when it changed. */
export interface ClusterSource extends ClusterRead {
  subscribe(listener: () => void): () => void;
}

export interface ClusterMirror extends ClusterSource {
  /**
   * The diff that made the current version, or null when a reset did: a reader that saw the
   * version before can fold in just this (the grid at 5,000 nodes) instead of rebuilding.
   */
  readonly lastDiff: ClusterDiff | null;
  /** reset replaces everything with a new run's objects. */
  reset(objects: readonly KubeObject[]): void;
  /** apply folds in one diff; false (and no one is told) when it changes nothing. */
  apply(diff: ClusterDiff): boolean;
  /** snapshot is a copy of the objects as they are now, made at most once per version. */
  snapshot(): Readonly<Record<string, KubeObject>>;
}

/** createClusterMirror makes an empty mirror (version 0, run 0); the page has one, each test its own. */
export function createClusterMirror(): ClusterMirror {
  let objects: Record<string, KubeObject> = {};
  let version = 0;
  let run = 0;
  let lastDiff: ClusterDiff | null = null;
  let copy: { version: number; objects: Readonly<Record<string, KubeObject>> } | null = null;
  const listeners = new Set<() => void>();

  function notify(): void {
    for (const fn of listeners) fn();
  }

  return {
    get objects() {
      return objects;
    },
    get version() {
      return version;
    },
    get run() {
      return run;
    },
    get lastDiff() {
      return lastDiff;
    },
    reset(next) {
      objects = indexByUid(next);
      version++;
      run++;
      lastDiff = null;
      notify();
    },
    apply(diff) {
      if (diff.upserted.length === 0 && diff.removed.length === 0) return false;
      applyDiffInPlace(objects, diff);
      // Listings remembered for this record describe it as it was.
      forgetListings(objects);
      version++;
      lastDiff = diff;
      notify();
      return true;
    },
    snapshot() {
      if (copy?.version !== version) copy = { version, objects: { ...objects } };
      return copy.objects;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
