import type { Kind, KubeObject, Pod } from '../api/types';
import { CLUSTER_SCOPED_KINDS } from '../api/types';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

/** WatchEvent is what a controller's informer would receive. */
export interface WatchEvent<T extends KubeObject = KubeObject> {
  type: WatchEventType;
  object: T;
  /** The previous version, for MODIFIED and DELETED. */
  old?: T;
  /** The object's store key (`namespace/name`, or `name`), computed once for every watcher. */
  key: string;
}

export type WatchHandler = (event: WatchEvent) => void;

/** VirtualKind serves a kind from outside the store (events live in the recorder). */
export interface VirtualKind {
  list(namespace?: string): KubeObject[];
  get(namespace: string | undefined, name: string): KubeObject | undefined;
  count(): number;
}

/** objectKey is the store key: `namespace/name`, or `name` for cluster-scoped kinds. */
export function objectKey(kind: string, namespace: string | undefined, name: string): string {
  return CLUSTER_SCOPED_KINDS.has(kind) ? name : `${namespace ?? 'default'}/${name}`;
}

/** keyOf is objectKey for an object. */
export function keyOf(obj: KubeObject): string {
  return objectKey(obj.kind, obj.metadata.namespace, obj.metadata.name);
}

/**
 * ObjectStore is the API server's storage: objects by kind and key, plus the indexes the
 * controllers need so they reconcile per changed object instead of rescanning everything
 * (pods by node, dependents by owner uid). Stored objects are never mutated in place: every
 * write stores a new object, so watchers can compare old and new.
 */
export class ObjectStore {
  private readonly byKind = new Map<string, Map<string, KubeObject>>();
  private readonly byUid = new Map<string, KubeObject>();
  private readonly podsByNode = new Map<string, Map<string, Pod>>();
  // owner uid → kind → key → object: a DaemonSet's revisions are found without walking its pods.
  private readonly dependentsByOwner = new Map<string, Map<string, Map<string, KubeObject>>>();
  private readonly handlers = new Map<string, WatchHandler[]>();
  private rv = 0;
  private readonly virtual = new Map<string, VirtualKind>();

  /** registerVirtualKind serves a kind's reads from elsewhere; it is never written or watched here. */
  registerVirtualKind(kind: Kind, provider: VirtualKind): void {
    this.virtual.set(kind, provider);
  }

  nextResourceVersion(): string {
    return String(++this.rv);
  }

  /** bumpResourceVersion takes the next resource version as a number, for writes kept outside the store. */
  bumpResourceVersion(): number {
    return ++this.rv;
  }

  get<T extends KubeObject>(kind: T['kind'], namespace: string | undefined, name: string): T | undefined {
    const v = this.virtual.get(kind);
    if (v) return v.get(namespace, name) as T | undefined;
    return this.byKind.get(kind)?.get(objectKey(kind, namespace, name)) as T | undefined;
  }

  /** getByKey is get for a store key (`namespace/name`), as work queues hold them. */
  getByKey<T extends KubeObject>(kind: T['kind'], key: string): T | undefined {
    return this.byKind.get(kind)?.get(key) as T | undefined;
  }

  getByUid(uid: string): KubeObject | undefined {
    return this.byUid.get(uid);
  }

  /** list returns the objects of a kind, in one namespace or all, in key order (deterministic output). */
  list<T extends KubeObject>(kind: T['kind'], namespace?: string): T[] {
    const v = this.virtual.get(kind);
    if (v) return v.list(namespace) as T[];
    const all = this.byKind.get(kind);
    if (!all) return [];
    const out: T[] = [];
    for (const obj of all.values()) {
      if (namespace === undefined || obj.metadata.namespace === namespace) out.push(obj as T);
    }
    return out;
  }

  count(kind: Kind): number {
    const v = this.virtual.get(kind);
    if (v) return v.count();
    return this.byKind.get(kind)?.size ?? 0;
  }

  /** podsOnNode is the node-name index the kubelet and the DaemonSet controller read. */
  podsOnNode(nodeName: string): Pod[] {
    const pods = this.podsByNode.get(nodeName);
    return pods ? [...pods.values()] : [];
  }

  /** dependents lists the objects whose ownerReferences name this uid. */
  dependents(ownerUid: string): KubeObject[] {
    const byKind = this.dependentsByOwner.get(ownerUid);
    if (!byKind) return [];
    const out: KubeObject[] = [];
    for (const deps of byKind.values()) for (const d of deps.values()) out.push(d);
    return out;
  }

  /** dependentsOfKind lists the dependents of one kind, e.g. a DaemonSet's ControllerRevisions. */
  dependentsOfKind<T extends KubeObject>(ownerUid: string, kind: T['kind']): T[] {
    const deps = this.dependentsByOwner.get(ownerUid)?.get(kind);
    return deps ? ([...deps.values()] as T[]) : [];
  }

