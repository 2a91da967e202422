// How a paused Deployment scales (deployment_controller's scale(), sync.go): with one active
// ReplicaSet it takes the new size; with several (a rollout was paused half-way) the change is
// shared in proportion to their sizes, the rest going to the largest, so the mix of revisions
// stays as the rollout left it.
import type { ReplicaSet } from '../../api/types';

const sizeOf = (rs: ReplicaSet) => rs.spec.replicas ?? 0;
const createdOf = (rs: ReplicaSet) => rs.metadata.creationTimestamp ?? '';

/** pausedScale returns the ReplicaSets to resize and their new sizes. */
export function pausedScale(
  all: readonly ReplicaSet[],
  current: ReplicaSet | undefined,
  replicas: number,
  maxSurge: number,
): [ReplicaSet, number][] {
  const active = all.filter((rs) => sizeOf(rs) > 0);
  if (active.length <= 1) {
    // FindActiveOrLatest: the one with pods, else the current template's, else the newest.
    const target =
      active[0] ?? current ?? [...all].sort((a, b) => createdOf(b).localeCompare(createdOf(a)))[0];
    return target && sizeOf(target) !== replicas ? [[target, replicas]] : [];
  }
  const total = active.reduce((s, rs) => s + sizeOf(rs), 0);
  const toAdd = replicas + maxSurge - total;
  if (toAdd === 0) return [];
  // Largest first (newer first among equals) when growing, smallest first when shrinking.
  const order = [...active].sort((a, b) => {
    const bySize = toAdd > 0 ? sizeOf(b) - sizeOf(a) : sizeOf(a) - sizeOf(b);
    return bySize !== 0 ? bySize : createdOf(b).localeCompare(createdOf(a));
  });
  const sizes = new Map(order.map((rs) => [rs, sizeOf(rs)]));
  let added = 0;
  for (const rs of order) {
    const share = Math.trunc((sizeOf(rs) * toAdd) / total);
    const bounded = toAdd > 0 ? Math.min(share, toAdd - added) : Math.max(share, toAdd - added);
    sizes.set(rs, Math.max(0, sizeOf(rs) + bounded));
    added += bounded;
  }
  const first = order[0]!;
  if (added !== toAdd) sizes.set(first, Math.max(0, sizes.get(first)! + toAdd - added));
  return order.filter((rs) => sizes.get(rs) !== sizeOf(rs)).map((rs) => [rs, sizes.get(rs)!]);
}
