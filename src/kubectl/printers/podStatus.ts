// The READY / STATUS / RESTARTS cells of `kubectl get pods`, computed as printPod does in
// pkg/printers/internalversion/printers.go: the waiting or terminated reason of the last
// container that has one wins, and a deletion mark turns the status into Terminating.
import type { Pod } from '../../engine/api/types';
import { parseTimestamp } from '../../engine/clock/clock';
import { humanDuration } from './age';

/** PodSummary is what the pod row shows besides its name and age. */
export interface PodSummary {
  /** `1/1` */
  ready: string;
  /** `Running`, `ContainerCreating`, `CrashLoopBackOff`, `Terminating`, `Evicted`, `Completed` ... */
  status: string;
  /** `0`, or `3 (42s ago)` */
  restarts: string;
}

// The node lifecycle controller marks pods on an unreachable node with this reason.
const NODE_UNREACHABLE_POD_REASON = 'NodeLost';

/** podSummary computes kubectl's READY, STATUS and RESTARTS for a pod at simulated time `now`. */
export function podSummary(pod: Pod, now: number): PodSummary {
  const phase = pod.status?.phase ?? 'Pending';
  let reason: string = pod.status?.reason || phase;
  for (const c of pod.status?.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === 'SchedulingGated') reason = 'SchedulingGated';
  }
  const total = pod.spec.containers.length;
  let ready = 0;
  let restarts = 0;
  let lastRestart = NaN;
  let hasRunning = false;
  const statuses = pod.status?.containerStatuses ?? [];
  // Upstream walks the statuses from last to first, so the first container's reason wins.
  for (let i = statuses.length - 1; i >= 0; i--) {
    const cs = statuses[i];
    if (!cs) continue;
    restarts += cs.restartCount;
    const finished = parseTimestamp(cs.lastState?.terminated?.finishedAt);
    if (!Number.isNaN(finished) && (Number.isNaN(lastRestart) || finished > lastRestart))
      lastRestart = finished;
    const { waiting, terminated, running } = cs.state;
    if (waiting?.reason) reason = waiting.reason;
    else if (terminated?.reason) reason = terminated.reason;
    else if (terminated) reason = `ExitCode:${terminated.exitCode}`;
    else if (cs.ready && running) {
      hasRunning = true;
      ready++;
    }
  }
  if (reason === 'Completed' && hasRunning) {
    const podReady = pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True');
    reason = podReady ? 'Running' : 'NotReady';
  }
  if (pod.metadata.deletionTimestamp && pod.status?.reason === NODE_UNREACHABLE_POD_REASON)
    reason = 'Unknown';
  else if (pod.metadata.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed')
    reason = 'Terminating';
  const restartText =
    restarts !== 0 && !Number.isNaN(lastRestart)
      ? `${restarts} (${humanDuration(now - lastRestart)} ago)`
      : String(restarts);
  return { ready: `${ready}/${total}`, status: reason, restarts: restartText };
}
