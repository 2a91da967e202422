// "Why is this pod Pending?" in plain words. The scheduler's PodScheduled=False message is its
// FitError (pkg/scheduler/framework/types.go: `0/4 nodes are available: 1 Insufficient memory,
// 3 node(s) didn't match Pod's node affinity/selector. preemption: …`): a histogram of reasons
// over all nodes. This module reads that histogram back and, for the node a daemon pod is pinned
// to, redoes the resource arithmetic with the scheduler's own fit check.
import type { Node, Pod } from '../api/types';
import {
  SCHED_REASON_NODE_AFFINITY,
  SCHED_REASON_NODE_NAME,
  SCHED_REASON_NODE_PORTS,
  SCHED_REASON_TOO_MANY_PODS,
  SCHED_REASON_UNSCHEDULABLE,
} from '../api/wellKnown';
import { getTargetNodeName } from '../predicates/daemonPlacement';
import { fitsResources, nodeAllocatable, podRequests } from '../predicates/resources';
import { formatAmount, plural } from './words';

/** ReasonCount is one entry of the scheduler's histogram: how many nodes failed for this reason. */
export interface ReasonCount {
  count: number;
  reason: string;
}

/** FitErrorSummary is a FitError message read back into numbers. */
export interface FitErrorSummary {
  total: number;
  reasons: ReasonCount[];
  preemption: ReasonCount[];
}

function histogram(text: string): ReasonCount[] {
  // Reasons may contain commas inside braces (`{key: value}`), so split only at ", <digits> ".
  return text
    .split(/, (?=\d+ )/)
    .map((part) => /^(\d+) (.+)$/.exec(part.trim()))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ count: Number(m[1]), reason: m[2]!.replace(/\.$/, '') }));
}

/** parseFitError reads `0/N nodes are available: …[. preemption: …]`; undefined for other messages. */
export function parseFitError(message: string): FitErrorSummary | undefined {
  const m =
    /^0\/(\d+) nodes are available: (.*?)\.(?: preemption: 0\/\d+ nodes are available: (.*?)\.)?$/.exec(
      message.trim(),
    );
  if (!m) return undefined;
  return { total: Number(m[1]), reasons: histogram(m[2] ?? ''), preemption: histogram(m[3] ?? '') };
}

function isDaemonPod(pod: Pod): boolean {
  return pod.metadata.ownerReferences?.some((r) => r.controller && r.kind === 'DaemonSet') ?? false;
}

function nodes(n: number): string {
  return plural(n, 'node');
}

/** plainReason says one histogram entry in plain words. */
export function plainReason({ count, reason }: ReasonCount, daemon: boolean): string {
  const have = count === 1 ? 'has' : 'have';
  const are = count === 1 ? 'is' : 'are';
  const insufficient = /^Insufficient (.+)$/.exec(reason);
  if (insufficient) {
    const what = insufficient[1] === 'cpu' ? 'CPU' : insufficient[1];
    return `${nodes(count)} ${have} too little unrequested ${what} left for the pod's request.`;
  }
  if (reason === SCHED_REASON_NODE_AFFINITY) {
    return daemon
      ? `${nodes(count)} ${are} not this pod's node: the DaemonSet controller pins each daemon pod to one node (node affinity on metadata.name), so every other node "doesn't match". That part is expected.`
      : `${nodes(count)} ${count === 1 ? 'lacks' : 'lack'} the labels the pod's nodeSelector or required node affinity asks for.`;
  }
  if (reason === SCHED_REASON_TOO_MANY_PODS)
    return `${nodes(count)} already run as many pods as they allow (status.allocatable.pods).`;
  if (reason === SCHED_REASON_UNSCHEDULABLE) return `${nodes(count)} ${are} cordoned (spec.unschedulable).`;
  if (reason === SCHED_REASON_NODE_PORTS)
    return `${nodes(count)} already run a pod holding the same hostPort.`;
  if (reason === SCHED_REASON_NODE_NAME) return `${nodes(count)} ${are} not the node named in spec.nodeName.`;
  const taint = /^node\(s\) had untolerated taint \{(.*)\}$/.exec(reason);
  if (taint) return `${nodes(count)} ${have} the taint {${taint[1]}}, which the pod does not tolerate.`;
  return `${nodes(count)}: ${reason}.`;
}

