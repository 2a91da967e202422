import type { Node, Pod } from '../../api/types';
import { markDisruptionTarget, setCondition } from '../../api/podUtil';
import { preferredNodeAffinityScore } from '../../predicates';
import { Controller } from '../controller';
import type { ControllerContext } from '../controller';
import type { FilterFailure } from './filters';
import { filterNode, fitErrorMessage, podRequestsOf, targetNodeNames } from './filters';
import { findPreemption } from './preemption';
import type { PreemptionPlan } from './preemption';

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
        this.unschedulable.delete(e.key);
        if (pod.spec.nodeName) this.retryUnschedulable();
        return;
      }
      if (!pod.spec.nodeName && !pod.metadata.deletionTimestamp) this.enqueue(e.key);
    });
    store.watch('Node', () => this.retryUnschedulable());
  }

  private retryUnschedulable(): void {
    for (const key of this.unschedulable) this.enqueue(key);
  }

  protected sync(key: string): void {
    const pod = this.ctx.api.store.getByKey<Pod>('Pod', key);
    if (!pod || pod.spec.nodeName || pod.metadata.deletionTimestamp) {
      this.unschedulable.delete(key);
      this.failures.delete(key);
      return;
    }
    if ((pod.spec.schedulerName ?? SCHEDULER) !== SCHEDULER) return;
    const { api } = this.ctx;
    const targets = targetNodeNames(pod);
    // With a PreFilter result (a daemon pod's node) only those nodes are evaluated, as the framework does.
    const nodes = targets
      ? [...targets].flatMap((n) => api.get<Node>('Node', undefined, n) ?? [])
      : api.list<Node>('Node');
    const total = api.store.count('Node');
    const requests = podRequestsOf(pod);
    const failures: FilterFailure[] = [];
    const perNode = new Map<string, FilterFailure>();
    const feasible: Node[] = [];
    for (const node of nodes) {
      const failure = filterNode(pod, requests, node, api.store.podsOnNode(node.metadata.name));
      if (failure) {
        failures.push(failure);
        perNode.set(node.metadata.name, failure);
      } else feasible.push(node);
    }
    if (feasible.length === 0) {
      const plan = findPreemption(pod, requests, nodes, perNode, (n) => this.ctx.api.store.podsOnNode(n));
      if (plan) this.preempt(pod, plan);
      return this.markUnschedulable(
        pod,
        key,
        total,
        failures,
        perNode,
        plan !== undefined,
        total - nodes.length,
      );
    }
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
      const siblings = owner
        ? pods.filter((p) => p.metadata.ownerReferences?.some((r) => r.uid === owner)).length
        : 0;
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
    const bound = this.ctx.api.mutateStatus(pod, (p) => {
      p.spec = { ...p.spec, nodeName: node.metadata.name };
      setCondition(p, 'PodScheduled', 'True', ts);
    });
    this.ctx.recorder.event(
      bound,
      'Normal',
      'Scheduled',
      `Successfully assigned ${pod.metadata.namespace}/${pod.metadata.name} to ${node.metadata.name}`,
      SCHEDULER,
    );
  }

  /** preempt evicts the victims gracefully and nominates the node, as DefaultPreemption's PostFilter does. */
  private preempt(pod: Pod, plan: PreemptionPlan): void {
    const nodeName = plan.node.metadata.name;
    for (const victim of plan.victims) {
      if (victim.metadata.deletionTimestamp) continue;
      this.ctx.recorder.event(
        victim,
        'Normal',
        'Preempted',
        `Preempted by pod ${pod.metadata.uid} on node ${nodeName}`,
        SCHEDULER,
      );
      // prepareCandidate: the victim learns why before it is deleted.
      const ts = this.ctx.clock.timestamp();
      const marked = this.ctx.api.mutateStatus(victim, (p) =>
        markDisruptionTarget(
          p,
          'PreemptionByScheduler',
          `${pod.spec.schedulerName ?? SCHEDULER}: preempting to accommodate a higher priority pod`,
          ts,
        ),
      );
      this.ctx.tracer.record(marked, 'evicted');
      this.ctx.api.delete('Pod', victim.metadata.namespace, victim.metadata.name);
    }
    const current = this.ctx.api.get<Pod>('Pod', pod.metadata.namespace, pod.metadata.name);
    if (current && current.status?.nominatedNodeName !== nodeName) {
      this.ctx.api.mutateStatus(current, (p) => {
        p.status = { ...(p.status ?? {}), nominatedNodeName: nodeName };
      });
    }
  }

  private markUnschedulable(
    pod: Pod,
    key: string,
    total: number,
    failures: FilterFailure[],
    perNode: Map<string, FilterFailure>,
    preempting: boolean,
    prefilteredOut: number,
  ): void {
    const fit = fitErrorMessage(total, failures, prefilteredOut);
    // When preemption made room, the post-filter has nothing to add to the message.
    const message =
      total === 0
        ? 'no nodes available to schedule pods'
        : preempting
          ? fit.slice(0, fit.indexOf(' preemption:'))
          : fit;
    this.unschedulable.add(key);
    const previous = this.failures.get(key)?.message;
    this.failures.set(key, { message, perNode });
    if (previous === message) return;
    const ts = this.ctx.clock.timestamp();
    const latest = this.ctx.api.get<Pod>('Pod', pod.metadata.namespace, pod.metadata.name) ?? pod;
    const updated = this.ctx.api.mutateStatus(latest, (p) =>
      setCondition(p, 'PodScheduled', 'False', ts, 'Unschedulable', message),
    );
    this.ctx.recorder.event(updated, 'Warning', 'FailedScheduling', message, SCHEDULER);
    this.ctx.tracer.record(updated, 'unschedulable');
  }
}
