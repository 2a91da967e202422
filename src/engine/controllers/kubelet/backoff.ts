import type { Pod } from '../../api/types';
import { podRef } from './podStatus';

// The kubelet's container restart and image pull back-off: 10 s doubling to 5 min
// (pkg/kubelet/kubelet.go: backOffPeriod, MaxContainerBackOff).
export const BACKOFF_INITIAL_SECONDS = 10;
export const BACKOFF_MAX_SECONDS = 300;

/** nextBackoff doubles a back-off delay up to the kubelet's maximum. */
export function nextBackoff(delay: number): number {
  return Math.min(delay * 2, BACKOFF_MAX_SECONDS);
}

/** goDuration prints whole seconds as Go's time.Duration does: `40s`, `1m20s`, `5m0s`. */
export function goDuration(seconds: number): string {
  const m = Math.floor(seconds / 60);
  return m > 0 ? `${m}m${seconds - m * 60}s` : `${seconds}s`;
}

/** crashLoopMessage is the waiting message of a container in CrashLoopBackOff. */
export function crashLoopMessage(delay: number, pod: Pod): string {
  return `back-off ${goDuration(delay)} restarting failed container=${pod.spec.containers[0]?.name} pod=${podRef(pod)}`;
}
