// From-scratch versions of the DaemonSet controller's decisions, written the way upstream computes
// them on every sync (pkg/controller/daemon: getNodesToDaemonPods, updateDaemonSetStatus,
// update.go rollingUpdate). The engine keeps incremental bookkeeping instead (DaemonSetState,
// viewNode, rollingUpdateFromBuckets) so a sync costs what changed; the property tests compare the
// two on random clusters, so the fast version cannot drift from these.
import type { DaemonSet, DaemonSetStatus, Node, Pod } from '../../src/engine/api/types';
import {
  compareByCreationTimestampAndPhase,
  isPodAvailable,
  isPodReady,
  isPodTerminal,
} from '../../src/engine/api/podUtil';
import type { NodePlacement } from '../../src/engine/controllers/daemonset/placement';
import type { RollingUpdateDecision } from '../../src/engine/controllers/daemonset/rollingUpdate';
import {
  findUpdatedPodsOnNode,
  surgeAndUnavailable,
} from '../../src/engine/controllers/daemonset/rollingUpdate';

/**
 * getNodesToDaemonPods groups a DaemonSet's pods by target node, leaving out pods that are both
 * terminal and being deleted: the controller has nothing left to do with those.
 */
export function getNodesToDaemonPods(
  pods: Pod[],
  targetNodeName: (pod: Pod) => string | undefined,
): Map<string, Pod[]> {
  const byNode = new Map<string, Pod[]>();
  for (const pod of pods) {
    if (isPodTerminal(pod) && pod.metadata.deletionTimestamp) continue;
    const node = targetNodeName(pod);
    if (node === undefined) continue;
    const list = byNode.get(node);
    if (list) list.push(pod);
    else byNode.set(node, [pod]);
  }
  return byNode;
}

/**
 * computeDaemonSetStatus is updateDaemonSetStatus's count: for every node that should run the
 * pod, look at its oldest daemon pod; pods on nodes that should not run it are misscheduled.
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
    const pod = [...pods].sort(compareByCreationTimestampAndPhase)[0]!;
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

export interface RollingUpdateInput {
  ds: DaemonSet;
  /**
   * The nodes in the order the controller visits them: every node with daemon pods plus every
   * node that should run one (updatedDesiredNodeCounts adds those with an empty list). Upstream
   * ranges over a Go map, so any order is a valid one.
   */
  nodeOrder: string[];
  nodeToDaemonPods: Map<string, Pod[]>;
  nodesByName: Map<string, Node>;
  placement: (node: Node) => NodePlacement;
  isUpdated: (pod: Pod) => boolean;
  desired: number;
  now: number;
}

/**
 * rollingUpdate is update.go rollingUpdate. Without surge it deletes old pods only while the
 * number of unavailable nodes stays within maxUnavailable (unavailable old pods are replaced
 * first, and do not wait); with surge it starts a new pod beside an old one (up to maxSurge at a
 * time) and deletes the old pod once the new one is available.
 */
export function rollingUpdate(input: RollingUpdateInput): RollingUpdateDecision {
  const { ds, nodeOrder, nodeToDaemonPods, desired, now } = input;
  const minReady = ds.spec.minReadySeconds ?? 0;
  const { maxSurge, maxUnavailable } = surgeAndUnavailable(ds, desired);
  const available = (p: Pod) => isPodAvailable(p, minReady, now);

  if (maxSurge === 0) {
    let numUnavailable = 0;
    const allowedReplacement: Pod[] = [];
    const candidates: Pod[] = [];
    for (const nodeName of nodeOrder) {
      const { newPod, oldPod, ok } = findUpdatedPodsOnNode(
        nodeToDaemonPods.get(nodeName) ?? [],
        input.isUpdated,
      );
      if (!ok) {
        numUnavailable++;
        continue;
      }
      if ((!oldPod && !newPod) || (oldPod && newPod)) {
        // The manage loop creates or deletes here; count the node as unavailable.
        numUnavailable++;
      } else if (newPod) {
        if (!available(newPod)) numUnavailable++;
      } else if (oldPod) {
        if (!available(oldPod)) allowedReplacement.push(oldPod);
        else if (numUnavailable < maxUnavailable) candidates.push(oldPod);
      }
    }
    const remaining = Math.min(Math.max(0, maxUnavailable - numUnavailable), candidates.length);
    return { podsToDelete: [...allowedReplacement, ...candidates.slice(0, remaining)], nodesToCreate: [] };
  }

  const podsToDelete: Pod[] = [];
  const shouldNotRunToDelete: Pod[] = [];
  const candidateNewNodes: string[] = [];
  const allowedNewNodes: string[] = [];
  let numSurge = 0;
  let numAvailable = 0;
  for (const nodeName of nodeOrder) {
    const { newPod, oldPod, ok } = findUpdatedPodsOnNode(
      nodeToDaemonPods.get(nodeName) ?? [],
      input.isUpdated,
    );
    if (!ok) {
      numSurge++;
      continue;
    }
    if (oldPod) {
      if (available(oldPod)) numAvailable++;
    } else if (newPod && available(newPod)) numAvailable++;

    if (!oldPod) continue;
    const node = input.nodesByName.get(nodeName);
    const shouldRun = node ? input.placement(node).shouldRun : false;
    if (!newPod) {
      if (!available(oldPod)) {
        if (!shouldRun) podsToDelete.push(oldPod);
        else allowedNewNodes.push(nodeName);
      } else {
        if (!shouldRun) shouldNotRunToDelete.push(oldPod);
        else if (numSurge < maxSurge) candidateNewNodes.push(nodeName);
      }
    } else if (!available(newPod)) {
      numSurge++;
    } else {
      podsToDelete.push(oldPod);
    }
  }
  // With maxSurge the owner expects full availability: a pod on a node that no longer qualifies
  // goes only once enough pods elsewhere are available.
  const deletable = Math.min(numAvailable - desired, shouldNotRunToDelete.length);
  for (let i = 0; i < deletable; i++) podsToDelete.push(shouldNotRunToDelete[i]!);
  const remainingSurge = Math.min(Math.max(0, maxSurge - numSurge), candidateNewNodes.length);
  return {
    podsToDelete,
    nodesToCreate: [...allowedNewNodes, ...candidateNewNodes.slice(0, remainingSurge)],
  };
}
