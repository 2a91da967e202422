import type { Event, KubeObject } from '../api/types';
import type { ApiServer } from '../apiserver/apiServer';

/** RecordedEvent is one line of the event log, as the headless runner prints it. */
export interface RecordedEvent {
  t: number;
  type: 'Normal' | 'Warning';
  reason: string;
  /** `Kind/namespace/name`, or `Kind/name` for cluster-scoped objects. */
  object: string;
  message: string;
  /** Which component reported it (`daemonset-controller`, `default-scheduler`, `kubelet`, ...). */
  source: string;
}

/** objectRef renders `Kind/namespace/name` (or `Kind/name`) for logs and traces. */
export function objectRef(obj: KubeObject): string {
  const ns = obj.metadata.namespace;
  return ns ? `${obj.kind}/${ns}/${obj.metadata.name}` : `${obj.kind}/${obj.metadata.name}`;
}

// Keep the event store bounded: the API server expires events after an hour (--event-ttl=1h);
// here the oldest go first once the cap is reached, so a 5,000-node run stays small.
const MAX_EVENT_OBJECTS = 20000;

/**
 * EventRecorder writes Event objects the way client-go's recorder and the event correlator do:
 * an identical event on the same object raises `count` and `lastTimestamp` instead of adding one.
 */
export class EventRecorder {
  readonly log: RecordedEvent[] = [];
  private readonly byKey = new Map<string, Event>();
  private readonly order: string[] = [];
  private orderHead = 0;
  private seq = 0;
  private listeners: ((e: RecordedEvent) => void)[] = [];

  constructor(private readonly api: ApiServer) {}

  onEvent(listener: (e: RecordedEvent) => void): void {
    this.listeners.push(listener);
  }

  event(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, source: string): void {
    const t = this.api.clock.now();
    const rec: RecordedEvent = { t, type, reason, object: objectRef(obj), message, source };
    this.log.push(rec);
    for (const l of this.listeners) l(rec);

    const key = `${obj.metadata.uid ?? objectRef(obj)}|${type}|${reason}|${message}`;
    const now = this.api.clock.timestamp(t);
    const existing = this.byKey.get(key);
    const stored =
      existing && this.api.get<Event>('Event', existing.metadata.namespace, existing.metadata.name);
    if (stored) {
      this.byKey.set(
        key,
        this.api.mutateStatus(stored, (e) => {
          e.count += 1;
          e.lastTimestamp = now;
        }),
      );
      return;
    }
    const namespace = obj.metadata.namespace ?? 'default';
    const created = this.api.create<Event>({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name: `${obj.metadata.name}.${(0x17f00000 + ++this.seq).toString(16)}`,
        namespace,
      },
      involvedObject: {
        kind: obj.kind,
        namespace: obj.metadata.namespace,
        name: obj.metadata.name,
        uid: obj.metadata.uid,
        apiVersion: obj.apiVersion,
      },
      reason,
      message,
      type,
      count: 1,
      firstTimestamp: now,
      lastTimestamp: now,
      source: { component: source },
    });
    if (!created.ok) return;
    this.byKey.set(key, created.object);
    this.order.push(key);
    if (this.order.length - this.orderHead > MAX_EVENT_OBJECTS) {
      const oldest = this.order[this.orderHead++];
      // Compact now and then instead of shifting on every event (shift is linear).
      if (this.orderHead > MAX_EVENT_OBJECTS) {
        this.order.splice(0, this.orderHead);
        this.orderHead = 0;
      }
      const ev = oldest !== undefined ? this.byKey.get(oldest) : undefined;
      if (oldest !== undefined) this.byKey.delete(oldest);
      if (ev) this.api.delete('Event', ev.metadata.namespace, ev.metadata.name);
    }
  }
}
