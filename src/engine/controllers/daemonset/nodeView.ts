import type { Pod } from '../../api/types';
import { compareByCreationTimestampAndPhase, isPodAvailable, isPodReady } from '../../api/podUtil';
import { parseTimestamp } from '../../clock/clock';
import type { NodePlacement } from './placement';
import { findUpdatedPodsOnNode } from './rollingUpdate';

/** StatusContribution is what one node adds to the DaemonSet status (updateDaemonSetStatus's loop body). */
export interface StatusContribution {
  desired: number;
  current: number;
  misscheduled: number;
  ready: number;
  available: number;
  updated: number;
}

/**
 * RolloutCategory is the role a node plays in rollingUpdate: the buckets update.go sorts nodes into
 * as it ranges over them (unavailable, an old pod to replace, a surge candidate, …).
 */
export type RolloutCategory =
  | 'none' // not in nodeToDaemonPods and should not run: not looked at
  | 'settled' // the new pod is available here
  | 'unavailable' // excess pods, nothing yet, or both old and new, or a new pod not yet available
  | 'oldAvailable' // an available old pod: a candidate to replace (or to surge next to)
  | 'oldUnavailable' // an unavailable old pod: replaced at once
  | 'bothNewAvailable'; // surge: the new pod is available, the old one goes

/** NodeView is everything the controller derives from one node and the DaemonSet's pods on it. */
export interface NodeView {
  placement: NodePlacement;
  pods: Pod[];
  status: StatusContribution;
  category: RolloutCategory;
  /** The surge bookkeeping of update.go: a node with a not-yet-available new pod next to an old one. */
  surging: boolean;
  /** The old pod (to delete) and whether the pod here counts as available. */
  oldPod?: Pod;
  counted: boolean;
  /** When a ready pod here turns available (minReadySeconds), if that is still ahead. */
  availableAt?: number;
}

function readySince(pod: Pod): number | undefined {
  const ready = pod.status?.conditions?.find((c) => c.type === 'Ready');
  return ready?.status === 'True' ? parseTimestamp(ready.lastTransitionTime) : undefined;
}

// A node that is gone runs nothing; its pods still take part in a rollout as on a node that no
// longer qualifies (rollingUpdate ranges over nodeToDaemonPods, not the node list).
const GONE: NodePlacement = { shouldRun: false, shouldContinueRunning: false };

/**
 * viewNode classifies one node at time `now`: its status contribution (the oldest pod counts, as
 * upstream sorts podByCreationTimestampAndPhase) and its rollout category (findUpdatedPodsOnNode).
 * `placement` is undefined for a node that no longer exists: updateDaemonSetStatus ranges over the
 * node list only, so pods still aimed at it count in no status field. The controller recomputes a
 * view only when something on the node changed, or when a pod there reaches minReadySeconds.
 */
export function viewNode(
  nodePlacement: NodePlacement | undefined,
  pods: Pod[],
  isUpdated: (pod: Pod) => boolean,
  minReadySeconds: number,
  now: number,
): NodeView {
  const placement = nodePlacement ?? GONE;
  const scheduled = pods.length > 0;
  const status: StatusContribution = {
    desired: 0,
    current: 0,
    misscheduled: 0,
    ready: 0,
    available: 0,
    updated: 0,
  };
  let availableAt: number | undefined;
  const noteReady = (pod: Pod) => {
    const since = readySince(pod);
    if (since === undefined || !minReadySeconds) return;
    const at = since + minReadySeconds;
    if (at > now) availableAt = Math.min(availableAt ?? Infinity, at);
  };
  for (const pod of pods) noteReady(pod);
  // A node missing from the node list adds to no field, not even numberMisscheduled.
  if (placement.shouldRun) {
    status.desired = 1;
    if (scheduled) {
      status.current = 1;
      const pod = pods.length === 1 ? pods[0]! : [...pods].sort(compareByCreationTimestampAndPhase)[0]!;
      if (isPodReady(pod)) {
        status.ready = 1;
        if (isPodAvailable(pod, minReadySeconds, now)) status.available = 1;
      }
      if (isUpdated(pod)) status.updated = 1;
    }
  } else if (scheduled && nodePlacement) status.misscheduled = 1;

  const view: NodeView = { placement, pods, status, category: 'none', surging: false, counted: false };
  if (availableAt !== undefined) view.availableAt = availableAt;
  if (!scheduled && !placement.shouldRun) return view;
  const available = (p: Pod) => isPodAvailable(p, minReadySeconds, now);
  const { newPod, oldPod, ok } = findUpdatedPodsOnNode(pods, isUpdated);
  if (!ok) {
    view.category = 'unavailable';
    view.surging = true;
    return view;
  }
  if (oldPod) {
    view.oldPod = oldPod;
    view.counted = available(oldPod);
  } else if (newPod) view.counted = available(newPod);
  if (!oldPod && !newPod) view.category = 'unavailable';
  else if (oldPod && newPod) {
    if (available(newPod)) view.category = 'bothNewAvailable';
    else {
      view.category = 'unavailable';
      view.surging = true;
    }
  } else if (newPod) view.category = available(newPod) ? 'settled' : 'unavailable';
  else view.category = available(oldPod!) ? 'oldAvailable' : 'oldUnavailable';
  return view;
}
