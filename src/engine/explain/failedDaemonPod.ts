// "Why is this daemon pod Failed, and what happens next?" for the inspector. A Failed daemon pod
// was refused by the kubelet's admission (a node under DiskPressure or PIDPressure, or
// MemoryPressure for a BestEffort pod) or evicted under pressure; the DaemonSet controller
// deletes it and creates another, backing off per node (daemon_controller.go podsShouldBeOnNode).
// Only the controller knows when the back-off ends, so the caller passes that time in.
import type { Pod } from '../api/types';
import { formatSeconds } from './words';

export interface FailedPodRetry {
  /** Simulated seconds now. */
  now: number;
  /** When the DaemonSet controller deletes the pod and tries again; undefined when unknown. */
  retryAt?: number | undefined;
}

export interface FailedPodExplanation {
  headline: string;
  sentences: string[];
}

const REJECTED_PREFIX = 'Pod was rejected: ';
const CONDITION_MESSAGE = /The node had condition: \[([^\]]*)\]/;

/** failureCause says in words who failed the pod and why, from its status reason and message. */
export function failureCause(pod: Pod): string {
  const reason = pod.status?.reason;
  const message = (pod.status?.message ?? '').trim();
  const conditions = CONDITION_MESSAGE.exec(message)?.[1]?.split(' ').filter(Boolean) ?? [];
  if (message.startsWith(REJECTED_PREFIX) && conditions.length > 0) {
    return `the kubelet rejected the pod: the node had condition ${conditions.join(' and ')}`;
  }
  if (message.startsWith(REJECTED_PREFIX))
    return `the kubelet rejected the pod: ${message.slice(REJECTED_PREFIX.length)}`;
  if (reason === 'Evicted') return `the kubelet evicted the pod under node pressure: ${message}`;
  return `the pod failed${reason ? ` (${reason})` : ''}${message ? `: ${message}` : ''}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** explainFailedDaemonPod explains a Failed daemon pod and the controller's retry. */
export function explainFailedDaemonPod(pod: Pod, retry?: FailedPodRetry): FailedPodExplanation {
  const retryIn =
    retry?.retryAt !== undefined ? `next try in ${formatSeconds(retry.retryAt - retry.now)}` : undefined;
  const rejected = (pod.status?.message ?? '').startsWith(REJECTED_PREFIX);
  const sentences = [
    `${capitalize(failureCause(pod))}; the DaemonSet controller retries with back-off${retryIn ? ` (${retryIn})` : ''}.`,
    'It deletes a failed daemon pod (event FailedDaemonPod) and creates a new one, waiting 1s after the first failure on this node, then 2s, 4s, … up to 15m, so a node that keeps refusing pods is not hammered.',
  ];
  if (rejected) {
    sentences.push(
      'Under DiskPressure or PIDPressure the kubelet admits only critical pods (priorityClassName system-node-critical or system-cluster-critical); under MemoryPressure alone it refuses only BestEffort pods. Once the pressure is gone, the next try runs.',
    );
  }
  return {
    headline: `${pod.metadata.name} is ${pod.status?.reason ?? 'Failed'}; it will be replaced`,
    sentences,
  };
}
