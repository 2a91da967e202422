// What the DaemonSet table shows per DaemonSet, derived once per cluster snapshot (at most four a
// second on a big cluster) rather than on every clock tick: the table re-renders each frame for
// AGE, and each rollout progress reads thousands of pods.
import type { ControllerRevision, DaemonSet, Pod } from '../../engine/api/types';
import type { ClusterLists } from '../model/cluster';
import { deletionText } from './deletion';
import type { RolloutProgress } from './rolloutProgress';
import { rolloutProgress } from './rolloutProgress';

export interface DaemonSetRowModel {
  ds: DaemonSet;
  /** The row's key and the history toggle's id (the name when the uid is missing). */
  id: string;
  pods: readonly Pod[];
  progress: RolloutProgress;
  /** Why it is being deleted (a finalizer, its pods), or undefined while it is not. */
  deleting: string | undefined;
  /** How many ControllerRevisions it owns. */
  revisionCount: number;
}

const NO_PODS: readonly Pod[] = [];

function ownedRevisions(revisions: readonly ControllerRevision[], ds: DaemonSet): number {
  return revisions.filter((r) => r.metadata.ownerReferences?.some((o) => o.uid === ds.metadata.uid)).length;
}

/** daemonSetRows is one row model per DaemonSet, in the listing's order. */
export function daemonSetRows(
  lists: ClusterLists,
  byOwner: ReadonlyMap<string, readonly Pod[]>,
): DaemonSetRowModel[] {
  return lists.daemonSets.map((ds) => {
    const pods = byOwner.get(ds.metadata.uid ?? '') ?? NO_PODS;
    return {
      ds,
      id: ds.metadata.uid ?? ds.metadata.name,
      pods,
      progress: rolloutProgress(ds, pods),
      deleting: deletionText(ds, pods),
      revisionCount: ownedRevisions(lists.revisions, ds),
    };
  });
}
