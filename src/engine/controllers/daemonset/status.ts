// The DaemonSet status the controller writes after each sync (updateDaemonSetStatus in
// pkg/controller/daemon/daemon_controller.go), from the per-node sums DaemonSetState keeps.
import type { DaemonSet, DaemonSetStatus } from '../../api/types';
import type { ApiServer } from '../../apiserver/apiServer';
import type { DaemonSetState } from './dsState';
import type { StatusContribution } from './nodeView';

// The counts updateDaemonSetStatus writes, and those of them apps/v1 tags omitempty.
const STATUS_COUNTS = [
  'desiredNumberScheduled',
  'currentNumberScheduled',
  'numberMisscheduled',
  'numberReady',
  'numberAvailable',
  'numberUnavailable',
  'updatedNumberScheduled',
] as const;
const OMIT_EMPTY_COUNTS: ReadonlySet<string> = new Set([
  'numberAvailable',
  'numberUnavailable',
  'updatedNumberScheduled',
]);

/** statusCounts names the per-node sums as the status fields they are written to. */
export function statusCounts(t: StatusContribution): Record<(typeof STATUS_COUNTS)[number], number> {
  return {
    desiredNumberScheduled: t.desired,
    currentNumberScheduled: t.current,
    numberMisscheduled: t.misscheduled,
    numberReady: t.ready,
    numberAvailable: t.available,
    numberUnavailable: t.desired - t.available,
    updatedNumberScheduled: t.updated,
  };
}

/**
 * updateDaemonSetStatus writes the DaemonSet's counts when they changed and returns the seconds
 * after which to sync again (undefined for none): while ready pods are not yet available,
 * MinReadySeconds later is a resync upstream keeps as a last line of defense.
 */
export function updateDaemonSetStatus(
  api: ApiServer,
  ds: DaemonSet,
  state: DaemonSetState,
): number | undefined {
  const counts = statusCounts(state.totals);
  const fresh = api.get<DaemonSet>('DaemonSet', ds.metadata.namespace, ds.metadata.name);
  if (!fresh) return undefined;
  // apps/v1 DaemonSetStatus tags updatedNumberScheduled, numberAvailable and numberUnavailable
  // omitempty: a zero is not stored, so `-o yaml` and `-o json` do not print it.
  const status: DaemonSetStatus = { observedGeneration: fresh.metadata.generation ?? 1 } as DaemonSetStatus;
  for (const k of STATUS_COUNTS) {
    if (counts[k] !== 0 || !OMIT_EMPTY_COUNTS.has(k)) status[k] = counts[k];
  }
  const prev = fresh.status;
  const same =
    prev !== undefined &&
    [...STATUS_COUNTS, 'observedGeneration' as const].every((k) => prev[k] === status[k]);
  if (!same) {
    api.mutateStatus(fresh, (d) => {
      const kept: Partial<DaemonSetStatus> = { ...(d.status ?? {}) };
      for (const k of STATUS_COUNTS) delete kept[k];
      d.status = { ...kept, ...status };
    });
  }
  const minReady = ds.spec.minReadySeconds ?? 0;
  return minReady > 0 && counts.numberReady !== counts.numberAvailable ? minReady : undefined;
}
