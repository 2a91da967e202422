// One step of a Deployment's rolling update, as pkg/controller/deployment/rolling.go takes it
// (rolloutRolling): first reconcileNewReplicaSet, and only when that scales nothing,
// reconcileOldReplicaSets. Sizes are the ReplicaSets' spec.replicas; availability is their
// status.availableReplicas. Pure: the controller applies the returned scales.
import type { Deployment, ReplicaSet } from '../../api/types';
import { scaledValue } from '../daemonset/rollingUpdate';

export interface Fenceposts {
  maxSurge: number;
  maxUnavailable: number;
}

/**
 * resolveFenceposts is deployment_util.go ResolveFenceposts: maxSurge scaled rounding up,
 * maxUnavailable rounding down (25 % each by default); both 0 would deadlock, so unavailable is 1.
 */
export function resolveFenceposts(d: Deployment): Fenceposts {
  const replicas = d.spec.replicas ?? 1;
  const ru = d.spec.strategy?.rollingUpdate;
  const maxSurge = scaledValue(ru?.maxSurge ?? '25%', replicas, true);
  const maxUnavailable = scaledValue(ru?.maxUnavailable ?? '25%', replicas, false);
  return { maxSurge, maxUnavailable: maxSurge === 0 && maxUnavailable === 0 ? 1 : maxUnavailable };
}

const sizeOf = (rs: ReplicaSet) => rs.spec.replicas ?? 0;
const availableOf = (rs: ReplicaSet) => rs.status?.availableReplicas ?? 0;
const sumSizes = (sets: readonly ReplicaSet[]) => sets.reduce((s, rs) => s + sizeOf(rs), 0);

// ReplicaSetsByCreationTimestamp: the oldest first, by name among equals.
function byCreation(a: ReplicaSet, b: ReplicaSet): number {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

/**
 * newRSNewReplicas is deployment_util.go NewRSNewReplicas for RollingUpdate: grow the new
 * ReplicaSet by what the surge allowance leaves (replicas + maxSurge − every ReplicaSet's size),
 * never past replicas.
 */
export function newRSNewReplicas(d: Deployment, all: readonly ReplicaSet[], newRS: ReplicaSet): number {
  const replicas = d.spec.replicas ?? 1;
  const { maxSurge } = resolveFenceposts(d);
  const current = sumSizes(all);
  const maxTotal = replicas + maxSurge;
  if (current >= maxTotal) return sizeOf(newRS);
  return sizeOf(newRS) + Math.min(maxTotal - current, Math.max(0, replicas - sizeOf(newRS)));
}

export type Scale = [ReplicaSet, number];

/** reconcileNewReplicaSet returns the new ReplicaSet's scale, if it should change. */
export function reconcileNewReplicaSet(
  d: Deployment,
  all: readonly ReplicaSet[],
  newRS: ReplicaSet,
): Scale | undefined {
  const replicas = d.spec.replicas ?? 1;
  if (sizeOf(newRS) === replicas) return undefined;
  if (sizeOf(newRS) > replicas) return [newRS, replicas];
  const to = newRSNewReplicas(d, all, newRS);
  return to !== sizeOf(newRS) ? [newRS, to] : undefined;
}

/**
 * reconcileOldReplicaSets scales old ReplicaSets down without taking available pods below
 * replicas − maxUnavailable. The bound on how far it may go (maxScaledDown) counts the new
 * ReplicaSet's pods that are not available yet, so old pods only go as new ones become available.
 * Unhealthy old pods are cleaned up first (cleanupUnhealthyReplicas), then healthy ones
 * (scaleDownOldReplicaSetsForRollingUpdate), the oldest ReplicaSet first.
 */
export function reconcileOldReplicaSets(
  d: Deployment,
  old: readonly ReplicaSet[],
  newRS: ReplicaSet,
): Scale[] {
  if (sumSizes(old) === 0) return [];
  const replicas = d.spec.replicas ?? 1;
  const { maxUnavailable } = resolveFenceposts(d);
  const minAvailable = replicas - maxUnavailable;
  const newUnavailable = sizeOf(newRS) - availableOf(newRS);
  const maxScaledDown = sumSizes([...old, newRS]) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return [];
  const sizes = new Map<ReplicaSet, number>(old.map((rs) => [rs, sizeOf(rs)]));
  const ordered = [...old].sort(byCreation);
  // cleanupUnhealthyReplicas: old pods that are not available cost nothing to remove.
  let cleaned = 0;
  for (const rs of ordered) {
    if (cleaned >= maxScaledDown) break;
    const size = sizes.get(rs)!;
    const unhealthy = size - availableOf(rs);
    if (size === 0 || unhealthy <= 0) continue;
    const down = Math.min(maxScaledDown - cleaned, unhealthy);
    sizes.set(rs, size - down);
    cleaned += down;
  }
  // scaleDownOldReplicaSetsForRollingUpdate: available pods above minAvailable may go.
  const available = availableOf(newRS) + old.reduce((s, rs) => s + availableOf(rs), 0);
  let budget = available - minAvailable;
  for (const rs of ordered) {
    if (budget <= 0) break;
    const size = sizes.get(rs)!;
    if (size === 0) continue;
    const down = Math.min(size, budget);
    sizes.set(rs, size - down);
    budget -= down;
  }
  return ordered.filter((rs) => sizes.get(rs) !== sizeOf(rs)).map((rs) => [rs, sizes.get(rs)!]);
}
