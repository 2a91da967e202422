// Should this DaemonSet run a pod on this node? The one answer the DaemonSet controller, the
// scheduler and the inspector share. Follows pkg/controller/daemon/daemon_controller.go
// (NodeShouldRunDaemonPod, predicates, NewPod) and pkg/controller/daemon/util/daemonset_util.go.
import type { Affinity, DaemonSet, Node, NodeSelector, Pod, PodSpec, Taint, Toleration } from '../api/types';
import { deepClone } from '../api/clone';
import { METADATA_NAME_FIELD } from '../api/wellKnown';
import { addOrUpdateDaemonPodTolerations } from './daemonTolerations';
import type { NodeAffinityMismatch, NodeSelectorMismatch } from './nodeAffinity';
import {
  describeNodeAffinityMismatch,
  describeNodeSelectorMismatch,
  matchRequiredNodeAffinity,
} from './nodeAffinity';
import { findUntoleratedTaints, formatTaint, isNoScheduleOrNoExecute } from './taints';

/** PlacementReason is one reason a node does not (or no longer) get the DaemonSet's pod. */
export type PlacementReason =
  | { kind: 'nodeName'; nodeName: string; node: string }
  | NodeSelectorMismatch
  | NodeAffinityMismatch
  | {
      kind: 'taint';
      taint: Taint;
      /** True for an untolerated NoExecute taint: a running daemon pod is removed too. */
      evicts: boolean;
    };

/** PlacementDecision is NodeShouldRunDaemonPod's two booleans plus the reasons behind them. */
export interface PlacementDecision {
  /** A daemon pod should be created here if none runs yet. */
  shouldRun: boolean;
  /** A daemon pod already running here may stay. */
  shouldContinueRunning: boolean;
  /** Why not; empty when shouldRun is true. */
  reasons: PlacementReason[];
}

/**
 * newDaemonPod builds the pod the DaemonSet would run on a node (NewPod): the template's metadata
 * and spec, the DaemonSet's namespace, `spec.nodeName` set to the node, and the daemon
 * tolerations added. It has no name yet; the controller creates pods with generateName.
 */
export function newDaemonPod(ds: DaemonSet, nodeName: string): Pod {
  const template = deepClone(ds.spec.template);
  const namespace = ds.metadata.namespace;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...template.metadata,
      name: template.metadata?.name ?? '',
      ...(namespace !== undefined ? { namespace } : {}),
    },
    spec: addOrUpdateDaemonPodTolerations({ ...template.spec, nodeName }),
  };
}

// Stored objects are never mutated, so a template spec's daemon tolerations can be computed once
// and reused for every node: at thousands of nodes this is the controller's hottest path.
const tolerationMemo = new WeakMap<PodSpec, Toleration[]>();

function daemonTolerationsOf(templateSpec: PodSpec): Toleration[] {
  let tolerations = tolerationMemo.get(templateSpec);
  if (!tolerations) {
    tolerations = addOrUpdateDaemonPodTolerations(templateSpec).tolerations ?? [];
    tolerationMemo.set(templateSpec, tolerations);
  }
  return tolerations;
}

/**
 * nodeShouldRunDaemonPod decides, as NodeShouldRunDaemonPod, whether the DaemonSet should run on
 * the node (shouldRun) and whether a pod already there may stay (shouldContinueRunning):
 *  - a template `spec.nodeName` naming another node: false, false;
 *  - nodeSelector or required node affinity not matched: false, false;
 *  - an untolerated NoSchedule or NoExecute taint: shouldRun false, and shouldContinueRunning
 *    true unless one of them is NoExecute (a NoSchedule taint never evicts a running pod);
 *  - otherwise true, true.
 * `spec.unschedulable` is not looked at: a cordoned node carries the unschedulable taint, which
 * every daemon pod tolerates, so cordoning never stops or removes daemon pods. Resources and host
 * ports are not checked either; since 1.12 the default scheduler judges those.
 */