  /**
   * namespaces are the stored Namespaces, the built-in ones and every namespace an object lives
   * in: the playground creates a namespace implicitly with its first object.
   */
  namespaces(): string[] {
    const set = new Set(['default', 'kube-system', 'kube-public', 'kube-node-lease']);
    for (const ns of this.byKind.get('Namespace')?.values() ?? []) set.add(ns.metadata.name);
    for (const [kind, objs] of this.byKind) {
      if (CLUSTER_SCOPED_KINDS.has(kind)) continue;
      for (const obj of objs.values()) if (obj.metadata.namespace) set.add(obj.metadata.namespace);
    }
    return [...set].sort();
  }

  watch(kind: Kind | '*', handler: WatchHandler): void {
    const list = this.handlers.get(kind) ?? [];
    list.push(handler);
    this.handlers.set(kind, list);
  }

  /** put stores an object (new or replacing) and notifies watchers. */
  put(obj: KubeObject): void {
    const key = keyOf(obj);
    let objs = this.byKind.get(obj.kind);
    if (!objs) {
      objs = new Map();
      this.byKind.set(obj.kind, objs);
    }
    const old = objs.get(key);
    objs.set(key, obj);
    if (old && this.sameIndexKeys(old, obj)) this.reindexInPlace(obj, key);
    else {
      if (old) this.unindex(old, key);
      this.index(obj, key);
    }
    this.notify(old ? { type: 'MODIFIED', object: obj, old, key } : { type: 'ADDED', object: obj, key });
  }

  /** remove deletes an object for good and notifies watchers. */
  remove(obj: KubeObject): void {
    const objs = this.byKind.get(obj.kind);
    const key = keyOf(obj);
    const stored = objs?.get(key);
    if (!objs || !stored) return;
    objs.delete(key);
    this.unindex(stored, key);
    this.notify({ type: 'DELETED', object: stored, old: stored, key });
  }

  private index(obj: KubeObject, key: string): void {
    const uid = obj.metadata.uid;
    if (uid) this.byUid.set(uid, obj);
    if (obj.kind === 'Pod' && obj.spec.nodeName) {
      let pods = this.podsByNode.get(obj.spec.nodeName);
      if (!pods) {
        pods = new Map();
        this.podsByNode.set(obj.spec.nodeName, pods);
      }
      pods.set(key, obj);
    }
    for (const ref of obj.metadata.ownerReferences ?? []) {
      let byKind = this.dependentsByOwner.get(ref.uid);
      if (!byKind) {
        byKind = new Map();
        this.dependentsByOwner.set(ref.uid, byKind);
      }
      let deps = byKind.get(obj.kind);
      if (!deps) {
        deps = new Map();
        byKind.set(obj.kind, deps);
      }
      deps.set(key, obj);
    }
  }

  // Most writes are status writes: same node, same owners. Their index entries are replaced where
  // they stand instead of removed and added again (which churned thousand-entry maps).
  private sameIndexKeys(old: KubeObject, obj: KubeObject): boolean {
    if (old.metadata.uid !== obj.metadata.uid) return false;
    if (old.kind === 'Pod' && obj.kind === 'Pod' && old.spec.nodeName !== obj.spec.nodeName) return false;
    const a = old.metadata.ownerReferences ?? [];
    const b = obj.metadata.ownerReferences ?? [];
    return a === b || (a.length === b.length && a.every((r, i) => r.uid === b[i]?.uid));
  }

  private reindexInPlace(obj: KubeObject, key: string): void {
    const uid = obj.metadata.uid;
    if (uid) this.byUid.set(uid, obj);
    if (obj.kind === 'Pod' && obj.spec.nodeName) this.podsByNode.get(obj.spec.nodeName)?.set(key, obj);
    for (const ref of obj.metadata.ownerReferences ?? [])
      this.dependentsByOwner.get(ref.uid)?.get(obj.kind)?.set(key, obj);
  }

  private unindex(obj: KubeObject, key: string): void {
    const uid = obj.metadata.uid;
    if (uid && this.byUid.get(uid) === obj) this.byUid.delete(uid);
    if (obj.kind === 'Pod' && obj.spec.nodeName) {
      const pods = this.podsByNode.get(obj.spec.nodeName);
      pods?.delete(key);
      if (pods && pods.size === 0) this.podsByNode.delete(obj.spec.nodeName);
    }
    for (const ref of obj.metadata.ownerReferences ?? []) {
      const byKind = this.dependentsByOwner.get(ref.uid);
      const deps = byKind?.get(obj.kind);
      deps?.delete(key);
      if (deps && deps.size === 0) byKind?.delete(obj.kind);
      if (byKind && byKind.size === 0) this.dependentsByOwner.delete(ref.uid);
    }
  }

  private notify(event: WatchEvent): void {
    for (const h of this.handlers.get(event.object.kind) ?? []) h(event);
    for (const h of this.handlers.get('*') ?? []) h(event);
  }
}
