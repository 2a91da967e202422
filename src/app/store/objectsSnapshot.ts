// A copy of the store's live object record that never changes afterwards, for readers that
// remember derivations by record identity (useMemo, the listings in model/cluster.ts). The live
// record is changed in place by every applied diff (clusterSlice.ts), so it cannot serve them.
import type { KubeObject } from '../../engine/api/types';
import type { ClusterSlice } from './clusterSlice';

let last: { objects: object; version: number; snapshot: Readonly<Record<string, KubeObject>> } | null = null;

/**
 * objectsSnapshot returns the store's objects as they are now, copied at most once per change:
 * every reader of the same version shares one copy (and so one listing).
 */
export function objectsSnapshot(
  s: Pick<ClusterSlice, 'objects' | 'objectsVersion'>,
): Readonly<Record<string, KubeObject>> {
  if (!last || last.objects !== s.objects || last.version !== s.objectsVersion)
    last = { objects: s.objects, version: s.objectsVersion, snapshot: { ...s.objects } };
  return last.snapshot;
}
