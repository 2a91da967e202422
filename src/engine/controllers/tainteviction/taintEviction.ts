import type { Node, Pod } from '../../api/types';
import { keyOf } from '../../apiserver/objectStore';
import { getMatchingTolerations, isNoExecute } from '../../predicates';
import { Controller } from '../controller';
import type { ControllerContext } from '../controller';
import { markDisruptionTarget } from '../../api/podUtil';

const TAINT_EVICTION = 'taint-eviction-controller';

/**
 * minTolerationTime is getMinTolerationTime: the smallest tolerationSeconds among the tolerations
 * used, or undefined when every one tolerates forever.
 */
export function minTolerationTime(tolerationSeconds: (number | undefined)[]): number | undefined {
  const finite = tolerationSeconds.filter((s): s is number => s !== undefined);
  if (finite.length === 0) return undefined;
  return Math.max(0, Math.min(...finite));
}

/**
 * TaintEvictionController is pkg/controller/tainteviction: a pod on a node with a NoExecute taint
 * it does not tolerate is deleted at once; one it tolerates for tolerationSeconds is deleted when
 * that time runs out, unless the taint goes first (then the deletion is cancelled).
 */
export class TaintEvictionController extends Controller {
  readonly name = TAINT_EVICTION;
  private readonly scheduled = new Map<string, { timer: number; createdAt: number; at: number }>();

  constructor(ctx: ControllerContext) {
    super(ctx);
    const { store } = ctx.api;
    store.watch('Node', (e) => {
      if (e.type === 'DELETED') return;
      const before = JSON.stringify((e.old as Node | undefined)?.spec.taints ?? []);
      const after = JSON.stringify((e.object as Node).spec.taints ?? []);
      if (e.type === 'MODIFIED' && before === after) return;
      for (const pod of store.podsOnNode(e.object.metadata.name)) this.enqueue(keyOf(pod));
    });
    store.watch('Pod', (e) => {
      const pod = e.object as Pod;
      if (e.type === 'DELETED') return this.cancel(e.key, undefined);
      const old = e.old as Pod | undefined;
      if (pod.spec.nodeName && (!old || old.spec.nodeName !== pod.spec.nodeName)) this.enqueue(e.key);
    });
  }

  /** evictionTime tells the inspector when a tolerated pod will be evicted, if it is scheduled. */
  evictionTime(pod: Pod): number | undefined {
    return this.scheduled.get(keyOf(pod))?.at;
  }

  protected sync(key: string): void {
    const pod = this.ctx.api.store.getByKey<Pod>('Pod', key);
    if (!pod?.spec.nodeName || pod.metadata.deletionTimestamp) return this.cancel(key, undefined);
    const node = this.ctx.api.get<Node>('Node', undefined, pod.spec.nodeName);
    const taints = (node?.spec.taints ?? []).filter(isNoExecute);
    if (taints.length === 0) return this.cancel(key, pod);
    const now = this.ctx.clock.now();
    const match = getMatchingTolerations(taints, pod.spec.tolerations);
    if (!match.tolerated) {
      this.cancel(key, undefined);
      return this.evict(pod);
    }
    const seconds = minTolerationTime(match.tolerations.map((t) => t.tolerationSeconds));
    if (seconds === undefined) return this.cancel(key, pod);
    const existing = this.scheduled.get(key);
    // Keep an earlier deadline: the clock started when the pod first had to tolerate a taint.
    if (existing && existing.createdAt + seconds >= existing.at) return;
    const createdAt = existing?.createdAt ?? now;
    if (existing) this.ctx.queue.cancel(existing.timer);
    const at = Math.max(now, createdAt + seconds);
    const timer = this.ctx.queue.schedule(at, `taint-eviction:${key}`, () => {
      this.scheduled.delete(key);
      const current = this.ctx.api.store.getByKey<Pod>('Pod', key);
      if (current && current.metadata.uid === pod.metadata.uid && !current.metadata.deletionTimestamp)
        this.evict(current);
    });
    this.scheduled.set(key, { timer, createdAt, at });
  }

  private cancel(key: string, pod: Pod | undefined): void {
    const existing = this.scheduled.get(key);
    if (!existing) return;
    this.ctx.queue.cancel(existing.timer);
    this.scheduled.delete(key);
    if (pod)
      this.ctx.recorder.event(
        pod,
        'Normal',
        'TaintManagerEviction',
        `Cancelling deletion of Pod ${key}`,
        TAINT_EVICTION,
      );
  }

  private evict(pod: Pod): void {
    const key = keyOf(pod);
    const ts = this.ctx.clock.timestamp();
    const marked = this.ctx.api.mutateStatus(pod, (p) =>
      markDisruptionTarget(p, 'DeletionByTaintManager', 'Taint manager: deleting due to NoExecute taint', ts),
    );
    this.ctx.recorder.event(
      marked,
      'Normal',
      'TaintManagerEviction',
      `Marking for deletion Pod ${key}`,
      TAINT_EVICTION,
    );
    this.ctx.tracer.record(marked, 'evicted');
    this.ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name);
  }
}
