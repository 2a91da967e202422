import type { Job } from '../../api/types';
import { parseTimestamp } from '../../clock/clock';
import { Controller } from '../controller';
import type { ControllerContext } from '../controller';
import { finishedAt, isJobFinished } from '../job/conditions';

/**
 * TtlAfterFinishedController is pkg/controller/ttlafterfinished: a finished Job with
 * ttlSecondsAfterFinished is deleted that long after it finished (processJob / timeLeft, measured
 * from the final condition's lastTransitionTime), with foreground propagation so its pods go first.
 */
export class TtlAfterFinishedController extends Controller {
  readonly name = 'ttl-after-finished-controller';

  constructor(ctx: ControllerContext) {
    super(ctx);
    ctx.api.store.watch('Job', (e) => {
      const job = e.object as Job;
      if (e.type !== 'DELETED' && job.spec.ttlSecondsAfterFinished !== undefined && isJobFinished(job))
        this.enqueue(e.key);
    });
  }

  protected sync(key: string): void {
    const [ns, name] = key.split('/') as [string, string];
    const job = this.ctx.api.get<Job>('Job', ns, name);
    const ttl = job?.spec.ttlSecondsAfterFinished;
    if (!job || ttl === undefined || job.metadata.deletionTimestamp || !isJobFinished(job)) return;
    const left = parseTimestamp(finishedAt(job)) + ttl - this.ctx.clock.now();
    if (left > 0) return this.enqueueAfter(key, left);
    this.ctx.api.delete('Job', ns, name, { propagationPolicy: 'Foreground' });
  }
}