export function nodeShouldRunDaemonPod(node: Node, ds: DaemonSet): PlacementDecision {
  const nodeName = node.metadata.name;
  const wanted = ds.spec.template.spec.nodeName;
  if (wanted && wanted !== nodeName) {
    return {
      shouldRun: false,
      shouldContinueRunning: false,
      reasons: [{ kind: 'nodeName', nodeName: wanted, node: nodeName }],
    };
  }
  // The spec newDaemonPod would build, without copying the whole template for every node: only
  // the selector, affinity and tolerations are read. NewPod sets spec.nodeName to this node, so
  // upstream's fitsNodeName always holds here.
  const spec = {
    ...ds.spec.template.spec,
    nodeName,
    tolerations: daemonTolerationsOf(ds.spec.template.spec),
  };
  const reasons: PlacementReason[] = [];
  const affinity = matchRequiredNodeAffinity(spec, node);
  if (!affinity.matches) reasons.push(affinity.reason);
  const untolerated = findUntoleratedTaints(node.spec.taints, spec.tolerations, isNoScheduleOrNoExecute);
  for (const taint of untolerated)
    reasons.push({ kind: 'taint', taint, evicts: taint.effect === 'NoExecute' });
  if (!affinity.matches) return { shouldRun: false, shouldContinueRunning: false, reasons };
  if (untolerated.length > 0) {
    const evicted = untolerated.some((t) => t.effect === 'NoExecute');
    return { shouldRun: false, shouldContinueRunning: !evicted, reasons };
  }
  return { shouldRun: true, shouldContinueRunning: true, reasons };
}

/**
 * describePlacementReason writes one plain-English sentence, e.g.
 * `taint dedicated=db:NoSchedule is not tolerated (add a toleration with key "dedicated")`.
 */
export function describePlacementReason(reason: PlacementReason): string {
  switch (reason.kind) {
    case 'nodeName':
      return `the pod template sets spec.nodeName to "${reason.nodeName}", so only that node runs it, not ${reason.node}`;
    case 'nodeSelector':
      return describeNodeSelectorMismatch(reason);
    case 'nodeAffinity':
      return describeNodeAffinityMismatch(reason);
    case 'taint': {
      const evicts = reason.evicts ? ', and it evicts a running daemon pod' : '';
      return `taint ${formatTaint(reason.taint)} is not tolerated${evicts} (add a toleration with key "${reason.taint.key}")`;
    }
  }
}

/**
 * replaceDaemonSetPodNodeNameNodeAffinity returns the affinity with its required node affinity
 * replaced by one term `metadata.name In [nodeName]`, which is how the controller pins each daemon
 * pod to its node and leaves the binding to the default scheduler (since 1.12). Preferred terms
 * and pod (anti-)affinity are kept; the input is not changed. Like upstream, it assumes the
 * replaced terms did not conflict with the node.
 */
export function replaceDaemonSetPodNodeNameNodeAffinity(
  affinity: Affinity | undefined,
  nodeName: string,
): Affinity {
  const required: NodeSelector = {
    nodeSelectorTerms: [{ matchFields: [{ key: METADATA_NAME_FIELD, operator: 'In', values: [nodeName] }] }],
  };
  const nodeAffinity = affinity?.nodeAffinity;
  const existing = nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  return {
    ...affinity,
    nodeAffinity: {
      ...nodeAffinity,
      requiredDuringSchedulingIgnoredDuringExecution: existing ? { ...existing, ...required } : required,
    },
  };
}

/**
 * getTargetNodeName returns the node a daemon pod is meant for (util.GetTargetNodeName):
 * `spec.nodeName` once bound, otherwise the single `metadata.name In [...]` of its required node
 * affinity; a message when neither says.
 */
export function getTargetNodeName(pod: Pod): { ok: true; nodeName: string } | { ok: false; message: string } {
  if (pod.spec.nodeName) return { ok: true, nodeName: pod.spec.nodeName };
  // Only the failures name the pod: the hot path (a daemon pod's one matchFields term) builds no string.
  const id = () => `${pod.metadata.namespace ?? ''}/${pod.metadata.name}`;
  const required = pod.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!required) {
    return {
      ok: false,
      message: `no spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution for pod ${id()}`,
    };
  }
  const terms = required.nodeSelectorTerms ?? [];
  if (terms.length === 0) {
    return {
      ok: false,
      message: `no nodeSelectorTerms in requiredDuringSchedulingIgnoredDuringExecution of pod ${id()}`,
    };
  }
  for (const term of terms) {
    for (const req of term.matchFields ?? []) {
      if (req.key !== METADATA_NAME_FIELD || req.operator !== 'In') continue;
      const [only, ...rest] = req.values ?? [];
      if (only === undefined || rest.length > 0) {
        return {
          ok: false,
          message: `the matchFields value of '${METADATA_NAME_FIELD}' is not unique for pod ${id()}`,
        };
      }
      return { ok: true, nodeName: only };
    }
  }
  return { ok: false, message: `no node name found for pod ${id()}` };
}
