// A DaemonSet's rollout in one line, from its status the way `kubectl rollout status` reads it
// (updatedNumberScheduled and numberAvailable against desiredNumberScheduled), plus what the
// status alone does not say: the strategy, and that new pods are failing so the rollout is stuck.
// Pure, so it is unit-tested.
import type { DaemonSet, IntOrString, Pod } from '../../engine/api/types';
import { podStatus } from '../model/podStatus';

export type RolloutPhase = 'complete' | 'progressing' | 'stuck' | 'waiting-for-delete' | 'unschedulable';

export interface RolloutProgress {
  desired: number;
  updated: number;
  available: number;
  phase: RolloutPhase;
  /** `3 of 10 nodes updated · 2 available`. */
  text: string;
  /** `RollingUpdate · maxUnavailable 1 · maxSurge 0` or `OnDelete`. */
  strategy: string;
  /** Why it is stuck or waiting, when it is. */
  note: string;
}

function intOrString(v: IntOrString | undefined, fallback: string): string {
  return v === undefined ? fallback : String(v);
}

/** strategyText says the update strategy with the apps/v1 defaults filled in. */
export function strategyText(ds: DaemonSet): string {
  const s = ds.spec.updateStrategy;
  if (s?.type === 'OnDelete') return 'OnDelete';
  const ru = s?.rollingUpdate;
  return `RollingUpdate · maxUnavailable ${intOrString(ru?.maxUnavailable, '1')} · maxSurge ${intOrString(ru?.maxSurge, '0')}`;
}

function ownedBy(pod: Pod, ds: DaemonSet): boolean {
  return pod.metadata.ownerReferences?.some((r) => r.controller && r.uid === ds.metadata.uid) ?? false;
}

/** rolloutProgress sums up the DaemonSet's rollout; `pods` may be every pod in the cluster. */
export function rolloutProgress(ds: DaemonSet, pods: readonly Pod[]): RolloutProgress {
  const st = ds.status;
  const desired = st?.desiredNumberScheduled ?? 0;
  const updated = st?.updatedNumberScheduled ?? 0;
  const available = st?.numberAvailable ?? 0;
  const strategy = strategyText(ds);
  const text = `${updated} of ${desired} node${desired === 1 ? '' : 's'} updated · ${available} available`;
  const failing = pods
    .filter((p) => ownedBy(p, ds) && !p.metadata.deletionTimestamp)
    .map((p) => podStatus(p))
    .filter((s) => s.tone === 'crash');
  const base = { desired, updated, available, text, strategy };
  if (updated >= desired && available >= desired)
    return { ...base, phase: 'complete', note: 'rollout complete' };
  if (failing.length > 0) {
    const reasons = [...new Set(failing.map((s) => s.status))].join(', ');
    const n = failing.length;
    return {
      ...base,
      phase: 'stuck',
      note: `stuck: ${n} new pod${n === 1 ? '' : 's'} ${reasons}, maxUnavailable reached; undo in History`,
    };
  }
  if (ds.spec.updateStrategy?.type === 'OnDelete' && updated < desired) {
    return {
      ...base,
      phase: 'waiting-for-delete',
      note: 'OnDelete: an old pod is replaced only when you delete it',
    };
  }
  const unscheduled = pods.filter((p) => ownedBy(p, ds) && !p.spec.nodeName && !p.metadata.deletionTimestamp);
  if (unscheduled.length > 0) {
    const n = unscheduled.length;
    return {
      ...base,
      phase: 'unschedulable',
      note: `${n} pod${n === 1 ? '' : 's'} Pending: the scheduler cannot place ${n === 1 ? 'it' : 'them'} (click the pod)`,
    };
  }
  if (updated >= desired)
    return { ...base, phase: 'progressing', note: 'waiting for new pods to become available' };
  return { ...base, phase: 'progressing', note: 'rolling out node by node' };
}
