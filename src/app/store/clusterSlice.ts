// What React renders of the cluster besides its objects: the event log, the scenario's title and
// lesson, and which run this is. Only worker messages write it (workerSync.ts). The objects
// themselves live in the cluster mirror (clusterMirror.ts), outside the store.
import type { FeedEvent, ScenarioInfo } from '../../worker/protocol';
import type { SliceCreator } from './types';

/** MAX_EVENTS bounds the feed; the engine keeps the full log. */
export const MAX_EVENTS = 2000;

export interface ClusterSlice {
  events: FeedEvent[];
  scenario: ScenarioInfo | null;
  /** Bumped on every reset, so views can tell a new run from a change in the same run. */
  runId: number;
  loaded: boolean;
  /** How many events this run has appended in all; the oldest kept one is number eventSeq - events.length. */
  eventSeq: number;
  resetCluster(events: readonly FeedEvent[], scenario: ScenarioInfo | null): void;
  appendEvents(events: readonly FeedEvent[]): void;
}

function capEvents(events: FeedEvent[]): FeedEvent[] {
  return events.length > MAX_EVENTS ? events.slice(events.length - MAX_EVENTS) : events;
}

export const createClusterSlice: SliceCreator<ClusterSlice> = (set) => ({
  events: [],
  scenario: null,
  runId: 0,
  loaded: false,
  eventSeq: 0,
  resetCluster: (events, scenario) =>
    set((s) => ({
      events: capEvents([...events]),
      scenario,
      runId: s.runId + 1,
      loaded: true,
      eventSeq: events.length,
    })),
  appendEvents: (events) => {
    // Not even a no-op update: every store subscriber would run for it.
    if (events.length === 0) return;
    set((s) => ({ events: capEvents([...s.events, ...events]), eventSeq: s.eventSeq + events.length }));
  },
});
