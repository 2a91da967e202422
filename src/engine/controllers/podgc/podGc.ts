import type { Node, Pod } from '../../api/types';
import { Controller } from '../controller';
import type { ControllerContext } from '../controller';
import { markDisruptionTarget } from '../../api/podUtil';

// PodGC waits this long before deleting pods bound to a node that is gone (pkg/controller/podgc: quarantineTime).
export const ORPHAN_QUARANTINE_SECONDS = 40;

/**
 * PodGarbageCollector is pkg/controller/podgc's orphan sweep: pods bound to a node that no longer
 * exists are force-deleted once the node has been gone for the quarantine time.
 */
export class PodGarbageCollector extends Controller {
  readonly name = 'pod-garbage-collector';

  constructor(ctx: ControllerContext) {
    super(ctx);
    ctx.api.store.watch('Node', (e) => {
      if (e.type !== 'DELETED') return;
      this.enqueueAfter(e.object.metadata.name, ORPHAN_QUARANTINE_SECONDS);
    });
  }

  protected sync(nodeName: string): void {
    const { api } = this.ctx;
    if (api.get<Node>('Node', undefined, nodeName)) return;
    const ts = this.ctx.clock.timestamp();
    for (const pod of api.store.podsOnNode(nodeName)) {
      const marked = api.mutateStatus(pod, (p: Pod) =>
        markDisruptionTarget(p, 'DeletionByPodGC', 'PodGC: node no longer exists', ts),
      );
      api.delete('Pod', marked.metadata.namespace, marked.metadata.name, { gracePeriodSeconds: 0 });
    }
  }
}
