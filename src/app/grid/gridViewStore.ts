// The grid's view, kept outside React beside the store: a store subscription folds each applied
// diff into the GridViewIndex (work proportional to what changed), and components read the
// result through useSyncExternalStore. A useMemo over `objects` could only rebuild everything.
import { useSyncExternalStore } from 'react';
import type { FeedEvent } from '../../worker/protocol';
import type { AppStore } from '../store/createAppStore';
import type { GridView } from './gridView';
import type { GridViewUpdate } from './gridViewIndex';
import { createGridViewIndex } from './gridViewIndex';
import { preemptedPods } from './workloads';

/** GridViewSource is a live grid view: the current one, its last change, and a subscription. */
export interface GridViewSource {
  view(): GridView;
  /** The node names whose cards changed in the last update, or 'all'. */
  changed(): GridViewUpdate['changed'];
  subscribe(fn: () => void): () => void;
  destroy(): void;
}

function setKey(set: ReadonlySet<string>): string {
  return [...set].sort().join('\n');
}

/** createGridViewSource follows `store`: a reset or a gap in the diff sequence rebuilds, a next diff folds in. */
export function createGridViewSource(store: AppStore): GridViewSource {
  const index = createGridViewIndex();
  const listeners = new Set<() => void>();
  let seen = {
    runId: -1,
    diffSeq: -1,
    objects: {} as object,
    version: -1,
    events: [] as readonly FeedEvent[],
  };
  let preempted: ReadonlySet<string> = new Set();
  let preemptedKey = '';
  let changed: GridViewUpdate['changed'] = 'all';
  let drainTimer: ReturnType<typeof setTimeout> | null = null;

  function sync(): void {
    const s = store.getState();
    let preemptChanged = false;
    if (s.events !== seen.events) {
      // Keyed by content, so a new event that preempts nobody does not rebuild the grid.
      const next = preemptedPods(s.events);
      const key = setKey(next);
      if (key !== preemptedKey) {
        preempted = next;
        preemptedKey = key;
        preemptChanged = true;
      }
    }
    const sameRun = s.runId === seen.runId;
    const nextDiff = sameRun && s.diffSeq === seen.diffSeq + 1 && s.lastDiff !== null;
    // The record changes in place (clusterSlice.ts): its version says whether it did.
    const unchanged =
      sameRun && s.objects === seen.objects && s.objectsVersion === seen.version && !preemptChanged;
    seen = {
      runId: s.runId,
      diffSeq: s.diffSeq,
      objects: s.objects,
      version: s.objectsVersion,
      events: s.events,
    };
    if (unchanged) return;
    const next =
      nextDiff && s.lastDiff
        ? index.apply(s.objects, s.lastDiff, preempted)
        : index.reset(s.objects, preempted);
    publish(next);
  }

  function publish(next: GridViewUpdate): void {
    changed = next.changed;
    for (const fn of listeners) fn();
    // Cards left with old chips after a new revision get theirs in the next tasks, a slice each.
    if (index.stale() > 0 && drainTimer === null)
      drainTimer = setTimeout(() => {
        drainTimer = null;
        publish(index.drain());
      }, 0);
  }

  sync();
  const unsubscribe = store.subscribe(sync);
  return {
    view: () => index.current(),
    changed: () => changed,
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    destroy() {
      unsubscribe();
      if (drainTimer !== null) clearTimeout(drainTimer);
    },
  };
}

let pageSource: GridViewSource | null = null;

/** gridViewSource is the page's one source, created on first use over the page's store. */
export function gridViewSource(store: AppStore): GridViewSource {
  pageSource ??= createGridViewSource(store);
  return pageSource;
}

/** useGridViewFrom subscribes a component to a source's view. */
export function useGridViewFrom(source: GridViewSource): GridView {
  return useSyncExternalStore(source.subscribe, source.view, source.view);
}
