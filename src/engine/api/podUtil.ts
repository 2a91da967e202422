import type { Pod, PodCondition } from './types';
import { parseTimestamp } from '../clock/clock';

/** podCondition finds a condition by type. */
export function podCondition(pod: Pod, type: string): PodCondition | undefined {
  return pod.status?.conditions?.find((c) => c.type === type);
}

/** isPodReady is podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: Pod): boolean {
  return podCondition(pod, 'Ready')?.status === 'True';
}

/**
 * isPodAvailable is podutil.IsPodAvailable: ready for at least minReadySeconds. Upstream compares
 * with a strict Before on wall-clock times; in continuous virtual time the boundary instant counts
 * as available, so a requeue at exactly ready+minReadySeconds sees the pod available.
 */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  const ready = podCondition(pod, 'Ready');
  if (ready?.status !== 'True') return false;
  if (!minReadySeconds) return true;
  const since = parseTimestamp(ready.lastTransitionTime);
  return !Number.isNaN(since) && since + minReadySeconds <= now + 1e-9;
}

/** isPodTerminal: the pod has Succeeded or Failed. */
export function isPodTerminal(pod: Pod): boolean {
  return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** isTerminating: a deletion has been requested and the kubelet is stopping the pod. */
export function isTerminating(pod: Pod): boolean {
  return pod.metadata.deletionTimestamp !== undefined;
}

/** compareByCreationTimestampAndPhase orders scheduled pods first, then oldest, then by name (podByCreationTimestampAndPhase). */
export function compareByCreationTimestampAndPhase(a: Pod, b: Pod): number {
  const as = a.spec.nodeName ? 0 : 1;
  const bs = b.spec.nodeName ? 0 : 1;
  if (as !== bs) return as - bs;
  const at = parseTimestamp(a.metadata.creationTimestamp);
  const bt = parseTimestamp(b.metadata.creationTimestamp);
  if (at !== bt) return at - bt;
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

/** controllerOf returns the uid of the pod's controller (ownerReference with controller: true). */
export function controllerUidOf(pod: {
  metadata: { ownerReferences?: { uid: string; controller?: boolean }[] };
}): string | undefined {
  return pod.metadata.ownerReferences?.find((r) => r.controller)?.uid;
}
