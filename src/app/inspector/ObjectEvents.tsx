// The events about one object, newest first, as `kubectl describe` lists them.
import { useMemo } from 'react';
import type { KubeObject } from '../../engine/api/types';
import { formatDuration } from '../model/format';
import { useAppStore } from '../store';

function refOf(obj: KubeObject): string {
  const ns = obj.metadata.namespace;
  return ns ? `${obj.kind}/${ns}/${obj.metadata.name}` : `${obj.kind}/${obj.metadata.name}`;
}

export function ObjectEvents({ object }: { object: KubeObject }) {
  const events = useAppStore((s) => s.events);
  const ref = refOf(object);
  const mine = useMemo(() => events.filter((e) => e.object === ref).reverse(), [events, ref]);
  if (mine.length === 0) return <p className="muted">No events for {ref}.</p>;
  return (
    <ul className="event-list">
      {mine.map((e, i) => (
        <li key={`${e.t}-${i}`} className={`event event--${e.type}`}>
          <span className="event__time">{formatDuration(e.t)}</span>
          <span className="event__reason">{e.reason}</span>
          <span className="event__message">{e.message}</span>
        </li>
      ))}
    </ul>
  );
}
