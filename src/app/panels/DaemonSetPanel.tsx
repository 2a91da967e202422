// `kubectl get ds` as a live table, with a bar per DaemonSet: updated and available pods out of
// desired, so a rollout's progress shows at a glance.
import { useMemo } from 'react';
import type { DaemonSet } from '../../engine/api/types';
import { parseTimestamp } from '../../engine/clock/clock';
import { formatAge } from '../model/format';
import { listCluster } from '../model/cluster';
import { useAppStore } from '../store';
import { TID } from '../testIds';

function nodeSelectorText(ds: DaemonSet): string {
  const sel = Object.entries(ds.spec.template.spec.nodeSelector ?? {});
  return sel.length ? sel.map(([k, v]) => `${k}=${v}`).join(',') : '<none>';
}

function pct(part: number, whole: number): string {
  return whole > 0 ? `${Math.min(100, (part / whole) * 100)}%` : '0%';
}

export function DaemonSetPanel() {
  const objects = useAppStore((s) => s.objects);
  const now = useAppStore((s) => s.clock.time);
  const daemonSets = useMemo(() => listCluster(objects).daemonSets, [objects]);

  return (
    <section className="panel ds-panel" data-testid={TID.dsStatus} aria-label="DaemonSets">
      {daemonSets.length === 0 ? (
        <p className="muted ds-panel__empty">No DaemonSets. Add one in the editor.</p>
      ) : (
        <table className="ds-table">
          <thead>
            <tr>
              <th scope="col">NAME</th>
              <th scope="col" title="desiredNumberScheduled">
                DESIRED
              </th>
              <th scope="col" title="currentNumberScheduled">
                CURRENT
              </th>
              <th scope="col" title="numberReady">
                READY
              </th>
              <th scope="col" title="updatedNumberScheduled">
                UP-TO-DATE
              </th>
              <th scope="col" title="numberAvailable">
                AVAILABLE
              </th>
              <th scope="col">NODE SELECTOR</th>
              <th scope="col">AGE</th>
            </tr>
          </thead>
          {daemonSets.map((ds) => {
            const st = ds.status;
            const desired = st?.desiredNumberScheduled ?? 0;
            const updated = st?.updatedNumberScheduled ?? 0;
            const available = st?.numberAvailable ?? 0;
            const rolling = desired > 0 && (updated < desired || available < desired);
            const created = parseTimestamp(ds.metadata.creationTimestamp);
            return (
              <tbody key={ds.metadata.uid} data-ds={ds.metadata.name} className={rolling ? 'is-rolling' : ''}>
                <tr>
                  <td className="ds-table__name">
                    <span className="ds-table__ns">{ds.metadata.namespace}/</span>
                    {ds.metadata.name}
                  </td>
                  <td>{desired}</td>
                  <td>{st?.currentNumberScheduled ?? 0}</td>
                  <td>{st?.numberReady ?? 0}</td>
                  <td>{updated}</td>
                  <td>{available}</td>
                  <td className="ds-table__selector" title={nodeSelectorText(ds)}>
                    {nodeSelectorText(ds)}
                  </td>
                  <td>{Number.isNaN(created) ? '' : formatAge(now - created)}</td>
                </tr>
                <tr className="ds-table__bar-row">
                  <td colSpan={8}>
                    <div
                      className="rollout-bar"
                      role="img"
                      aria-label={`${updated} of ${desired} updated, ${available} available`}
                      title={`${updated}/${desired} updated · ${available}/${desired} available`}
                    >
                      <span className="rollout-bar__updated" style={{ width: pct(updated, desired) }} />
                      <span className="rollout-bar__available" style={{ width: pct(available, desired) }} />
                    </div>
                  </td>
                </tr>
              </tbody>
            );
          })}
        </table>
      )}
      {daemonSets.length > 0 && (
        <span className="visually-hidden" aria-live="polite">
          {daemonSets
            .map(
              (d) =>
                `${d.metadata.name}: ${d.status?.numberAvailable ?? 0} of ${d.status?.desiredNumberScheduled ?? 0} available`,
            )
            .join('. ')}
        </span>
      )}
    </section>
  );
}
