import type { DaemonSet, Pod } from '../../api/types';
import { compareByCreationTimestampAndPhase, isPodAvailable, isPodReady } from '../../api/podUtil';
import { CONTROLLER_REVISION_HASH } from './keys';

/** NodePlacement is nodeShouldRunDaemonPod's answer for one node. */
export interface NodePlacement {
  shouldRun: boolean;
  shouldContinueRunning: boolean;
}

/** FailedPodNote reports what podsShouldBeOnNode did with a Failed daemon pod. */
export interface FailedPodNote {
  pod: Pod;
  /** Delete now (and emit FailedDaemonPod), or wait out the back-off. */
  action: 'delete' | 'backoff';
  delay: number;
}

export interface NodeDecision {
  createOnNode: boolean;
  podsToDelete: Pod[];
  failed: FailedPodNote[];
  succeeded: Pod[];
}

export interface FailedPodBackoff {
  /** Returns 0 when the failed pod may be deleted now, or the remaining delay to wait. */
  check(pod: Pod): number;
}

/**
 * podsShouldBeOnNode decides, for one node, whether the DaemonSet needs a pod created there and
 * which of its pods must go (daemon_controller.go podsShouldBeOnNode). Pods being deleted are
 * counted as present, so a replacement waits until the old pod is gone when surge is off.
 */
export function podsShouldBeOnNode(
  placement: NodePlacement,
  daemonPods: Pod[] | undefined,
  ds: DaemonSet,
  hash: string,
  now: number,
  backoff: FailedPodBackoff,
  allowsSurge: boolean,
): NodeDecision {
  const decision: NodeDecision = { createOnNode: false, podsToDelete: [], failed: [], succeeded: [] };
  const exists = daemonPods !== undefined && daemonPods.length > 0;
  const { shouldRun, shouldContinueRunning } = placement;

  if (shouldRun && !exists) {
    decision.createOnNode = true;
    return decision;
  }
  if (shouldContinueRunning) {
    const running: Pod[] = [];
    for (const pod of daemonPods ?? []) {
      if (pod.metadata.deletionTimestamp) continue;
      if (pod.status?.phase === 'Failed') {
        // The DaemonSet controller fights with kubelets that reject pods; back off instead of hot-looping.
        const delay = backoff.check(pod);
        decision.failed.push({ pod, action: delay > 0 ? 'backoff' : 'delete', delay });
        if (delay === 0) decision.podsToDelete.push(pod);
      } else if (pod.status?.phase === 'Succeeded') {
        decision.succeeded.push(pod);
        decision.podsToDelete.push(pod);
      } else {
        running.push(pod);
      }
    }
    if (!allowsSurge) {
      // Without surge, more than one running pod on a node: keep the oldest.
      if (running.length > 1) {
        running.sort(compareByCreationTimestampAndPhase);
        decision.podsToDelete.push(...running.slice(1));
      }
      return decision;
    }
    if (running.length <= 1) {
      // Surging: there must be at least one non-deleted pod on the node.
      if (running.length === 0 && shouldRun) decision.createOnNode = true;
      return decision;
    }
    // With surge, two pods may share a node only while the new one is not yet available and the
    // old one is still ready; all others go.
    running.sort(compareByCreationTimestampAndPhase);
    let oldestNew: Pod | undefined;
    let oldestOld: Pod | undefined;
    for (const pod of running) {
      const isNew = pod.metadata.labels?.[CONTROLLER_REVISION_HASH] === hash;
      if (isNew && !oldestNew) oldestNew = pod;
      else if (!isNew && !oldestOld) oldestOld = pod;
      else decision.podsToDelete.push(pod);
    }
    if (oldestNew && oldestOld) {
      if (!isPodReady(oldestOld)) decision.podsToDelete.push(oldestOld);
      else if (isPodAvailable(oldestNew, ds.spec.minReadySeconds ?? 0, now))
        decision.podsToDelete.push(oldestOld);
    }
    return decision;
  }
  if (exists) {
    // The node should not run this daemon pod, but it does: delete them all.
    for (const pod of daemonPods) if (!pod.metadata.deletionTimestamp) decision.podsToDelete.push(pod);
  }
  return decision;
}
