// `kubectl get ds` as a live table, with per DaemonSet a progress bar and line ("3 of 10 nodes
// updated · 3 available", the strategy, and why a rollout is stuck), the rollout history with
// one-click undo, and a restart button. Every button runs a kubectl command the console prints.
import { useCallback, useMemo, useState } from 'react';
import type { DaemonSet } from '../../engine/api/types';
import { listCluster, podsByOwner } from '../model/cluster';
import { useAppStore } from '../store';
import { useBridge } from '../store/services';
import { useObjects } from '../store/useCluster';
import { TID } from '../testIds';
import { daemonSetRows } from './daemonSetRows';
import { COLUMNS, DaemonSetRow } from './DaemonSetRow';

function TableHead() {
  return (
    <thead>
      <tr>
        {COLUMNS.map(([label, field]) => (
          <th key={label} scope="col" title={field || undefined}>
            {label}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** Availability says each DaemonSet's availability to a screen reader as it changes. */
function Availability({ daemonSets }: { daemonSets: readonly DaemonSet[] }) {
  return (
    <span className="visually-hidden" aria-live="polite">
      {daemonSets
        .map(
          (d) =>
            `${d.metadata.name}: ${d.status?.numberAvailable ?? 0} of ${d.status?.desiredNumberScheduled ?? 0} available`,
        )
        .join('. ')}
    </span>
  );
}

export function DaemonSetPanel() {
  const objects = useObjects();
  const now = useAppStore((s) => s.clock.time);
  const lists = useMemo(() => listCluster(objects), [objects]);
  const rows = useMemo(() => daemonSetRows(lists, podsByOwner(objects)), [lists, objects]);
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const { runCommand } = useBridge();
  const run = useCallback((command: string) => void runCommand(command, 'grid'), [runCommand]);

  return (
    <section className="panel ds-panel" data-testid={TID.dsStatus} aria-label="DaemonSets">
      {rows.length === 0 ? (
        <p className="muted ds-panel__empty">No DaemonSets. Add one in the editor.</p>
      ) : (
        <table className="ds-table">
          <TableHead />
          {rows.map((row) => {
            const open = historyOf === row.id;
            return (
              <DaemonSetRow
                key={row.id}
                row={row}
                now={now}
                revisions={lists.revisions}
                historyOpen={open}
                onToggleHistory={() => setHistoryOf(open ? null : row.id)}
                onRun={run}
              />
            );
          })}
        </table>
      )}
      {rows.length > 0 && <Availability daemonSets={lists.daemonSets} />}
    </section>
  );
}
