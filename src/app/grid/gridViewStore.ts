// The grid's view, kept outside React beside the cluster mirror: a mirror subscription folds each
// applied diff into the GridViewIndex (work proportional to what changed), a store subscription
// follows the preemptions the events report, and components read the result through
// useSyncExternalStore. A useMemo over the objects could only rebuild everything.
import { useSyncExternalStore } from 'react';
import type { FeedEvent } from '../../worker/protocol';
import type { ClusterMirror } from '../store/clusterMirror';
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

/**
 * createGridViewSource follows `mirror` and the events in `store`: the mirror's next diff folds
 * in; a reset, a gap in its versions or a change in who was preempted rebuilds.
 */
export function createGridViewSource(mirror: ClusterMirror, store: AppStore): GridViewSource {
  const index = createGridViewIndex();
  const listeners = new Set<() => void>();
  let seenVersion = -1;
  let seenEvents: readonly FeedEvent[] | null = null;
  let preempted: ReadonlySet<string> = new Set();
  let preemptedKey = '';
  let changed: GridViewUpdate['changed'] = 'all';
  let drainTimer: ReturnType<typeof setTimeout> | null = null;

  // Keyed by content, so a new event that preempts nobody does not rebuild the grid.
  function readPreempted(): boolean {
    const events = store.getState().events;
    if (events === seenEvents) return false;
    seenEvents = events;
    const next = preemptedPods(events);
    const key = setKey(next);
    if (key === preemptedKey) return false;
    preempted = next;
    preemptedKey = key;
    return true;
  }

  function syncObjects(): void {
    readPreempted();
    const version = mirror.version;
    if (version === seenVersion) return;
    const diff = mirror.lastDiff;
    const next =
      diff && version === seenVersion + 1
        ? index.apply(mirror.objects, diff, preempted)
        : index.reset(mirror.objects, preempted);
    seenVersion = version;
    publish(next);
  }

  function syncEvents(): void {
    if (!readPreempted()) return;
    seenVersion = mirror.version;
    publish(index.reset(mirror.objects, preempted));
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

  syncObjects();
  const stopMirror = mirror.subscribe(syncObjects);
  const stopStore = store.subscribe(syncEvents);
  return {
    view: () => index.current(),
    changed: () => changed,
    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    destroy() {
      stopMirror();
      stopStore();
      if (drainTimer !== null) clearTimeout(drainTimer);
    },
  };
}

const pageSources = new WeakMap<ClusterMirror, GridViewSource>();

/** gridViewSource is the one source over `mirror`, created on first use. */
export function gridViewSource(mirror: ClusterMirror, store: AppStore): GridViewSource {
  let source = pageSources.get(mirror);
  if (!source) pageSources.set(mirror, (source = createGridViewSource(mirror, store)));
  return source;
}

/** useGridViewFrom subscribes a component to a source's view. */
export function useGridViewFrom(source: GridViewSource): GridView {
  return useSyncExternalStore(source.subscribe, source.view, source.view);
}
