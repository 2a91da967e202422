// The eviction manager's pod admission (pkg/kubelet/eviction/eviction_manager.go managerImpl.Admit):
// a node under resource pressure refuses new pods that would make it worse, except critical ones.
import type { Node, Pod } from '../../api/types';
import { qosClass } from '../../api/qos';
import { tolerationsTolerateTaint } from '../../predicates/taints';
import { TAINT_NODE_MEMORY_PRESSURE } from '../../api/wellKnown';
import type { ControllerContext } from '../controller';

// pkg/apis/scheduling SystemCriticalPriority: system-cluster-critical has it, system-node-critical 1000 more.
export const SYSTEM_CRITICAL_PRIORITY = 2_000_000_000;
// The reason the eviction manager reports (pkg/kubelet/eviction/helpers.go Reason).
export const EVICTED_REASON = 'Evicted';
// The conditions the eviction manager can report, in the order of its default thresholds
// (memory.available, then the filesystems, then pid.available).
const PRESSURE_CONDITIONS = ['MemoryPressure', 'DiskPressure', 'PIDPressure'];
const CONFIG_MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';
const CONFIG_SOURCE_ANNOTATION = 'kubernetes.io/config.source';

/**
 * isCriticalPod is kubelettypes.IsCriticalPod: a static or mirror pod, or one whose priority is at
 * least SystemCriticalPriority (priorityClassName system-node-critical or system-cluster-critical).
 */
export function isCriticalPod(pod: Pod): boolean {
  const annotations = pod.metadata.annotations ?? {};
  const source = annotations[CONFIG_SOURCE_ANNOTATION];
  if (CONFIG_MIRROR_ANNOTATION in annotations || (source !== undefined && source !== 'api')) return true;
  return (pod.spec.priority ?? 0) >= SYSTEM_CRITICAL_PRIORITY;
}

/** pressureConditions lists the node's pressure conditions that are True, in the eviction manager's order. */
export function pressureConditions(node: Node | undefined): string[] {
  const conditions = node?.status?.conditions ?? [];
  return PRESSURE_CONDITIONS.filter((type) => conditions.some((c) => c.type === type && c.status === 'True'));
}

export type AdmitResult = { admit: true } | { admit: false; reason: string; message: string };

/**
 * admitUnderPressure is managerImpl.Admit: without pressure every pod is admitted; a critical pod
 * always is; under MemoryPressure alone only a BestEffort pod that does not tolerate
 * node.kubernetes.io/memory-pressure:NoSchedule is refused; DiskPressure or PIDPressure refuse
 * every other pod. The message is nodeConditionMessageFmt ("The node had condition: %v. ", a Go
 * slice printed as `[A B]`), trailing space included.
 */
export function admitUnderPressure(pod: Pod, conditions: readonly string[]): AdmitResult {
  if (conditions.length === 0 || isCriticalPod(pod)) return { admit: true };
  if (conditions.length === 1 && conditions[0] === 'MemoryPressure') {
    if (qosClass(pod) !== 'BestEffort') return { admit: true };
    if (
      tolerationsTolerateTaint(pod.spec.tolerations, {
        key: TAINT_NODE_MEMORY_PRESSURE,
        effect: 'NoSchedule',
      })
    )
      return { admit: true };
  }
  return {
    admit: false,
    reason: EVICTED_REASON,
    message: `The node had condition: [${conditions.join(' ')}]. `,
  };
}

/** rejectedPodMessage is the status message kubelet.rejectPod writes for a refused pod. */
export function rejectedPodMessage(message: string): string {
  return `Pod was rejected: ${message}`;
}

/**
 * rejectPod is kubelet.rejectPod: a Warning event with the handler's reason and message, and the
 * pod Failed with that reason — it never starts. The status manager gives it a startTime.
 */
export function rejectPod(ctx: ControllerContext, pod: Pod, reason: string, message: string): void {
  const ts = ctx.clock.timestamp();
  ctx.recorder.event(pod, 'Warning', reason, message, 'kubelet');
  ctx.api.mutateStatus(pod, (p) => {
    p.status = {
      ...(p.status ?? {}),
      phase: 'Failed',
      reason,
      message: rejectedPodMessage(message),
      startTime: p.status?.startTime ?? ts,
    };
  });
}
