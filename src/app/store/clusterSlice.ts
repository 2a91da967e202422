// The cluster as the page knows it: every object by uid, the event log, the scenario's text.
// Only worker messages write it (workerSync.ts); components read it through selectors.
import type { KubeObject } from '../../engine/api/types';
import type { ClusterDiff, FeedEvent, ScenarioInfo } from '../../worker/protocol';
import { applyDiffInPlace, indexByUid } from '../../worker/squash';
import { forgetListings } from '../model/cluster';
import type { SliceCreator } from './types';

/** MAX_EVENTS bounds the feed; the engine keeps the full log. */
export const MAX_EVENTS = 2000;

export interface ClusterSlice {
  /**
   * Every object by uid. A diff changes this record in place (copying 20,000 keys on every frame
   * of a rollout made long tasks), so its identity changes only with a new run: watch
   * `objectsVersion` for changes, and take `objectsSnapshot(state)` for a record that stays put.
   */
  objects: Record<string, KubeObject>;
  /** Bumped whenever `objects` changes (0 after a reset, which brings a new record). */
  objectsVersion: number;
  events: FeedEvent[];
  scenario: ScenarioInfo | null;
  /** Bumped on every reset, so views can tell a new run from a change in the same run. */
  runId: number;
  loaded: boolean;
  /**
   * The last diff applied and its sequence number (bumped per diff, 0 after a reset), so views
   * kept from diffs (the grid at 5,000 nodes) can fold in just that instead of rebuilding.
   */
  lastDiff: ClusterDiff | null;
  diffSeq: number;
  /** How many events this run has appended in all; the oldest kept one is number eventSeq - events.length. */
  eventSeq: number;
  resetCluster(
    objects: readonly KubeObject[],
    events: readonly FeedEvent[],
    scenario: ScenarioInfo | null,
  ): void;
  applyClusterDiff(diff: ClusterDiff, events: readonly FeedEvent[]): void;
}

function capEvents(events: FeedEvent[]): FeedEvent[] {
  return events.length > MAX_EVENTS ? events.slice(events.length - MAX_EVENTS) : events;
}

export const createClusterSlice: SliceCreator<ClusterSlice> = (set) => ({
  objects: {},
  objectsVersion: 0,
  events: [],
  scenario: null,
  runId: 0,
  loaded: false,
  lastDiff: null,
  diffSeq: 0,
  eventSeq: 0,
  resetCluster: (objects, events, scenario) =>
    set((s) => ({
      objects: indexByUid(objects),
      objectsVersion: 0,
      events: capEvents([...events]),
      scenario,
      runId: s.runId + 1,
      loaded: true,
      lastDiff: null,
      diffSeq: 0,
      eventSeq: events.length,
    })),
  applyClusterDiff: (diff, events) =>
    set((s) => {
      const changed = diff.upserted.length > 0 || diff.removed.length > 0;
      if (changed) {
        applyDiffInPlace(s.objects, diff);
        // Listings remembered for this record describe it as it was.
        forgetListings(s.objects);
      }
      return {
        events: events.length ? capEvents([...s.events, ...events]) : s.events,
        eventSeq: s.eventSeq + events.length,
        ...(changed ? { lastDiff: diff, diffSeq: s.diffSeq + 1, objectsVersion: s.objectsVersion + 1 } : {}),
      };
    }),
});
