import type { Pod } from '../api/types';
import type { VirtualClock } from '../clock/clock';

export type TraceEventKind =
  | 'created'
  | 'scheduled'
  | 'unschedulable'
  | 'started'
  | 'ready'
  | 'unready'
  | 'available'
  | 'succeeded'
  | 'failed'
  | 'terminating'
  | 'deleted'
  | 'evicted';

/** TraceEntry is one step in a pod's life, as docs/scenario-format.md lists them. */
export interface TraceEntry {
  t: number;
  pod: string;
  node: string | null;
  owner: string | null;
  revisionHash: string | null;
  event: TraceEventKind;
}

/** ownerRefString renders a pod's controller as `Kind/namespace/name`, or null for a bare pod. */
export function ownerRefString(pod: Pod): string | null {
  const ref = pod.metadata.ownerReferences?.find((r) => r.controller) ?? pod.metadata.ownerReferences?.[0];
  return ref ? `${ref.kind}/${pod.metadata.namespace}/${ref.name}` : null;
}

/** Tracer keeps the pod lifecycle trace in time order. */
export class Tracer {
  readonly entries: TraceEntry[] = [];
  private listeners: ((e: TraceEntry) => void)[] = [];

  constructor(private readonly clock: VirtualClock) {}

  onTrace(listener: (e: TraceEntry) => void): void {
    this.listeners.push(listener);
  }

  // A pod's five or so entries share one copy of its name and its owner's: the trace of a
  // 5,000-node run holds tens of thousands of entries. Looked up by uid, whose string every
  // version of an object shares, so a hit builds no string.
  private readonly podNames = new Map<string, string>();
  private readonly owners = new Map<string, string | null>();

  record(pod: Pod, event: TraceEventKind): void {
    const uid = pod.metadata.uid ?? '';
    let name = this.podNames.get(uid);
    if (name === undefined) {
      name = `${pod.metadata.namespace}/${pod.metadata.name}`;
      if (uid) this.podNames.set(uid, name);
    }
    if (event === 'deleted') this.podNames.delete(uid);
    const ownerUid = (
      pod.metadata.ownerReferences?.find((r) => r.controller) ?? pod.metadata.ownerReferences?.[0]
    )?.uid;
    let owner = ownerUid !== undefined ? this.owners.get(ownerUid) : undefined;
    if (owner === undefined) {
      owner = ownerRefString(pod);
      if (ownerUid !== undefined) this.owners.set(ownerUid, owner);
    }
    const entry: TraceEntry = {
      t: this.clock.now(),
      pod: name,
      node: pod.spec.nodeName ?? null,
      owner,
      revisionHash: pod.metadata.labels?.['controller-revision-hash'] ?? null,
      event,
    };
    this.entries.push(entry);
    for (const l of this.listeners) l(entry);
  }
}
