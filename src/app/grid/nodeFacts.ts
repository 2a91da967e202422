// What a node card says about the node beyond its name: how much of its cpu and memory the pods
// on it request (the scheduler's view, not usage), and the conditions that matter (pressure,
// NotReady/Unknown). Pure; the sums use the scheduler's own podRequests/nodeAllocatable.
import type { Node, Pod } from '../../engine/api/types';
import { formatAmount } from '../../engine/explain/words';
import { nodeAllocatable, podRequests } from '../../engine/predicates';

export interface ResourceBar {
  resource: 'cpu' | 'memory';
  /** Sum of the requests of the node's unfinished pods (millicores, bytes). */
  requested: number;
  allocatable: number;
  /** requested / allocatable, 0 when the node has none; may exceed 1 (nothing stops a bound pod). */
  fraction: number;
  /** `1.2/4` for cpu, `456Mi/8Gi` for memory. */
  text: string;
}

const BAR_RESOURCES = ['cpu', 'memory'] as const;

/**
 * nodeResources sums what the pods bound to the node request against its allocatable, as the
 * scheduler counts it: Succeeded and Failed pods (an Evicted pod is Failed) hold nothing, while
 * a terminating pod holds its requests until it is gone.
 */
export function nodeResources(node: Node, podsOnNode: readonly Pod[]): ResourceBar[] {
  const allocatable = nodeAllocatable(node);
  const requested: Record<string, number> = {};
  for (const pod of podsOnNode) {
    const phase = pod.status?.phase;
    if (phase === 'Succeeded' || phase === 'Failed') continue;
    for (const [name, amount] of Object.entries(podRequests(pod.spec)))
      requested[name] = (requested[name] ?? 0) + amount;
  }
  return BAR_RESOURCES.map((resource) => {
    const used = requested[resource] ?? 0;
    const total = allocatable[resource] ?? 0;
    return {
      resource,
      requested: used,
      allocatable: total,
      fraction: total > 0 ? used / total : 0,
      text: `${formatAmount(resource, used)}/${formatAmount(resource, total)}`,
    };
  });
}

/** PRESSURE_CONDITIONS are the kubelet's node-pressure conditions (True means under pressure). */
export const PRESSURE_CONDITIONS = ['MemoryPressure', 'DiskPressure', 'PIDPressure'] as const;

/** nodeConditions lists the conditions in trouble: pressure that is True, NetworkUnavailable. */
export function nodeConditions(node: Node): string[] {
  const conditions = node.status.conditions ?? [];
  const bad = conditions
    .filter((c) => (PRESSURE_CONDITIONS as readonly string[]).includes(c.type) && c.status === 'True')
    .map((c) => c.type);
  if (conditions.some((c) => c.type === 'NetworkUnavailable' && c.status === 'True'))
    bad.push('NetworkUnavailable');
  return bad;
}
