import type { Node, Pod } from '../../api/types';
import {
  findMatchingUntoleratedTaint,
  fitsResources,
  hostPortConflicts,
  isNoScheduleOrNoExecute,
  matchRequiredNodeAffinity,
  nodeUnschedulableFits,
  podRequests,
} from '../../predicates';
import type { ResourceAmounts } from '../../predicates';
import {
  SCHED_REASON_NODE_AFFINITY,
  SCHED_REASON_NODE_PORTS,
  SCHED_REASON_UNSCHEDULABLE,
} from '../../api/wellKnown';

/** FilterFailure is why one node was rejected: the plugin, its reasons, and whether preemption could help. */
export interface FilterFailure {
  plugin: 'NodeUnschedulable' | 'TaintToleration' | 'NodeAffinity' | 'NodePorts' | 'NodeResourcesFit';
  reasons: string[];
  /** UnschedulableAndUnresolvable in the framework: evicting pods on the node would not help. */
  unresolvable: boolean;
}

/**
 * filterNode runs the default scheduler's filter plugins in their configured order
 * (NodeUnschedulable, TaintToleration, NodeAffinity, NodePorts, NodeResourcesFit) and stops at
 * the first that rejects the node, as the framework does.
 */
export function filterNode(
  pod: Pod,
  requests: ResourceAmounts,
  node: Node,
  podsOnNode: readonly Pod[],
): FilterFailure | undefined {
  const tolerations = pod.spec.tolerations;
  if (!nodeUnschedulableFits(tolerations, node)) {
    return { plugin: 'NodeUnschedulable', reasons: [SCHED_REASON_UNSCHEDULABLE], unresolvable: true };
  }
  const taint = findMatchingUntoleratedTaint(node.spec.taints, tolerations, isNoScheduleOrNoExecute);
  if (taint) {
    return {
      plugin: 'TaintToleration',
      reasons: [`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`],
      unresolvable: true,
    };
  }
  if (!matchRequiredNodeAffinity(pod.spec, node).matches) {
    return { plugin: 'NodeAffinity', reasons: [SCHED_REASON_NODE_AFFINITY], unresolvable: true };
  }
  if (hostPortConflicts(pod.spec, podsOnNode).length > 0) {
    return { plugin: 'NodePorts', reasons: [SCHED_REASON_NODE_PORTS], unresolvable: false };
  }
  const insufficient = fitsResources(requests, node, podsOnNode);
  if (insufficient.length > 0) {
    return {
      plugin: 'NodeResourcesFit',
      reasons: insufficient.map((r) => r.reason),
      unresolvable: insufficient.every((r) => r.unresolvable),
    };
  }
  return undefined;
}

/** podRequestsOf caches nothing: requests are cheap to sum and pods change. */
export function podRequestsOf(pod: Pod): ResourceAmounts {
  return podRequests(pod.spec);
}

/**
 * targetNodeNames is the NodeAffinity PreFilter result: when every required term pins
 * `metadata.name` with In (as daemon pods are pinned), only those nodes are considered.
 */
export function targetNodeNames(pod: Pod): Set<string> | undefined {
  const terms =
    pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (!terms || terms.length === 0) return undefined;
  const names = new Set<string>();
  for (const term of terms) {
    const field = term.matchFields?.find((f) => f.key === 'metadata.name' && f.operator === 'In');
    if (!field) return undefined;
    for (const v of field.values ?? []) names.add(v);
  }
  return names;
}

/**
 * fitErrorMessage is FitError.Error(): `0/5 nodes are available: 1 Insufficient memory, 4
 * node(s) didn't match Pod's node affinity/selector.` with the reason histogram sorted, followed
 * by the preemption post-filter's summary.
 */
export function fitErrorMessage(totalNodes: number, failures: FilterFailure[], prefilteredOut = 0): string {
  const histogram = new Map<string, number>();
  const preemption = new Map<string, number>();
  // Nodes the NodeAffinity PreFilter ruled out (not the daemon pod's node) count as affinity misses.
  if (prefilteredOut > 0) {
    histogram.set(SCHED_REASON_NODE_AFFINITY, prefilteredOut);
    preemption.set('Preemption is not helpful for scheduling', prefilteredOut);
  }
  for (const f of failures) {
    for (const r of f.reasons) histogram.set(r, (histogram.get(r) ?? 0) + 1);
    const p = f.unresolvable
      ? 'Preemption is not helpful for scheduling'
      : 'No preemption victims found for incoming pod';
    preemption.set(p, (preemption.get(p) ?? 0) + 1);
  }
  const fmt = (m: Map<string, number>) =>
    [...m.entries()]
      .map(([r, n]) => `${n} ${r}`)
      .sort()
      .join(', ');
  return `0/${totalNodes} nodes are available: ${fmt(histogram)}. preemption: 0/${totalNodes} nodes are available: ${fmt(preemption)}.`;
}
