// What the DaemonSet table says about a DaemonSet being deleted: it stays listed while a
// finalizer holds it — `foregroundDeletion` until its pods are gone, `orphan` until the garbage
// collector has released them — as `kubectl get ds -o yaml` shows with deletionTimestamp.
import type { DaemonSet, Pod } from '../../engine/api/types';

/** deletionText is the note for a DaemonSet with a deletionTimestamp; undefined for one that is not being deleted. */
export function deletionText(ds: DaemonSet, pods: readonly Pod[]): string | undefined {
  const since = ds.metadata.deletionTimestamp;
  if (!since) return undefined;
  const finalizers = ds.metadata.finalizers ?? [];
  const left = pods.length;
  const podsText = `${left} pod${left === 1 ? '' : 's'}`;
  if (finalizers.includes('foregroundDeletion'))
    return `Terminating (foreground deletion since ${since}): waiting for ${podsText} to be deleted first`;
  if (finalizers.includes('orphan'))
    return `Terminating (orphan deletion since ${since}): releasing ${podsText}, which keep running`;
  return `Terminating since ${since}: waiting for finalizers ${finalizers.join(', ') || '<none>'}`;
}
