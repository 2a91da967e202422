// TaintNodesByCondition: the NoSchedule taints the node lifecycle controller keeps in step with a
// node's conditions and with `spec.unschedulable`, as doNoScheduleTaintingPass in
// pkg/controller/nodelifecycle/node_lifecycle_controller.go does on every node add or update.
import type { Node, Taint } from '../../api/types';
import {
  TAINT_NODE_DISK_PRESSURE,
  TAINT_NODE_MEMORY_PRESSURE,
  TAINT_NODE_NETWORK_UNAVAILABLE,
  TAINT_NODE_NOT_READY,
  TAINT_NODE_PID_PRESSURE,
  TAINT_NODE_UNREACHABLE,
  TAINT_NODE_UNSCHEDULABLE,
} from '../../api/wellKnown';

// nodeConditionToTaintKeyStatusMap: which condition, in which status, means which taint.
const CONDITION_TAINTS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  Ready: { False: TAINT_NODE_NOT_READY, Unknown: TAINT_NODE_UNREACHABLE },
  MemoryPressure: { True: TAINT_NODE_MEMORY_PRESSURE },
  DiskPressure: { True: TAINT_NODE_DISK_PRESSURE },
  NetworkUnavailable: { True: TAINT_NODE_NETWORK_UNAVAILABLE },
  PIDPressure: { True: TAINT_NODE_PID_PRESSURE },
};

// The keys this pass owns: only NoSchedule taints with one of them are compared and changed.
const OWNED_KEYS = new Set([
  TAINT_NODE_UNSCHEDULABLE,
  ...Object.values(CONDITION_TAINTS).flatMap((byStatus) => Object.values(byStatus)),
]);

/** desiredNoScheduleTaintKeys lists the NoSchedule taint keys the node's state calls for, in condition order. */
export function desiredNoScheduleTaintKeys(node: Node): string[] {
  const keys: string[] = [];
  for (const c of node.status?.conditions ?? []) {
    const key = CONDITION_TAINTS[c.type]?.[c.status];
    if (key && !keys.includes(key)) keys.push(key);
  }
  if (node.spec.unschedulable) keys.push(TAINT_NODE_UNSCHEDULABLE);
  return keys;
}

function owned(t: Taint): boolean {
  return t.effect === 'NoSchedule' && OWNED_KEYS.has(t.key);
}

/**
 * noScheduleTaintsFor returns the node's taints after the pass (TaintSetDiff, then
 * SwapNodeControllerTaint: missing taints appended with timeAdded, stale ones removed), or
 * undefined when nothing changes. Taints a user set with other keys or effects are left alone.
 */
export function noScheduleTaintsFor(node: Node, timestamp: string): Taint[] | undefined {
  const want = desiredNoScheduleTaintKeys(node);
  const taints = node.spec.taints ?? [];
  const have = taints.filter(owned).map((t) => t.key);
  const add = want.filter((k) => !have.includes(k));
  const remove = new Set(have.filter((k) => !want.includes(k)));
  if (add.length === 0 && remove.size === 0) return undefined;
  return [
    ...taints.filter((t) => !(owned(t) && remove.has(t.key))),
    ...add.map((key): Taint => ({ key, effect: 'NoSchedule', timeAdded: timestamp })),
  ];
}
