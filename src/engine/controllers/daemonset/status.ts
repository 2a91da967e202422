import type { DaemonSet, DaemonSetStatus, Node, Pod } from '../../api/types';
import { compareByCreationTimestampAndPhase, isPodAvailable, isPodReady } from '../../api/podUtil';
import type { NodePlacement } from './placement';

/**
 * computeDaemonSetStatus is updateDaemonSetStatus's count, recomputed from scratch each sync: for
 * every node that should run the pod, look at its oldest daemon pod; pods on nodes that should not
 * run it are misscheduled.
 */
export function computeDaemonSetStatus(
  ds: DaemonSet,
  nodes: Node[],
  nodeToDaemonPods: Map<string, Pod[]>,
  placement: (node: Node) => NodePlacement,
  isUpdated: (pod: Pod) => boolean,
  now: number,
): Omit<DaemonSetStatus, 'observedGeneration' | 'collisionCount'> {
  let desired = 0;
  let current = 0;
  let misscheduled = 0;
  let ready = 0;
  let available = 0;
  let updated = 0;
  const minReady = ds.spec.minReadySeconds ?? 0;
  for (const node of nodes) {
    const pods = nodeToDaemonPods.get(node.metadata.name);
    const scheduled = pods !== undefined && pods.length > 0;
    if (!placement(node).shouldRun) {
      if (scheduled) misscheduled++;
      continue;
    }
    desired++;
    if (!scheduled) continue;
    current++;
    const pod = pods.length === 1 ? pods[0]! : [...pods].sort(compareByCreationTimestampAndPhase)[0]!;
    if (isPodReady(pod)) {
      ready++;
      if (isPodAvailable(pod, minReady, now)) available++;
    }
    if (isUpdated(pod)) updated++;
  }
  return {
    desiredNumberScheduled: desired,
    currentNumberScheduled: current,
    numberMisscheduled: misscheduled,
    numberReady: ready,
    numberAvailable: available,
    numberUnavailable: desired - available,
    updatedNumberScheduled: updated,
  };
}
