// The cluster for panels that re-derive from the whole record (the DaemonSet table, the
// inspector, the workload comparison). On a small cluster they follow every change; on a big one
// a derivation over 20,000 objects each frame would crowd out the animation, so they follow at
// most every BIG_CLUSTER_MS — four updates a second is still live to a reader. One paced view is
// shared by all of them, so they take the same snapshot (and so the same listing) at once.
import type { KubeObject } from '../../engine/api/types';
import type { ClusterMirror, ClusterSource } from './clusterMirror';

/** BIG_CLUSTER_OBJECTS: past this many objects, paced readers are throttled. */
export const BIG_CLUSTER_OBJECTS = 2000;
export const BIG_CLUSTER_MS = 250;

/** throttleFor is how long a reader waits between snapshots of a cluster of `size` objects. */
export function throttleFor(size: number): number {
  return size > BIG_CLUSTER_OBJECTS ? BIG_CLUSTER_MS : 0;
}

/** Timers lets a test drive the pace by hand. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const browserTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

interface Held {
  objects: Readonly<Record<string, KubeObject>>;
  version: number;
  run: number;
  size: number;
}

/**
 * createPacedCluster follows `mirror` with snapshots that never change afterwards: a new run
 * shows at once, a change within a run on a big cluster waits its turn. Unwatched, it reads
 * the mirror as it is now (a component's first render sees the current cluster).
 */
export function createPacedCluster(mirror: ClusterMirror, timers: Timers = browserTimers): ClusterSource {
  let held: Held | null = null;
  let timer: unknown = null;
  let stopFollowing: (() => void) | null = null;
  const listeners = new Set<() => void>();

  function take(): Held {
    const objects = mirror.snapshot();
    // Counted only when a snapshot is taken: at most four times a second on a big cluster.
    held = { objects, version: mirror.version, run: mirror.run, size: Object.keys(objects).length };
    return held;
  }

  function current(): Held {
    // Unwatched, nothing keeps it up to date: it reads the mirror as it is now.
    if (!held || (listeners.size === 0 && held.version !== mirror.version)) return take();
    return held;
  }

  function publish(): void {
    timer = null;
    take();
    for (const fn of listeners) fn();
  }

  function follow(): void {
    const seen = current();
    if (mirror.version === seen.version) return;
    if (mirror.run !== seen.run || throttleFor(seen.size) === 0) {
      if (timer !== null) timers.clearTimeout(timer);
      publish();
    } else timer ??= timers.setTimeout(publish, throttleFor(seen.size));
  }

  return {
    get objects() {
      return current().objects;
    },
    get version() {
      return current().version;
    },
    get run() {
      return current().run;
    },
    subscribe(listener) {
      // What a first render read may be stale by now: catch up before following.
      if (listeners.size === 0) current();
      listeners.add(listener);
      stopFollowing ??= mirror.subscribe(follow);
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        stopFollowing?.();
        stopFollowing = null;
        if (timer !== null) timers.clearTimeout(timer);
        timer = null;
      };
    },
  };
}
