// The cluster as the page knows it: every object by uid, the event log, the scenario's text.
// Only worker messages write it (workerSync.ts); components read it through selectors.
import type { KubeObject } from '../../engine/api/types';
import type { ClusterDiff, FeedEvent, ScenarioInfo } from '../../worker/protocol';
import { applyDiff, indexByUid } from '../../worker/squash';
import type { SliceCreator } from './types';

/** MAX_EVENTS bounds the feed; the engine keeps the full log. */
export const MAX_EVENTS = 2000;

export interface ClusterSlice {
  objects: Record<string, KubeObject>;
  events: FeedEvent[];
  scenario: ScenarioInfo | null;
  /** Bumped on every reset, so views can tell a new run from a change in the same run. */
  runId: number;
  loaded: boolean;
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
  events: [],
  scenario: null,
  runId: 0,
  loaded: false,
  resetCluster: (objects, events, scenario) =>
    set((s) => ({
      objects: indexByUid(objects),
      events: capEvents([...events]),
      scenario,
      runId: s.runId + 1,
      loaded: true,
    })),
  applyClusterDiff: (diff, events) =>
    set((s) => ({
      objects: diff.upserted.length || diff.removed.length ? applyDiff(s.objects, diff) : s.objects,
      events: events.length ? capEvents([...s.events, ...events]) : s.events,
    })),
});
