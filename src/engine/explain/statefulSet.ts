// "Why is there no web-1 yet?" and "why is db-1 not replaced?" for the inspector, read off the
// StatefulSet controller's rules (pkg/controller/statefulset/stateful_set_control.go
// processReplica: with OrderedReady an ordinal is created only once every lower one is Running
// and Ready; no ordinal is created while a pod of that name still exists, even Terminating).
import type { Node, Pod, StatefulSet } from '../api/types';
import { TAINT_NODE_UNREACHABLE } from '../api/wellKnown';
import { ORPHAN_QUARANTINE_SECONDS } from '../controllers/podgc/podGc';
import { isRunningAndReady, isTerminating, ordinalOf } from '../controllers/statefulset/statefulPod';

function unreachable(node: Node | undefined): boolean {
  if (!node) return true;
  const ready = node.status.conditions?.find((c) => c.type === 'Ready');
  return (
    ready?.status === 'Unknown' || (node.spec.taints ?? []).some((t) => t.key === TAINT_NODE_UNREACHABLE)
  );
}

/**
 * explainStatefulSetPod says, in one sentence, what the StatefulSet is waiting for on this pod,
 * or undefined when nothing waits on it. `pods` are the set's pods; `node` is the pod's node.
 */
export function explainStatefulSetPod(
  set: StatefulSet,
  pods: readonly Pod[],
  pod: Pod,
  node: Node | undefined,
): string | undefined {
  const name = pod.metadata.name;
  if (isTerminating(pod)) {
    const base = `${name} is being deleted; StatefulSet ${set.metadata.name} creates ${name} again only once this pod is gone from the API (at most one pod per identity)`;
    if (pod.spec.nodeName && unreachable(node))
      return `${base}. Its node ${pod.spec.nodeName} is unreachable, so nothing confirms the containers stopped: it stays Terminating until the node returns, or until the Node object is deleted and the pod garbage collector removes it ${ORPHAN_QUARANTINE_SECONDS} s later.`;
    return `${base}.`;
  }
  if (set.spec.podManagementPolicy === 'Parallel' || isRunningAndReady(pod)) return undefined;
  const ord = ordinalOf(pod);
  const replicas = set.spec.replicas ?? 1;
  const present = new Set(pods.map(ordinalOf));
  const missing = Array.from({ length: replicas }, (_, i) => i).filter((i) => i > ord && !present.has(i));
  if (missing.length === 0) return undefined;
  const next = `${set.metadata.name}-${missing[0]}`;
  return `${next} is not created yet: with podManagementPolicy OrderedReady, StatefulSet ${set.metadata.name} creates the next ordinal only once ${name} is Running and Ready.`;
}
