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

// What the recorder knows of one involved object: its reference, written once, and its Events.
interface Involved {
  ref: string;
  involvedObject: Event['involvedObject'];
  /** Its Events by message (a controller writes thousands of distinct ones on its DaemonSet). */
  byMessage: Map<string, Event[]>;
}

// Events carry their sequence number as the hex suffix of their name (`pod.17f0002a`).
const SEQ_BASE = 0x17f00000;

/**
 * EventRecorder keeps Event objects the way client-go's recorder and the event correlator write
 * them: an identical event on the same object raises `count` and `lastTimestamp` instead of adding
 * one. Events live here rather than in the object store (which serves them through a virtual
 * kind): they are the most numerous writes in a run, and no controller watches them. They are
 * indexed by involved object (an object has a handful) and by sequence number, so recording one
 * builds no lookup strings: at 5,000 nodes a run records about six events per pod.
 */
export class EventRecorder {
  readonly log: RecordedEvent[] = [];
  private readonly involved = new Map<string, Involved>();
  private readonly bySeq = new Map<number, Event>();
  private readonly order: (number | undefined)[] = [];
  private orderHead = 0;
  private seq = 0;
  private listeners: ((e: RecordedEvent) => void)[] = [];
  private readonly sources = new Map<string, Event['source']>();

  constructor(private readonly api: ApiServer) {
    api.store.registerVirtualKind('Event', {
      list: (namespace) => this.list(namespace),
      get: (namespace, name) => this.get(namespace ?? 'default', name),
      count: () => this.bySeq.size,
    });
  }

  onEvent(listener: (e: RecordedEvent) => void): void {
    this.listeners.push(listener);
  }

  /** list returns the Event objects, oldest first, in one namespace or all. */
  list(namespace?: string): Event[] {
    const out: Event[] = [];
    for (let i = this.orderHead; i < this.order.length; i++) {
      const seq = this.order[i];
      const ev = seq !== undefined ? this.bySeq.get(seq) : undefined;
      if (ev && (namespace === undefined || ev.metadata.namespace === namespace)) out.push(ev);
    }
    return out;
  }

  private get(namespace: string, name: string): Event | undefined {
    const dot = name.lastIndexOf('.');
    const seq = dot < 0 ? NaN : Number.parseInt(name.slice(dot + 1), 16) - SEQ_BASE;
    const ev = this.bySeq.get(seq);
    return ev && ev.metadata.name === name && ev.metadata.namespace === namespace ? ev : undefined;
  }

  private involvedOf(obj: KubeObject): Involved {
    const id = obj.metadata.uid ?? objectRef(obj);
    let inv = this.involved.get(id);
    if (!inv) {
      inv = {
        ref: objectRef(obj),
        involvedObject: {
          kind: obj.kind,
          ...(obj.metadata.namespace ? { namespace: obj.metadata.namespace } : {}),
          name: obj.metadata.name,
          ...(obj.metadata.uid ? { uid: obj.metadata.uid } : {}),
          apiVersion: obj.apiVersion,
        },
        byMessage: new Map(),
      };
      this.involved.set(id, inv);
    }
    return inv;
  }

  private sourceOf(component: string): Event['source'] {
    let src = this.sources.get(component);
    if (!src) this.sources.set(component, (src = { component }));
    return src;
  }

  event(obj: KubeObject, type: 'Normal' | 'Warning', reason: string, message: string, source: string): void {
    const t = this.api.clock.now();
    const inv = this.involvedOf(obj);
    const rec: RecordedEvent = { t, type, reason, object: inv.ref, message, source };
    this.log.push(rec);
    for (const l of this.listeners) l(rec);

    const now = this.api.clock.timestamp(t);
    let events = inv.byMessage.get(message);
    if (!events) inv.byMessage.set(message, (events = []));
    for (let i = 0; i < events.length; i++) {
      const existing = events[i]!;
      if (existing.reason !== reason || existing.type !== type) continue;
      // Replace rather than mutate: a caller may still hold the previous version.
      const next: Event = { ...existing, count: existing.count + 1, lastTimestamp: now };
      next.metadata = { ...existing.metadata, resourceVersion: this.api.store.nextResourceVersion() };
      events[i] = next;
      this.bySeq.set(seqOf(next), next);
      return;
    }
    const seq = ++this.seq;
    const ev: Event = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name: `${obj.metadata.name}.${(SEQ_BASE + seq).toString(16)}`,
        namespace: obj.metadata.namespace ?? 'default',
        uid: `event-${seq}`,
        resourceVersion: this.api.store.nextResourceVersion(),
        creationTimestamp: now,
      },
      // Shared between an object's events: stored objects are never changed in place.
      involvedObject: inv.involvedObject,
      reason,
      message,
      type,
      count: 1,
      firstTimestamp: now,
      lastTimestamp: now,
      source: this.sourceOf(source),
    };
    events.push(ev);
    this.bySeq.set(seq, ev);
    this.order.push(seq);
    if (this.order.length - this.orderHead > MAX_EVENT_OBJECTS) this.expireOldest();
  }

  private expireOldest(): void {
    const oldest = this.order[this.orderHead];
    this.order[this.orderHead++] = undefined;
    const gone = oldest !== undefined ? this.bySeq.get(oldest) : undefined;
    if (oldest !== undefined) this.bySeq.delete(oldest);
    if (gone) {
      const id = gone.involvedObject.uid ?? objectRefOf(gone.involvedObject);
      const inv = this.involved.get(id);
      const same = inv?.byMessage.get(gone.message);
      if (inv && same) {
        const left = same.filter((e) => e.metadata.uid !== gone.metadata.uid);
        if (left.length > 0) inv.byMessage.set(gone.message, left);
        else inv.byMessage.delete(gone.message);
        if (inv.byMessage.size === 0) this.involved.delete(id);
      }
    }
    // Compact now and then instead of shifting on every event (shift is linear).
    if (this.orderHead > MAX_EVENT_OBJECTS) {
      this.order.splice(0, this.orderHead);
      this.orderHead = 0;
    }
  }
}

function seqOf(ev: Event): number {
  return Number(ev.metadata.uid!.slice('event-'.length));
}

function objectRefOf(ref: Event['involvedObject']): string {
  return ref.namespace ? `${ref.kind}/${ref.namespace}/${ref.name}` : `${ref.kind}/${ref.name}`;
}
