// The cluster's objects for panels that re-derive from the whole snapshot (the DaemonSet table,
// the inspector, the workload comparison). On a small cluster they follow every frame; on a big
// one a derivation over 20,000 objects each frame would crowd out the animation, so they follow
// at most every BIG_CLUSTER_MS — four updates a second is still live to a reader.
import { useEffect, useState } from 'react';
import type { KubeObject } from '../../engine/api/types';
import { appStore } from './index';
import { objectsSnapshot } from './objectsSnapshot';

/** BIG_CLUSTER_OBJECTS: past this many objects, snapshot readers are throttled. */
export const BIG_CLUSTER_OBJECTS = 2000;
export const BIG_CLUSTER_MS = 250;

/** throttleFor is how long a reader waits between snapshots of a cluster of `size` objects. */
export function throttleFor(size: number): number {
  return size > BIG_CLUSTER_OBJECTS ? BIG_CLUSTER_MS : 0;
}

/** useObjects is a snapshot of the store's uid → object record, throttled on big clusters. */
export function useObjects(): Readonly<Record<string, KubeObject>> {
  const [objects, setObjects] = useState(() => objectsSnapshot(appStore.getState()));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let size = 0;
    let run = -1;
    const take = () => {
      timer = null;
      const s = appStore.getState();
      // Counted only when a snapshot is taken: at most four times a second on a big cluster.
      const snapshot = objectsSnapshot(s);
      size = Object.keys(snapshot).length;
      run = s.runId;
      setObjects(snapshot);
    };
    const unsubscribe = appStore.subscribe((s, prev) => {
      if (s.objects === prev.objects && s.objectsVersion === prev.objectsVersion) return;
      // A new run shows at once; within a run a big cluster waits its turn.
      const wait = s.runId !== run ? 0 : throttleFor(size);
      if (wait > 0) timer ??= setTimeout(take, wait);
      else {
        if (timer) clearTimeout(timer);
        take();
      }
    });
    take();
    return () => {
      unsubscribe();
      if (timer) clearTimeout(timer);
    };
  }, []);
  return objects;
}
