// One reader's slice of the cluster, remembered so that a change elsewhere in the cluster does
// not wake it: the function useCluster hands to useSyncExternalStore as its snapshot. React
// re-renders a subscriber only when this returns something new (Object.is), so a slice that
// compares equal keeps the identity it had.
import type { ClusterRead } from './clusterMirror';

export type ClusterSelector<T> = (cluster: ClusterRead) => T;
export type Equality<T> = (a: T, b: T) => boolean;

/**
 * createSelection returns `select`: the slice `selector` picks from `source`, computed again
 * only for a new version or a new selector, and the previous slice itself while `isEqual` finds
 * the new one the same.
 */
export function createSelection<T>() {
  let memo: { source: ClusterRead; version: number; selector: ClusterSelector<T>; value: T } | null = null;
  return function select(
    source: ClusterRead,
    selector: ClusterSelector<T>,
    isEqual: Equality<T> = Object.is,
  ): T {
    const version = source.version;
    if (memo && memo.source === source && memo.version === version && memo.selector === selector)
      return memo.value;
    const next = selector(source);
    const value = memo && memo.source === source && isEqual(memo.value, next) ? memo.value : next;
    memo = { source, version, selector, value };
    return value;
  };
}
