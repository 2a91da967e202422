// The live events feed, newest first, filterable by type, reason and object.
import { useMemo, useState } from 'react';
import { formatDuration } from '../model/format';
import { useAppStore } from '../store';
import { TID } from '../testIds';
import type { EventFilter } from './eventFilter';
import { NO_FILTER, filterEvents, reasonsOf } from './eventFilter';

/**
 * SHOWN_EVENTS: the newest this many matching events are listed (the filter searches all kept).
 * A rollout wave at 5,000 nodes records thousands of events at once; a longer list would be
 * rebuilt in one long task for rows nobody scrolls to.
 */
export const SHOWN_EVENTS = 100;

export function EventsPanel() {
  const events = useAppStore((s) => s.events);
  const eventSeq = useAppStore((s) => s.eventSeq);
  const [filter, setFilter] = useState<EventFilter>(NO_FILTER);
  const shown = useMemo(() => filterEvents(events, filter, SHOWN_EVENTS), [events, filter]);
  const reasons = useMemo(() => reasonsOf(events), [events]);
  // Each event keeps its key (its number in the run) as newer ones arrive, so React moves rows
  // instead of rebuilding all 300 every frame of a rollout across thousands of nodes.
  const keys = useMemo(() => {
    const first = eventSeq - events.length;
    return new Map(events.map((e, i) => [e, first + i]));
  }, [events, eventSeq]);

  return (
    <section className="panel events-panel" data-testid={TID.events} aria-label="Events">
      <div className="pane-header">
        <h2 className="pane-title">
          Events <span className="count">{events.length}</span>
        </h2>
      </div>
      <div className="events-filter" role="group" aria-label="Filter events">
        <select
          aria-label="Event type"
          value={filter.type}
          onChange={(e) => setFilter({ ...filter, type: e.target.value as EventFilter['type'] })}
        >
          <option value="all">All types</option>
          <option value="Normal">Normal</option>
          <option value="Warning">Warning</option>
        </select>
        <select
          aria-label="Reason"
          value={filter.reason}
          onChange={(e) => setFilter({ ...filter, reason: e.target.value })}
        >
          <option value="">All reasons</option>
          {reasons.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        <input
          type="search"
          aria-label="Object"
          placeholder="Object, e.g. node-2"
          value={filter.object}
          onChange={(e) => setFilter({ ...filter, object: e.target.value })}
        />
      </div>
      {/* Focusable, so the feed scrolls from the keyboard too. */}
      <ol className="event-feed" aria-live="off" aria-label="Event feed" tabIndex={0}>
        {shown.length === 0 && (
          <li className="muted event-feed__empty">No events{events.length ? ' match' : ' yet'}.</li>
        )}
        {shown.map((e) => (
          <li key={keys.get(e)} className={`event event--${e.type}`}>
            <span className="event__time">{formatDuration(e.t)}</span>
            <span className="event__reason">{e.reason}</span>
            <span className="event__object">{e.object}</span>
            <span className="event__message">{e.message}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
