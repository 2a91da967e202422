// How a DaemonSet takes over what a deleted one left behind (`kubectl delete --cascade=orphan`):
// getDaemonPods claims orphan pods and controlledHistories claims orphan ControllerRevisions,
// both through the controller ref manager (controller_ref_manager.go ClaimPods,
// ClaimControllerRevisions). Adopted pods whose controller-revision-hash matches the current
// revision count as updated; others are rolled like any outdated pod.
import type { ControllerRevision, DaemonSet, Pod } from '../../api/types';
import { labelSelectorMatches } from '../../api/labels';
import type { ObjectStore } from '../../apiserver/objectStore';
import type { ApiServer } from '../../apiserver/apiServer';
import { OrphanIndex, ReleaseIndex, adoptOrphans } from '../controllerRef';

export class DaemonSetAdoption {
  private readonly pods: OrphanIndex<Pod>;
  private readonly revisions: OrphanIndex<ControllerRevision>;
  private readonly mismatched: ReleaseIndex<Pod>;

  /** onOrphanFor is called with each DaemonSet that may adopt a pod that just became (or stays) an orphan. */
  constructor(store: ObjectStore, onOrphanFor: (ds: DaemonSet) => void) {
    // addPod/updatePod: an orphan wakes every DaemonSet whose selector matches it (getDaemonSetsForPod).
    this.pods = new OrphanIndex<Pod>(store, 'Pod', (pod) => {
      for (const ds of store.list<DaemonSet>('DaemonSet', pod.metadata.namespace))
        if (labelSelectorMatches(ds.spec.selector, pod.metadata.labels)) onOrphanFor(ds);
    });
    this.revisions = new OrphanIndex<ControllerRevision>(store, 'ControllerRevision');
    this.mismatched = new ReleaseIndex<Pod>(
      store,
      'Pod',
      'DaemonSet',
      (owner) => (owner as DaemonSet).spec.selector,
      (owner) => onOrphanFor(owner as DaemonSet),
    );
  }

  /**
   * claim adopts the matching orphan revisions (before constructHistory reads them) and pods, and
   * releases the pods whose labels no longer match, which the controller then replaces.
   */
  claim(api: ApiServer, ds: DaemonSet): void {
    adoptOrphans(api, ds, ds.spec.selector, this.revisions);
    adoptOrphans(api, ds, ds.spec.selector, this.pods);
    this.mismatched.release(api, ds, 'Pod');
  }
}
