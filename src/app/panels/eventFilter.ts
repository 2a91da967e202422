// Filtering the events feed by type, reason and object. Pure, so it is unit-tested.
import type { FeedEvent } from '../../worker/protocol';

export interface EventFilter {
  type: 'all' | 'Normal' | 'Warning';
  reason: string;
  /** Matched anywhere in `Kind/namespace/name`, case-insensitive. */
  object: string;
}

export const NO_FILTER: EventFilter = { type: 'all', reason: '', object: '' };

/** filterEvents returns the matching events, newest first, at most `limit`. */
export function filterEvents(events: readonly FeedEvent[], f: EventFilter, limit = 300): FeedEvent[] {
  const needle = f.object.trim().toLowerCase();
  const out: FeedEvent[] = [];
  for (let i = events.length - 1; i >= 0 && out.length < limit; i--) {
    const e = events[i];
    if (!e) continue;
    if (f.type !== 'all' && e.type !== f.type) continue;
    if (f.reason && e.reason !== f.reason) continue;
    if (needle && !e.object.toLowerCase().includes(needle)) continue;
    out.push(e);
  }
  return out;
}

/** reasonsOf lists the distinct reasons, sorted, for the reason filter's choices. */
export function reasonsOf(events: readonly FeedEvent[]): string[] {
  return [...new Set(events.map((e) => e.reason))].sort();
}
