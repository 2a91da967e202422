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

// Keep the events bounded: the API server expires events after an hour (--event-ttl=1h); here the
// oldest go first once the cap is reached, so a 5,000-node run stays small.
const MAX_EVENT_OBJECTS = 20000;

/**
 * EventRecorder keeps Event objects the way client-go's recorder and the event correlator write
 * them: an identical event on the same object raises `count` and `lastTimestamp` instead of adding
 * one. Events live here rather than in the object store (which serves them through a virtual
 * kind): they are the most numerous writes in a run, and no controller watches them.
 */
export class EventRecorder {
  readonly log: RecordedEvent[] = [];
  private readonly byKey = new Map<string, Event>();
  private readonly byName = new Map<string, Event>();
  private readonly order: (string | undefined)[] = [];
  private orderHead = 0;
  private seq = 0;
  private listeners: ((e: RecordedEvent) => void)[] = [];

  constructor(private readonly api: ApiServer) {
    api.store.registerVirtualKind('Event', {
      list: (namespace) => this.list(namespace),
      get: (namespace, name) => this.byName.get(`${namespace ?? 'default'}/${name}`),
      count: () => this.byName.size,
    });
  }

  onEvent(listener: (e: RecordedEvent) => void): void {
    this.listeners.push(listener);
  }

  /** list returns the Event objects, oldest first, in one namespace or all. */
  list(namespace?: string): Event[] {
    const out: Event[] = [];
    for (let i = this.orderHead; i < this.order.length; i++) {
      const key = this.order[i];
      const ev = key !== undefined ? this.byKey.get(key) : undefined;
      if (ev && (namespace === undefined || ev.metadata.namespace === namespace)) out.push(ev);
    }
    return out;
  }

  event(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, source: string): void {
    const t = this.api.clock.now();
    const rec: RecordedEvent = { t, type, reason, object: objectRef(obj), message, source };
    this.log.push(rec);
    for (const l of this.listeners) l(rec);

    const key = `${obj.metadata.uid ?? objectRef(obj)}|${type}|${reason}|${message}`;
    const now = this.api.clock.timestamp(t);
    const existing = this.byKey.get(key);
    if (existing) {
      // Replace rather than mutate: a caller may still hold the previous version.
      const next: Event = { ...existing, count: existing.count + 1, lastTimestamp: now };
      next.metadata = { ...existing.metadata, resourceVersion: this.api.store.nextResourceVersion() };
      this.byKey.set(key, next);
      this.byName.set(`${next.metadata.namespace}/${next.metadata.name}`, next);
      return;
    }
    const namespace = obj.metadata.namespace ?? 'default';
    const ev: Event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name: `${obj.metadata.name}.${(0x17f00000 + ++this.seq).toString(16)}`,
        namespace,
        uid: `event-${this.seq}`,
        resourceVersion: this.api.store.nextResourceVersion(),
        creationTimestamp: now,
      },
      involvedObject: {
        kind: obj.kind,
        ...(obj.metadata.namespace ? { namespace: obj.metadata.namespace } : {}),
        name: obj.metadata.name,
        ...(obj.metadata.uid ? { uid: obj.metadata.uid } : {}),
        apiVersion: obj.apiVersion,
      },
      reason,
      message,
      type,
      count: 1,
      firstTimestamp: now,
      lastTimestamp: now,
      source: { component: source },
    };
    this.byKey.set(key, ev);
    this.byName.set(`${namespace}/${ev.metadata.name}`, ev);
    this.order.push(key);
    if (this.order.length - this.orderHead > MAX_EVENT_OBJECTS) {
      const oldest = this.order[this.orderHead];
      this.order[this.orderHead++] = undefined;
      const gone = oldest !== undefined ? this.byKey.get(oldest) : undefined;
      if (oldest !== undefined) this.byKey.delete(oldest);
      if (gone) this.byName.delete(`${gone.metadata.namespace}/${gone.metadata.name}`);
      // Compact now and then instead of shifting on every event (shift is linear).
      if (this.orderHead > MAX_EVENT_OBJECTS) {
        this.order.splice(0, this.orderHead);
        this.orderHead = 0;
      }
    }
  }
}
