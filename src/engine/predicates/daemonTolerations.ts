// The tolerations every daemon pod gets, added once when the pod is built, as
// pkg/controller/daemon/util/daemonset_util.go (AddOrUpdateDaemonPodTolerations) does.
import type { PodSpec, Toleration } from '../api/types';
import {
  TAINT_NODE_DISK_PRESSURE,
  TAINT_NODE_MEMORY_PRESSURE,
  TAINT_NODE_NETWORK_UNAVAILABLE,
  TAINT_NODE_NOT_READY,
  TAINT_NODE_PID_PRESSURE,
  TAINT_NODE_UNREACHABLE,
  TAINT_NODE_UNSCHEDULABLE,
} from '../api/wellKnown';

/**
 * daemonPodTolerations lists the tolerations the DaemonSet controller adds to its pods, in
 * upstream's order. network-unavailable is only added for hostNetwork pods: a pod on the node's
 * network does not need the pod network to be up, every other pod does.
 */
export function daemonPodTolerations(hostNetwork: boolean): Toleration[] {
  const exists = (key: string, effect: 'NoSchedule' | 'NoExecute'): Toleration => ({
    key,
    operator: 'Exists',
    effect,
  });
  return [
    // Daemon pods tolerate not-ready and unreachable NoExecute forever (no tolerationSeconds), so
    // the taint-based eviction that follows a node failure never removes them.
    exists(TAINT_NODE_NOT_READY, 'NoExecute'),
    exists(TAINT_NODE_UNREACHABLE, 'NoExecute'),
    // TaintNodesByCondition: daemon pods also run on nodes under pressure and on cordoned nodes.
    exists(TAINT_NODE_DISK_PRESSURE, 'NoSchedule'),
    exists(TAINT_NODE_MEMORY_PRESSURE, 'NoSchedule'),
    exists(TAINT_NODE_PID_PRESSURE, 'NoSchedule'),
    exists(TAINT_NODE_UNSCHEDULABLE, 'NoSchedule'),
    ...(hostNetwork ? [exists(TAINT_NODE_NETWORK_UNAVAILABLE, 'NoSchedule')] : []),
  ];
}

// sameIdentity is Toleration.MatchToleration: tolerations are unique by key, effect, operator
// and value (missing strings count as "", as in Go's zero values).
function sameIdentity(a: Toleration, b: Toleration): boolean {
  return (
    (a.key ?? '') === (b.key ?? '') &&
    (a.effect ?? '') === (b.effect ?? '') &&
    (a.operator ?? '') === (b.operator ?? '') &&
    (a.value ?? '') === (b.value ?? '')
  );
}

function sameToleration(a: Toleration, b: Toleration): boolean {
  return sameIdentity(a, b) && a.tolerationSeconds === b.tolerationSeconds;
}

/**
 * addOrUpdateToleration returns the list with the toleration added, or, when one with the same
 * key, effect, operator and value exists, replaced by it (so a user's `tolerationSeconds: 300` on
 * not-ready:NoExecute becomes the controller's "forever"), as v1helper.AddOrUpdateTolerationInPodSpec.
 * The input list is not changed.
 */
export function addOrUpdateToleration(
  tolerations: readonly Toleration[],
  toleration: Toleration,
): Toleration[] {
  if (tolerations.some((t) => sameToleration(t, toleration))) return tolerations.map((t) => ({ ...t }));
  let replaced = false;
  const result = tolerations.map((t) => {
    if (!sameIdentity(t, toleration)) return { ...t };
    replaced = true;
    return { ...toleration };
  });
  return replaced ? result : [...result, { ...toleration }];
}

/**
 * addOrUpdateDaemonPodTolerations returns a copy of the pod spec with the daemon tolerations
 * added or updated; the given spec is left untouched.
 */
export function addOrUpdateDaemonPodTolerations(spec: PodSpec): PodSpec {
  const tolerations = daemonPodTolerations(spec.hostNetwork === true).reduce(
    (list, t) => addOrUpdateToleration(list, t),
    spec.tolerations ?? [],
  );
  return { ...spec, tolerations };
}
