import type { Kind, Namespace } from '../../api/types';
import { CLUSTER_SCOPED_KINDS } from '../../api/types';
import { allResources } from '../../api/resources';
import { Controller } from '../controller';
import type { ControllerContext } from '../controller';

// Events go with their namespace in a real cluster too, but here they live in the recorder.
function contentKinds(): Kind[] {
  return allResources()
    .map((r) => r.kind)
    .filter((k) => !CLUSTER_SCOPED_KINDS.has(k) && k !== 'Event');
}

/**
 * NamespaceController is pkg/controller/namespace (deletion/namespaced_resources_deleter.go): a
 * namespace marked for deletion has every object in it deleted, and once nothing is left its
 * `kubernetes` finalizer is done and the namespace itself is removed.
 * Pods go through graceful deletion, so a namespace stays Terminating while they stop.
 */
export class NamespaceController extends Controller {
  readonly name = 'namespace-controller';

  constructor(ctx: ControllerContext) {
    super(ctx);
    ctx.api.store.watch('Namespace', (e) => {
      if (e.type !== 'DELETED' && e.object.metadata.deletionTimestamp) this.enqueue(e.object.metadata.name);
    });
    // A content object leaving a terminating namespace may be the last one.
    ctx.api.store.watch('*', (e) => {
      const ns = e.object.metadata.namespace;
      if (e.type !== 'DELETED' || !ns || e.object.kind === 'Event') return;
      if (ctx.api.get<Namespace>('Namespace', undefined, ns)?.metadata.deletionTimestamp) this.enqueue(ns);
    });
  }

  protected sync(name: string): void {
    const { api } = this.ctx;
    const ns = api.get<Namespace>('Namespace', undefined, name);
    if (!ns?.metadata.deletionTimestamp) return;
    let left = 0;
    for (const kind of contentKinds()) {
      for (const obj of api.list(kind, name)) {
        left++;
        if (!obj.metadata.deletionTimestamp) api.delete(kind, name, obj.metadata.name);
      }
    }
    // The finalizer is the namespace's own (spec.finalizers): with it done, the namespace goes.
    if (left === 0) api.removeNow(ns);
  }
}
