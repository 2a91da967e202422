import type { Node, Pod } from '../../api/types';
import { keyOf } from '../../apiserver/objectStore';
import { preferredNodeAffinityScore } from '../../predicates';
import { Controller } from '../controller';
import type { ControllerContext } from '../controller';
import { setCondition } from '../kubelet/podStatus';
import type { FilterFailure } from './filters';
import { filterNode, fitErrorMessage, podRequestsOf, targetNodeNames } from './filters';

const SCHEDULER = 'default-scheduler';

/** SchedulingFailure is the last reason a pending pod could not be placed, for the inspector. */
export interface SchedulingFailure {
  message: string;
  perNode: Map<string, FilterFailure>;
}

/**
 * Scheduler is the default scheduler reduced to what decides placement here: the filter plugins,
 * a spreading score, and binding. Daemon pods arrive pinned to one node by a required node
 * affinity on metadata.name, so for them the scheduler only confirms (or refuses) that node.
 * Unschedulable pods are retried when nodes change or pods leave (moveAllToActiveOrBackoffQueue).
 */
export class Scheduler extends Controller {
  readonly name = SCHEDULER;
  private readonly unschedulable = new Set<string>();
  readonly failures = new Map<string, SchedulingFailure>();

  constructor(ctx: ControllerContext) {
    super(ctx);
    const { store } = ctx.api;
    store.watch('Pod', (e) => {
      const pod = e.object as Pod;
      if (e.type === 'DELETED') {
        this.unschedulable.delete(keyOf(pod));
        if (pod.spec.nodeName) this.retryUnschedulable();
        return;
      }
      if (!pod.spec.nodeName && !pod.metadata.deletionTimestamp) this.enqueue(keyOf(pod));
    });
    store.watch('Node', () => this.retryUnschedulable());
  }

  private retryUnschedulable(): void {
    for (const key of this.unschedulable) this.enqueue(key);
  }

  protected sync(key: string): void {
    const [ns, name] = key.split('/') as [string, string];
    const pod = this.ctx.api.get<Pod>('Pod', ns, name);
    if (!pod || pod.spec.nodeName || pod.metadata.deletionTimestamp) {
      this.unschedulable.delete(key);
      this.failures.delete(key);
      return;
    }
    if ((pod.spec.schedulerName ?? SCHEDULER) !== SCHEDULER) return;
    const nodes = this.ctx.api.list<Node>('Node');
    const targets = targetNodeNames(pod);
    const requests = podRequestsOf(pod);
    const failures: FilterFailure[] = [];
    const perNode = new Map<string, FilterFailure>();
    const feasible: Node[] = [];
    for (const node of nodes) {
      let failure: FilterFailure | undefined;
      if (targets && !targets.has(node.metadata.name)) {
        failure = { plugin: 'NodeAffinity', reasons: ["node(s) didn't match Pod's node affinity/selector"], unresolvable: true };
      } else {
        failure = filterNode(pod, requests, node, this.ctx.api.store.podsOnNode(node.metadata.name));
      }
      if (failure) {
        failures.push(failure);
        perNode.set(node.metadata.name, failure);
      } else feasible.push(node);
    }
    if (feasible.length === 0) return this.markUnschedulable(pod, key, nodes.length, failures, perNode);
    this.bind(pod, key, this.selectHost(pod, feasible));
  }

  // Score: spread pods of the same owner (the default topology spread), prefer emptier nodes
  // (LeastAllocated) and preferred node affinity; ties go to a seeded random pick, as selectHost does.
  private selectHost(pod: Pod, feasible: Node[]): Node {
    if (feasible.length === 1) return feasible[0]!;
    const owner = pod.metadata.ownerReferences?.find((r) => r.controller)?.uid;
    let best: Node[] = [];
    let bestScore = -Infinity;
    for (const node of feasible) {
      const pods = this.ctx.api.store.podsOnNode(node.metadata.name);
      const siblings = owner ? pods.filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === owner)).length : 0;
      const score = -siblings * 1000 - pods.length + preferredNodeAffinityScore(pod.spec, node) * 10;
      if (score > bestScore) {
        bestScore = score;
        best = [node];
      } else if (score === bestScore) best.push(node);
    }
    return best[this.ctx.rng.int(best.length)]!;
  }

  private bind(pod: Pod, key: string, node: Node): void {
    this.unschedulable.delete(key);
    this.failures.delete(key);
    const ts = this.ctx.clock.timestamp();
    const bound = this.ctx.api.mutate(pod, (p) => {
      p.spec.nodeName = node.metadata.name;
      setCondition(p, 'PodScheduled', 'True', ts);
    });
    this.ctx.recorder.event(bound, 'Normal', 'Scheduled', `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${node.metadata.name}`, SCHEDULER);
  }

  private markUnschedulable(pod: Pod, key: string, total: number, failures: FilterFailure[], perNode: Map<string, FilterFailure>): void {
    const message = total === 0 ? 'no nodes available to schedule pods' : fitErrorMessage(total, failures);
    this.unschedulable.add(key);
    const previous = this.failures.get(key)?.message;
    this.failures.set(key, { message, perNode });
    if (previous === message) return;
    const ts = this.ctx.clock.timestamp();
    const updated = this.ctx.api.mutate(pod, (p) => setCondition(p, 'PodScheduled', 'False', ts, 'Unschedulable', message));
    this.ctx.recorder.event(updated, 'Warning', 'FailedScheduling', message, SCHEDULER);
    this.ctx.tracer.record(updated, 'unschedulable');
  }
}
