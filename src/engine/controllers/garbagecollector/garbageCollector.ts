import type { KubeObject, OwnerReference } from '../../api/types';
import { FINALIZER_FOREGROUND, FINALIZER_ORPHAN } from '../../apiserver/apiServer';
import type { WatchEvent } from '../../apiserver/objectStore';
import { Controller } from '../controller';
import type { ControllerContext } from '../controller';

// The kinds that own or are owned in the playground (events carry no ownerReferences).
const GRAPH_KINDS = [
  'DaemonSet',
  'Deployment',
  'ReplicaSet',
  'CronJob',
  'Job',
  'StatefulSet',
  'Pod',
  'ControllerRevision',
] as const;

function hasFinalizer(obj: KubeObject, finalizer: string): boolean {
  return obj.metadata.deletionTimestamp !== undefined && (obj.metadata.finalizers ?? []).includes(finalizer);
}

/**
 * ownerOf resolves a dependent's reference. A uid of another kind, or a namespaced owner in another
 * namespace (which a namespaced dependent cannot have), counts as absent, as the collector's
 * isDangling lookup decides.
 */
function ownerOf(ctx: ControllerContext, dependent: KubeObject, ref: OwnerReference): KubeObject | undefined {
  const owner = ctx.api.store.getByUid(ref.uid);
  if (!owner || owner.kind !== ref.kind) return undefined;
  const ns = owner.metadata.namespace;
  return ns === undefined || ns === dependent.metadata.namespace ? owner : undefined;
}

/**
 * GarbageCollector is pkg/controller/garbagecollector: it deletes objects whose owners are all
 * gone (background propagation), deletes an owner's dependents before the owner when it carries
 * the `foregroundDeletion` finalizer (processDeletingDependentsItem), and releases the dependents
 * of an owner carrying the `orphan` finalizer (orphanDependents) before letting it go. Work-queue
 * keys are uids, as the collector's dependency graph nodes are.
 */
export class GarbageCollector extends Controller {
  readonly name = 'garbage-collector';
  // Owners waiting in foreground deletion: a change to one of their dependents brings them back.
  private readonly waiting = new Set<string>();

  constructor(ctx: ControllerContext) {
    super(ctx);
    for (const kind of GRAPH_KINDS) ctx.api.store.watch(kind, (e) => this.observe(e));
  }

  private observe(e: WatchEvent): void {
    const obj = e.object;
    const uid = obj.metadata.uid;
    if (!uid) return;
    if (e.type === 'DELETED') {
      this.waiting.delete(uid);
      // attemptToDelete every dependent: one of its owners is gone.
      for (const dep of this.ctx.api.store.dependents(uid))
        if (dep.metadata.uid) this.enqueue(dep.metadata.uid);
    } else if (hasFinalizer(obj, FINALIZER_ORPHAN) || hasFinalizer(obj, FINALIZER_FOREGROUND)) {
      this.enqueue(uid);
    } else if (e.type === 'ADDED' && obj.metadata.ownerReferences?.some((r) => !ownerOf(this.ctx, obj, r))) {
      // Created naming an owner that does not exist (a manifest copied from another cluster):
      // the graph builder's virtual owner is found absent and the dependent collected.
      this.enqueue(uid);
    }
    if (this.waiting.size === 0) return;
    for (const ref of obj.metadata.ownerReferences ?? [])
      if (this.waiting.has(ref.uid)) this.enqueue(ref.uid);
  }

  protected sync(uid: string): void {
    const obj = this.ctx.api.store.getByUid(uid);
    if (!obj) return;
    if (hasFinalizer(obj, FINALIZER_ORPHAN)) this.orphanDependents(obj);
    else if (hasFinalizer(obj, FINALIZER_FOREGROUND)) this.processDeletingDependents(obj);
    else this.attemptToDelete(obj);
  }

  /** orphanDependents strips the owner's references from its dependents, then drops the `orphan` finalizer. */
  private orphanDependents(owner: KubeObject): void {
    const { api } = this.ctx;
    const uid = owner.metadata.uid!;
    for (const dep of api.store.dependents(uid)) {
      api.mutateStatus(dep, (d) => {
        const refs = (d.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
        if (refs.length > 0) d.metadata.ownerReferences = refs;
        else delete d.metadata.ownerReferences;
      });
    }
    const fresh = api.store.getByUid(uid);
    if (fresh) api.removeFinalizer(fresh, FINALIZER_ORPHAN);
  }

  /**
   * processDeletingDependents deletes the dependents not yet being deleted and removes the owner's
   * `foregroundDeletion` finalizer once no dependent with blockOwnerDeletion is left — terminating
   * pods still block, so the owner stays visible until its last pod is gone.
   */
  private processDeletingDependents(owner: KubeObject): void {
    const { api } = this.ctx;
    const uid = owner.metadata.uid!;
    this.waiting.add(uid);
    for (const dep of api.store.dependents(uid))
      if (!dep.metadata.deletionTimestamp) this.attemptToDelete(dep);
    const blocking = api.store
      .dependents(uid)
      .some((d) => d.metadata.ownerReferences?.some((r) => r.uid === uid && r.blockOwnerDeletion));
    if (blocking) return;
    this.waiting.delete(uid);
    const fresh = api.store.getByUid(uid);
    if (fresh) api.removeFinalizer(fresh, FINALIZER_FOREGROUND);
  }

  /**
   * attemptToDelete is attemptToDeleteItem: an object with a live owner stays (references to absent
   * owners are removed); one whose owners are all absent or deleting their dependents is deleted —
   * in the foreground when an owner waits and it has dependents of its own, else in the background.
   */
  private attemptToDelete(item: KubeObject): void {
    if (item.metadata.deletionTimestamp) return;
    const refs = item.metadata.ownerReferences ?? [];
    if (refs.length === 0) return;
    const { api } = this.ctx;
    const solid: OwnerReference[] = [];
    let waitingOwner = false;
    for (const ref of refs) {
      const owner = ownerOf(this.ctx, item, ref);
      if (!owner) continue;
      if (hasFinalizer(owner, FINALIZER_FOREGROUND)) waitingOwner = true;
      else solid.push(ref);
    }
    if (solid.length > 0) {
      if (solid.length !== refs.length)
        api.mutateStatus(item, (d) => {
          d.metadata.ownerReferences = solid;
        });
      return;
    }
    const uid = item.metadata.uid ?? '';
    const hasDependents = uid !== '' && api.store.dependents(uid).length > 0;
    api.delete(item.kind, item.metadata.namespace, item.metadata.name, {
      propagationPolicy: waitingOwner && hasDependents ? 'Foreground' : 'Background',
    });
  }
}
