import type { Pod, PodCondition } from './types';
import { parseTimestamp } from '../clock/clock';
import { deepClone } from './clone';

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

/** controllerUidOf returns the uid of the pod's controller (ownerReference with controller: true). */
export function controllerUidOf(pod: {
  metadata: { ownerReferences?: { uid: string; controller?: boolean }[] };
}): string | undefined {
  return pod.metadata.ownerReferences?.find((r) => r.controller)?.uid;
}

/** setCondition sets a pod condition, moving lastTransitionTime only when the status changes. */
export function setCondition(
  pod: Pod,
  type: string,
  status: 'True' | 'False' | 'Unknown',
  timestamp: string,
  reason?: string,
  message?: string,
): void {
  const st = (pod.status ??= {});
  const conditions = (st.conditions ??= []);
  const i = conditions.findIndex((c) => c.type === type);
  const existing = i >= 0 ? conditions[i] : undefined;
  const next: PodCondition = {
    type,
    status,
    lastTransitionTime: existing && existing.status === status ? existing.lastTransitionTime : timestamp,
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
  };
  // Replaced, never changed in place (and frozen to keep it so): a pod's versions share their
  // condition objects (see podStatusDraft).
  Object.freeze(next);
  if (i >= 0) conditions[i] = next;
  else conditions.push(next);
}

/** The DisruptionTarget reasons (core/v1 types.go), one per component that disrupts a pod. */
export type DisruptionReason =
  | 'PreemptionByScheduler'
  | 'DeletionByTaintManager'
  | 'EvictionByEvictionAPI'
  | 'DeletionByPodGC'
  | 'TerminationByKubelet';

/**
 * markDisruptionTarget sets the DisruptionTarget condition a component writes just before it
 * deletes or terminates a pod (PodDisruptionConditions, GA in 1.31), so the pod says why it went.
 */
export function markDisruptionTarget(
  pod: Pod,
  reason: DisruptionReason,
  message: string,
  timestamp: string,
): void {
  setCondition(pod, 'DisruptionTarget', 'True', timestamp, reason, message);
}

/**
 * podStatusDraft copies a pod status for a write. Conditions and container statuses are only
 * ever replaced whole (setCondition, setContainerStates, setReadiness), so the copy shares them
 * and copies just the lists; the rest is copied deep.
 */
export function podStatusDraft(status: NonNullable<Pod['status']>): NonNullable<Pod['status']> {
  const { conditions, containerStatuses, ...rest } = status;
  const draft: NonNullable<Pod['status']> = deepClone(rest);
  if (conditions) draft.conditions = [...conditions];
  if (containerStatuses) draft.containerStatuses = [...containerStatuses];
  return draft;
}
