import type { DaemonSet, IntOrString, Pod } from '../../api/types';
import type { Rng } from '../../clock/rng';
import type { DaemonSetState } from './dsState';

/**
 * scaledValue is intstr.GetScaledValueFromIntOrPercent: an int as is, a percentage of `total`
 * rounded up or down.
 */
export function scaledValue(value: IntOrString | undefined, total: number, roundUp: boolean): number {
  if (value === undefined) return 0;
  if (typeof value === 'number') return value;
  const m = /^(\d+)%$/.exec(value.trim());
  if (!m) {
    const n = Number(value);
    return Number.isInteger(n) ? n : 0;
  }
  const scaled = (Number(m[1]) * total) / 100;
  return roundUp ? Math.ceil(scaled) : Math.floor(scaled);
}

/** allowsSurge is util.AllowsSurge: RollingUpdate with a maxSurge that scales above zero. */
export function allowsSurge(ds: DaemonSet): boolean {
  const ru = ds.spec.updateStrategy?.rollingUpdate;
  if (ds.spec.updateStrategy?.type === 'OnDelete' || !ru) return false;
  // Scaled against one node, rounding up: any non-zero percentage allows surge (util.AllowsSurge).
  return scaledValue(ru.maxSurge, 1, true) !== 0;
}

/**
 * surgeAndUnavailable is updatedDesiredNodeCounts: maxSurge and maxUnavailable scaled (rounding up)
 * against the number of nodes that should run the pod, with the impossible 0/0 treated as 1 unavailable.
 */
export function surgeAndUnavailable(
  ds: DaemonSet,
  desired: number,
): { maxSurge: number; maxUnavailable: number } {
  const ru = ds.spec.updateStrategy?.rollingUpdate;
  let maxUnavailable = scaledValue(ru?.maxUnavailable ?? 1, desired, true);
  const maxSurge = scaledValue(ru?.maxSurge ?? 0, desired, true);
  if (desired > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable };
}

/**
 * findUpdatedPodsOnNode returns the node's non-deleted new and old pod, or ok=false when there is
 * more than one of either (the manage loop prunes those first).
 */
export function findUpdatedPodsOnNode(
  pods: Pod[],
  isUpdated: (pod: Pod) => boolean,
): { newPod?: Pod; oldPod?: Pod; ok: boolean } {
  let newPod: Pod | undefined;
  let oldPod: Pod | undefined;
  for (const pod of pods) {
    if (pod.metadata.deletionTimestamp) continue;
    if (isUpdated(pod)) {
      if (newPod) return { ok: false };
      newPod = pod;
    } else {
      if (oldPod) return { ok: false };
      oldPod = pod;
    }
  }
  return { newPod, oldPod, ok: true };
}

/** RollingUpdateDecision lists the old pods to delete and the nodes that get a new pod now. */
export interface RollingUpdateDecision {
  podsToDelete: Pod[];
  nodesToCreate: string[];
}

/**
 * rollingUpdateFromBuckets is update.go rollingUpdate over the controller's incremental buckets
 * (DaemonSetState): the same decision, drawn from per-node categories kept up to date as pods
 * change, so each sync costs the number of pods it acts on instead of the number of nodes.
 * Candidates are sampled at random, as upstream's Go map iteration picks them. The from-scratch
 * version it must agree with is in tests/oracles/daemonset.ts.
 */
export function rollingUpdateFromBuckets(
  ds: DaemonSet,
  state: DaemonSetState,
  rng: Rng,
): RollingUpdateDecision {
  const desired = state.totals.desired;
  const { maxSurge, maxUnavailable } = surgeAndUnavailable(ds, desired);
  const oldPodOf = (node: string) => state.views.get(node)?.oldPod;
  const pods = (nodes: readonly string[]) => nodes.flatMap((n) => oldPodOf(n) ?? []);
  const { sets } = state;
  if (maxSurge === 0) {
    const allowed = pods([...sets.oldUnavailable.values(), ...sets.oldUnavailableNoRun.values()]);
    const candidates = sets.oldAvailable.size + sets.oldAvailableNoRun.size;
    const remaining = Math.min(Math.max(0, maxUnavailable - state.unavailable), candidates);
    // Draw from both candidate buckets as if they were one.
    const fromRun = Math.round((remaining * sets.oldAvailable.size) / Math.max(1, candidates));
    const picked = [
      ...sets.oldAvailable.sample(rng, Math.min(fromRun, sets.oldAvailable.size)),
      ...sets.oldAvailableNoRun.sample(rng, remaining - Math.min(fromRun, sets.oldAvailable.size)),
    ];
    return { podsToDelete: [...allowed, ...pods(picked)], nodesToCreate: [] };
  }
  const podsToDelete = pods([...sets.bothNewAvailable.values(), ...sets.oldUnavailableNoRun.values()]);
  const deletable = Math.min(state.counted - desired, sets.oldAvailableNoRun.size);
  podsToDelete.push(...pods(sets.oldAvailableNoRun.values().slice(0, Math.max(0, deletable))));
  const remainingSurge = Math.min(Math.max(0, maxSurge - state.surging), sets.oldAvailable.size);
  const nodesToCreate = [...sets.oldUnavailable.values(), ...sets.oldAvailable.sample(rng, remainingSurge)];
  return { podsToDelete, nodesToCreate };
}
