// The one-word status of a pod, as `kubectl get pods` prints it in STATUS (printPod in
// pkg/printers/internalversion/printers.go, simplified), and the colour family the grid uses.
import type { Pod } from '../../engine/api/types';

/** ChipTone is the colour family of a pod chip; the CSS maps each to a colour per theme. */
export type ChipTone =
  'pending' | 'creating' | 'running' | 'ready' | 'terminating' | 'crash' | 'evicted' | 'done';

export interface PodStatusView {
  /** kubectl's STATUS word: Pending, ContainerCreating, Running, Terminating, CrashLoopBackOff, Evicted, … */
  status: string;
  ready: boolean;
  tone: ChipTone;
  restarts: number;
}

const CRASH_REASONS = new Set([
  'CrashLoopBackOff',
  'Error',
  'ErrImagePull',
  'ImagePullBackOff',
  'InvalidImageName',
  'OOMKilled',
]);

function containerReason(pod: Pod): string | undefined {
  // kubectl walks the containers from last to first; the first one waiting or terminated names the status.
  const statuses = [...(pod.status?.containerStatuses ?? [])].reverse();
  for (const cs of statuses) {
    if (cs.state.waiting?.reason) return cs.state.waiting.reason;
    if (cs.state.terminated) return cs.state.terminated.reason ?? 'Error';
  }
  return undefined;
}

function toneOf(status: string, ready: boolean): ChipTone {
  if (status === 'Terminating') return 'terminating';
  if (status === 'Evicted') return 'evicted';
  if (CRASH_REASONS.has(status) || status === 'Failed') return 'crash';
  if (status === 'Completed' || status === 'Succeeded') return 'done';
  if (status === 'Running') return ready ? 'ready' : 'running';
  if (status === 'ContainerCreating' || status === 'PodInitializing') return 'creating';
  return 'pending';
}

// Store objects are never changed in place (a change is a new object), so a pod's status can be
// remembered by identity: the grid, the panels and the inspector ask for the same pods every frame.
const memo = new WeakMap<Pod, PodStatusView>();

/** podStatus reads a pod's STATUS, readiness and restart count. */
export function podStatus(pod: Pod): PodStatusView {
  let status = memo.get(pod);
  if (!status) memo.set(pod, (status = computePodStatus(pod)));
  return status;
}

function computePodStatus(pod: Pod): PodStatusView {
  const phase = pod.status?.phase ?? 'Pending';
  const ready = pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
  const restarts = (pod.status?.containerStatuses ?? []).reduce((n, cs) => n + cs.restartCount, 0);
  let status: string = pod.status?.reason ?? phase;
  if (!pod.status?.reason) {
    const reason = containerReason(pod);
    if (reason && (phase === 'Pending' || phase === 'Running' || reason !== 'Completed')) status = reason;
    // printPod: a finished pod shows its container's terminated reason, Completed for exit 0.
    if (phase === 'Succeeded' && (!reason || reason === 'Completed')) status = 'Completed';
  }
  if (pod.metadata.deletionTimestamp) status = 'Terminating';
  return { status, ready: ready && status === 'Running', tone: toneOf(status, ready), restarts };
}
