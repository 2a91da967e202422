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

// What the recorder knows of one involved object: its reference, written once, and its events.
interface Involved {
  ref: string;
  involvedObject: Event['involvedObject'];
  /** Its events: a list while short (a pod has a handful), by message past that (a DaemonSet has thousands). */
  records?: EventRecord[];
  byMessage?: Map<string, EventRecord[]>;
  size: number;
}

// One Event object's data. The Event itself is built only when someone reads it (`kubectl get
// events`, describe): a 5,000-node run records some hundred thousand events and reads few.
interface EventRecord {
  first: RecordedEvent;
  inv: Involved;
  seq: number;
  resourceVersion: number;
  count: number;
  lastSeen: number;
  built?: Event;
}

// Events carry their sequence number as the hex suffix of their name (`pod.17f0002a`).
const SEQ_BASE = 0x17f00000;

/**
 * EventRecorder keeps events the way client-go's recorder and the event correlator write them:
 * an identical event on the same object raises `count` and `lastTimestamp` instead of adding one.
 * Events live here rather than in the object store (which serves them through a virtual kind):
 * they are the most numerous writes in a run, and no controller watches them. They are indexed
 * by involved object and message, and by sequence number, so recording one builds no lookup
 * strings and no Event object.
 */
export class EventRecorder {
  readonly log: RecordedEvent[] = [];
  private readonly involved = new Map<string, Involved>();
  private readonly bySeq = new Map<number, EventRecord>();
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
      const rec = seq !== undefined ? this.bySeq.get(seq) : undefined;
      if (rec && (namespace === undefined || namespaceOf(rec) === namespace)) out.push(this.build(rec));
    }
    return out;
  }

  private get(namespace: string, name: string): Event | undefined {
    const dot = name.lastIndexOf('.');
    const seq = dot < 0 ? NaN : Number.parseInt(name.slice(dot + 1), 16) - SEQ_BASE;
    const rec = this.bySeq.get(seq);
    if (!rec || namespaceOf(rec) !== namespace) return undefined;
    const ev = this.build(rec);
    return ev.metadata.name === name ? ev : undefined;
  }

  private build(rec: EventRecord): Event {
    if (rec.built) return rec.built;
    const { first, inv } = rec;
    const created = this.api.clock.timestamp(first.t);
    rec.built = {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {
        name: `${inv.involvedObject.name}.${(SEQ_BASE + rec.seq).toString(16)}`,
        namespace: namespaceOf(rec),
        uid: `event-${rec.seq}`,
        resourceVersion: String(rec.resourceVersion),
        creationTimestamp: created,
      },
      involvedObject: inv.involvedObject,
      reason: first.reason,
      message: first.message,
      type: first.type,
      count: rec.count,
      firstTimestamp: created,
      lastTimestamp: rec.count > 1 ? this.api.clock.timestamp(rec.lastSeen) : created,
      source: this.sourceOf(first.source),
    };
    return rec.built;
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
        records: [],
        size: 0,
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

    const existing = findRecord(inv, type, reason, message);
    if (existing) {
      // A new version: whoever read the previous Event keeps it unchanged.
      existing.count++;
      existing.lastSeen = t;
      existing.resourceVersion = this.api.store.bumpResourceVersion();
      existing.built = undefined;
      return;
    }
    const seq = ++this.seq;
    const record: EventRecord = {
      first: rec,
      inv,
      seq,
      resourceVersion: this.api.store.bumpResourceVersion(),
      count: 1,
      lastSeen: t,
    };
    addRecord(inv, record);
    this.bySeq.set(seq, record);
    this.order.push(seq);
    if (this.order.length - this.orderHead > MAX_EVENT_OBJECTS) this.expireOldest();
  }

  private expireOldest(): void {
    const oldest = this.order[this.orderHead];
    this.order[this.orderHead++] = undefined;
    const gone = oldest !== undefined ? this.bySeq.get(oldest) : undefined;
    if (oldest !== undefined) this.bySeq.delete(oldest);
    if (gone) {
      const { inv } = gone;
      removeRecord(inv, gone);
      if (inv.size === 0) this.involved.delete(inv.involvedObject.uid ?? inv.ref);
    }
    // Compact now and then instead of shifting on every event (shift is linear).
    if (this.orderHead > MAX_EVENT_OBJECTS) {
      this.order.splice(0, this.orderHead);
      this.orderHead = 0;
    }
  }
}

function namespaceOf(rec: EventRecord): string {
  return rec.inv.involvedObject.namespace ?? 'default';
}

// Past this many events on one object, look them up by message instead of scanning.
const SCAN_LIMIT = 16;

function findRecord(inv: Involved, type: string, reason: string, message: string): EventRecord | undefined {
  const candidates = inv.byMessage?.get(message) ?? inv.records ?? [];
  return candidates.find(
    (r) => r.first.message === message && r.first.reason === reason && r.first.type === type,
  );
}

function addRecord(inv: Involved, record: EventRecord): void {
  inv.size++;
  if (inv.records && inv.size <= SCAN_LIMIT) {
    inv.records.push(record);
    return;
  }
  if (!inv.byMessage) {
    inv.byMessage = new Map();
    for (const r of inv.records ?? []) addByMessage(inv.byMessage, r);
    delete inv.records;
  }
  addByMessage(inv.byMessage, record);
}

function addByMessage(byMessage: Map<string, EventRecord[]>, record: EventRecord): void {
  const same = byMessage.get(record.first.message);
  if (same) same.push(record);
  else byMessage.set(record.first.message, [record]);
}

function removeRecord(inv: Involved, gone: EventRecord): void {
  if (inv.records) {
    const i = inv.records.indexOf(gone);
    if (i < 0) return;
    inv.records.splice(i, 1);
    inv.size--;
    return;
  }
  const same = inv.byMessage?.get(gone.first.message);
  if (!same?.includes(gone)) return;
  inv.size--;
  const left = same.filter((r) => r !== gone);
  if (left.length > 0) inv.byMessage!.set(gone.first.message, left);
  else inv.byMessage!.delete(gone.first.message);
}
