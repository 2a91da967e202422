// What pkg/controller/controller_ref_manager.go does for every controller that owns by selector:
// orphans (objects without a controller reference) that match the selector are adopted by adding
// the owner's controller reference (ClaimObject → AdoptPod / AdoptReplicaSet /
// AdoptControllerRevision). Adoption is a metadata patch: the object keeps its name, uid and
// status, so an adopted pod is not restarted.
import type { Kind, KubeObject, LabelSelector, OwnerReference } from '../api/types';
import { controllerUidOf } from '../api/podUtil';
import { labelSelectorMatches } from '../api/labels';
import type { ApiServer } from '../apiserver/apiServer';
import type { ObjectStore } from '../apiserver/objectStore';

/** newControllerRef is metav1.NewControllerRef: controller and blockOwnerDeletion both true. */
export function newControllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name,
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/**
 * OrphanIndex keeps the objects of one kind that have no controller and are not being deleted —
 * the only ones a claim can adopt — so a controller looks at them instead of listing every pod.
 */
export class OrphanIndex<T extends KubeObject> {
  private readonly orphans = new Map<string, T>();

  constructor(store: ObjectStore, kind: Kind, onOrphan?: (obj: T) => void) {
    store.watch(kind, (e) => {
      const obj = e.object as T;
      if (e.type !== 'DELETED' && !controllerUidOf(obj) && !obj.metadata.deletionTimestamp) {
        this.orphans.set(e.key, obj);
        onOrphan?.(obj);
      } else this.orphans.delete(e.key);
    });
  }

  get size(): number {
    return this.orphans.size;
  }

  /** inNamespace lists the orphans of one namespace, in the order they became orphans. */
  inNamespace(namespace: string | undefined): T[] {
    const ns = namespace ?? 'default';
    return [...this.orphans.values()].filter((o) => (o.metadata.namespace ?? 'default') === ns);
  }
}

/**
 * adoptOrphans claims the orphans the owner's selector matches and returns them adopted. An owner
 * being deleted adopts nothing (the canAdopt check every controller passes to its ref manager);
 * `canClaim` is a controller's extra filter (the StatefulSet claims only pods named after it).
 */
export function adoptOrphans<T extends KubeObject>(
  api: ApiServer,
  owner: KubeObject,
  selector: LabelSelector,
  orphans: OrphanIndex<T>,
  canClaim: (orphan: T) => boolean = () => true,
): T[] {
  if (orphans.size === 0 || owner.metadata.deletionTimestamp) return [];
  const sel = selector;
  if (!sel.matchLabels && !sel.matchExpressions) return [];
  const ref = newControllerRef(owner);
  const adopted: T[] = [];
  for (const orphan of orphans.inNamespace(owner.metadata.namespace)) {
    if (!labelSelectorMatches(sel, orphan.metadata.labels) || !canClaim(orphan)) continue;
    const current = api.get<T>(orphan.kind, orphan.metadata.namespace, orphan.metadata.name);
    if (!current || controllerUidOf(current) || current.metadata.deletionTimestamp) continue;
    adopted.push(
      api.mutateStatus(current, (o) => {
        o.metadata.ownerReferences = [...(o.metadata.ownerReferences ?? []), ref];
      }),
    );
  }
  return adopted;
}

/**
 * ReleaseIndex notes the objects an owner controls whose labels stopped matching its selector
 * (`kubectl label pod … app=debug --overwrite`), for ClaimObject's other half: such an object is
 * released — its controller reference removed — and the controller replaces it.
 */
export class ReleaseIndex<T extends KubeObject> {
  // owner uid → keys of the objects to look at
  private readonly pending = new Map<string, Set<string>>();

  constructor(
    store: ObjectStore,
    kind: Kind,
    ownerKind: Kind,
    private readonly selectorOf: (owner: KubeObject) => LabelSelector,
    onRelease?: (owner: KubeObject) => void,
  ) {
    store.watch(kind, (e) => {
      if (e.type === 'DELETED' || (e.old && e.old.metadata.labels === e.object.metadata.labels)) return;
      const uid = controllerUidOf(e.object);
      const owner = uid ? store.getByUid(uid) : undefined;
      if (!owner || owner.kind !== ownerKind) return;
      if (labelSelectorMatches(this.selectorOf(owner), e.object.metadata.labels)) return;
      let keys = this.pending.get(uid!);
      if (!keys) this.pending.set(uid!, (keys = new Set()));
      keys.add(e.key);
      onRelease?.(owner);
    });
  }

  /** release removes the owner's reference from its objects that no longer match; an owner being deleted keeps them. */
  release(api: ApiServer, owner: KubeObject, kind: T['kind']): T[] {
    const uid = owner.metadata.uid ?? '';
    const keys = this.pending.get(uid);
    if (!keys || owner.metadata.deletionTimestamp) return [];
    this.pending.delete(uid);
    const released: T[] = [];
    for (const key of keys) {
      const obj = api.store.getByKey<T>(kind, key);
      if (!obj || controllerUidOf(obj) !== uid) continue;
      if (labelSelectorMatches(this.selectorOf(owner), obj.metadata.labels)) continue;
      released.push(
        api.mutateStatus(obj, (o) => {
          const refs = (o.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
          if (refs.length > 0) o.metadata.ownerReferences = refs;
          else delete o.metadata.ownerReferences;
        }),
      );
    }
    return released;
  }
}