function plainPreemption({ count, reason }: ReasonCount): string {
  if (/No preemption victims/.test(reason)) {
    return `On ${nodes(count)}, evicting lower-priority pods could make room, but there are none to evict.`;
  }
  if (/not helpful/.test(reason)) {
    return `On ${nodes(count)}, evicting other pods would not help (the problem is not room taken by other pods).`;
  }
  return `Preemption on ${nodes(count)}: ${reason}.`;
}

/** PendingExplanation is what the inspector says about a pod the scheduler cannot place. */
export interface PendingExplanation {
  /** One line: how many nodes the scheduler tried and that none fit. */
  headline: string;
  /** The histogram in plain words, one sentence per reason. */
  reasons: string[];
  /** The arithmetic on the pod's target node, when it is a daemon pod short of resources. */
  target: string[];
  /** What preemption tried. */
  preemption: string[];
  /** What would make the pod schedulable. */
  fixes: string[];
}

export interface PendingInput {
  pod: Pod;
  /** The pod's target node (a daemon pod's pinned node), when it exists. */
  node?: Node | undefined;
  /** The pods bound to that node. */
  podsOnNode?: readonly Pod[];
}

function targetArithmetic(pod: Pod, node: Node, podsOnNode: readonly Pod[]): string[] {
  const name = node.metadata.name;
  const others = podsOnNode.filter((p) => p.metadata.uid !== pod.metadata.uid);
  const short = fitsResources(podRequests(pod.spec), node, others);
  const allocatable = nodeAllocatable(node);
  return short.map((r) => {
    const fmt = (n: number) => formatAmount(r.resourceName, n);
    if (r.resourceName === 'pods') {
      return `${name} allows ${r.capacity} pods and already runs ${r.used}.`;
    }
    const free = Math.max(0, (allocatable[r.resourceName] ?? 0) - r.used);
    const what = r.resourceName === 'cpu' ? 'CPU' : r.resourceName;
    const base = `${name} has ${fmt(r.capacity)} of allocatable ${what}; the pods already on it request ${fmt(r.used)}, leaving ${fmt(free)}. This pod requests ${fmt(r.requested)}`;
    return r.unresolvable
      ? `${base}: more than the whole node has, so it could never fit there, even on an empty node.`
      : `${base}: ${fmt(r.requested - free)} too much.`;
  });
}

function fixesFor(summary: FitErrorSummary, daemon: boolean): string[] {
  const fixes: string[] = [];
  const has = (re: RegExp) => summary.reasons.some((r) => re.test(r.reason));
  if (has(/^Insufficient |^Too many pods$/)) {
    fixes.push(
      daemon
        ? "Lower resources.requests in the DaemonSet's pod template, free room on the node, or give the DaemonSet a high priorityClassName (system-node-critical) so the scheduler preempts lower-priority pods there."
        : "Lower the pod's resources.requests, add a node with more room, or free room by scaling other workloads down.",
    );
  }
  if (has(/untolerated taint/))
    fixes.push('Add a toleration for the taint to the pod template, or remove the taint from the node.');
  if (has(/unschedulable/)) fixes.push('Uncordon the node (kubectl uncordon).');
  if (!daemon && has(/node affinity\/selector/))
    fixes.push('Label a node to match the nodeSelector, or relax the node affinity.');
  return fixes;
}

/** explainPending explains a Pending pod from its PodScheduled condition; undefined when it has none. */
export function explainPending({ pod, node, podsOnNode = [] }: PendingInput): PendingExplanation | undefined {
  const cond = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
  if (!cond || cond.status !== 'False' || !cond.message) return undefined;
  const daemon = isDaemonPod(pod);
  const summary = parseFitError(cond.message);
  if (!summary) {
    return {
      headline: `The scheduler says: ${cond.message}`,
      reasons: [],
      target: [],
      preemption: [],
      fixes: [],
    };
  }
  const target = getTargetNodeName(pod);
  const where =
    daemon && target.ok ? ` It may only run on ${target.nodeName}, and that node does not fit.` : '';
  const arithmetic = node && daemon ? targetArithmetic(pod, node, podsOnNode) : [];
  return {
    headline: `The scheduler tried all ${nodes(summary.total)} and none fits.${where}`,
    reasons: summary.reasons.map((r) => plainReason(r, daemon)),
    target: arithmetic,
    preemption: summary.preemption.map(plainPreemption),
    fixes: fixesFor(summary, daemon),
  };
}
