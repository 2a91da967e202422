// Taints and tolerations, shared by the DaemonSet controller, the scheduler, the taint eviction
// controller and the inspector. Semantics follow staging/src/k8s.io/api/core/v1/toleration.go
// (ToleratesTaint) and staging/src/k8s.io/component-helpers/scheduling/corev1/helpers.go.
import type { Node, Taint, Toleration } from '../api/types';
import { TAINT_NODE_UNSCHEDULABLE } from '../api/wellKnown';

/** TaintFilter picks which taints a check cares about (an inclusion filter, as upstream). */
export type TaintFilter = (taint: Taint) => boolean;

/**
 * isNoScheduleOrNoExecute keeps the taints that stop a pod from being placed. PreferNoSchedule is
 * left out on purpose: it only lowers a node's score and never excludes it.
 */
export const isNoScheduleOrNoExecute: TaintFilter = (t) =>
  t.effect === 'NoSchedule' || t.effect === 'NoExecute';

/** isNoExecute keeps the taints that also evict pods already running on the node. */
export const isNoExecute: TaintFilter = (t) => t.effect === 'NoExecute';

/**
 * toleratesTaint says whether one toleration tolerates one taint (Toleration.ToleratesTaint):
 * an empty effect matches every effect; an empty key matches every key (validation only allows
 * that with operator Exists, so `{operator: Exists}` tolerates everything); Exists matches any
 * value; Equal, or no operator, needs the same value (a missing value counts as "").
 */
export function toleratesTaint(toleration: Toleration, taint: Taint): boolean {
  if (toleration.effect && toleration.effect !== taint.effect) return false;
  if (toleration.key && toleration.key !== taint.key) return false;
  switch (toleration.operator ?? '') {
    case '':
    case 'Equal':
      return (toleration.value ?? '') === (taint.value ?? '');
    case 'Exists':
      return true;
    default:
      // Unknown operators tolerate nothing. (Gt/Lt on taint values is alpha upstream and not modelled.)
      return false;
  }
}

/** tolerationsTolerateTaint says whether any of the tolerations tolerates the taint. */
export function tolerationsTolerateTaint(
  tolerations: readonly Toleration[] | undefined,
  taint: Taint,
): boolean {
  return (tolerations ?? []).some((t) => toleratesTaint(t, taint));
}

/**
 * findMatchingUntoleratedTaint returns the first taint that passes the filter and that no
 * toleration tolerates, or undefined when every such taint is tolerated. Without a filter every
 * taint is checked, PreferNoSchedule included, exactly as upstream.
 */
export function findMatchingUntoleratedTaint(
  taints: readonly Taint[] | undefined,
  tolerations: readonly Toleration[] | undefined,
  filter?: TaintFilter,
): Taint | undefined {
  return (taints ?? []).find((t) => (!filter || filter(t)) && !tolerationsTolerateTaint(tolerations, t));
}

/**
 * findUntoleratedTaints returns every taint that passes the filter and is not tolerated, in the
 * node's order, so an explanation can list them all instead of only the first.
 */
export function findUntoleratedTaints(
  taints: readonly Taint[] | undefined,
  tolerations: readonly Toleration[] | undefined,
  filter?: TaintFilter,
): Taint[] {
  return (taints ?? []).filter((t) => (!filter || filter(t)) && !tolerationsTolerateTaint(tolerations, t));
}

/**
 * getMatchingTolerations returns, when every taint is tolerated, the first tolerating toleration
 * for each taint (the taint eviction controller reads their tolerationSeconds); otherwise
 * `{ tolerated: false, tolerations: [] }`. No taints means tolerated with an empty list.
 */
export function getMatchingTolerations(
  taints: readonly Taint[] | undefined,
  tolerations: readonly Toleration[] | undefined,
): { tolerated: boolean; tolerations: Toleration[] } {
  const result: Toleration[] = [];
  for (const taint of taints ?? []) {
    const match = (tolerations ?? []).find((t) => toleratesTaint(t, taint));
    if (!match) return { tolerated: false, tolerations: [] };
    result.push(match);
  }
  return { tolerated: true, tolerations: result };
}

/** formatTaint prints a taint as kubectl does (Taint.ToString): `key=value:Effect`, or `key:Effect`. */
export function formatTaint(taint: Taint): string {
  return taint.value ? `${taint.key}=${taint.value}:${taint.effect}` : `${taint.key}:${taint.effect}`;
}

/**
 * nodeUnschedulableFits is the scheduler's NodeUnschedulable filter: a cordoned node
 * (`spec.unschedulable`) only takes pods that tolerate node.kubernetes.io/unschedulable:NoSchedule,
 * whether or not the taint itself is on the node yet
 * (pkg/scheduler/framework/plugins/nodeunschedulable/node_unschedulable.go).
 */
export function nodeUnschedulableFits(tolerations: readonly Toleration[] | undefined, node: Node): boolean {
  if (!node.spec.unschedulable) return true;
  return tolerationsTolerateTaint(tolerations, { key: TAINT_NODE_UNSCHEDULABLE, effect: 'NoSchedule' });
}
