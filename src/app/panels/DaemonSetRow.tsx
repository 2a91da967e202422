// One DaemonSet in the table, as a <tbody> of named parts: the `kubectl get ds` columns, the
// rollout bar, the rollout line with its History and Restart buttons, and the history when open.
import type { ControllerRevision, DaemonSet } from '../../engine/api/types';
import { parseTimestamp } from '../../engine/clock/clock';
import { formatAge } from '../model/format';
import { TID } from '../testIds';
import type { DaemonSetRowModel } from './daemonSetRows';
import { RolloutHistory } from './RolloutHistory';
import type { RolloutProgress } from './rolloutProgress';

/** COLUMNS are `kubectl get ds`'s headers, each with the status field it shows (its tooltip). */
export const COLUMNS: [string, string][] = [
  ['NAME', ''],
  ['DESIRED', 'desiredNumberScheduled'],
  ['CURRENT', 'currentNumberScheduled'],
  ['READY', 'numberReady'],
  ['UP-TO-DATE', 'updatedNumberScheduled'],
  ['AVAILABLE', 'numberAvailable'],
  ['NODE SELECTOR', ''],
  ['AGE', ''],
];

function nodeSelectorText(ds: DaemonSet): string {
  const sel = Object.entries(ds.spec.template.spec.nodeSelector ?? {});
  return sel.length ? sel.map(([k, v]) => `${k}=${v}`).join(',') : '<none>';
}

function pct(part: number, whole: number): string {
  return whole > 0 ? `${Math.min(100, (part / whole) * 100)}%` : '0%';
}

/** restartCommand is the command the restart button runs. */
export function restartCommand(ds: DaemonSet): string {
  return `kubectl rollout restart daemonset/${ds.metadata.name} -n ${ds.metadata.namespace ?? 'default'}`;
}

function NameCell({ ds, deleting }: { ds: DaemonSet; deleting: string | undefined }) {
  return (
    <td className="ds-table__name">
      <span className="ds-table__ns">{ds.metadata.namespace}/</span>
      {ds.metadata.name}
      {deleting && (
        <span className="ds-table__terminating" title={deleting}>
          {' '}
          Terminating
        </span>
      )}
    </td>
  );
}

/** GetDsColumns is the row `kubectl get ds` prints, the age counted to `now`. */
function GetDsColumns({ row, now }: { row: DaemonSetRowModel; now: number }) {
  const { ds, progress } = row;
  const st = ds.status;
  const created = parseTimestamp(ds.metadata.creationTimestamp);
  return (
    <tr>
      <NameCell ds={ds} deleting={row.deleting} />
      <td>{progress.desired}</td>
      <td>{st?.currentNumberScheduled ?? 0}</td>
      <td>{st?.numberReady ?? 0}</td>
      <td>{progress.updated}</td>
      <td>{progress.available}</td>
      <td className="ds-table__selector" title={nodeSelectorText(ds)}>
        {nodeSelectorText(ds)}
      </td>
      <td>{Number.isNaN(created) ? '' : formatAge(now - created)}</td>
    </tr>
  );
}

function RolloutBar({ progress }: { progress: RolloutProgress }) {
  const { desired, updated, available } = progress;
  return (
    <div
      className="rollout-bar"
      role="img"
      aria-label={`${updated} of ${desired} updated, ${available} available`}
      title={`${updated}/${desired} updated · ${available}/${desired} available`}
    >
      <span className="rollout-bar__updated" style={{ width: pct(updated, desired) }} />
      <span className="rollout-bar__available" style={{ width: pct(available, desired) }} />
    </div>
  );
}

function RolloutText({ progress }: { progress: RolloutProgress }) {
  return (
    <span
      className={`rollout-line__text rollout-line__text--${progress.phase}`}
      data-testid={TID.rolloutProgress}
      title={`${progress.text} · ${progress.note} (${progress.strategy})`}
    >
      <strong>{progress.text}</strong> · {progress.note}
    </span>
  );
}

function HistoryToggle({ count, open, onToggle }: { count: number; open: boolean; onToggle(): void }) {
  return (
    <button type="button" className="button button--small" aria-expanded={open} onClick={onToggle}>
      History ({count}) {open ? '▴' : '▾'}
    </button>
  );
}

function RestartButton({ ds, onRun }: { ds: DaemonSet; onRun(command: string): void }) {
  return (
    <button
      type="button"
      className="button button--small"
      title={restartCommand(ds)}
      onClick={() => onRun(restartCommand(ds))}
    >
      ⟳ Restart rollout
    </button>
  );
}

interface RowActions {
  historyOpen: boolean;
  onToggleHistory(): void;
  onRun(command: string): void;
}

/** RolloutRow is the bar and, under it, how the rollout goes and what can be done about it. */
function RolloutRow({ row, historyOpen, onToggleHistory, onRun }: { row: DaemonSetRowModel } & RowActions) {
  return (
    <tr className="ds-table__bar-row">
      <td colSpan={COLUMNS.length}>
        <RolloutBar progress={row.progress} />
        <div className="rollout-line">
          <RolloutText progress={row.progress} />
          {row.deleting && <span className="rollout-line__deleting">{row.deleting}</span>}
          <HistoryToggle count={row.revisionCount} open={historyOpen} onToggle={onToggleHistory} />
          <RestartButton ds={row.ds} onRun={onRun} />
        </div>
      </td>
    </tr>
  );
}

function HistoryRow({
  row,
  revisions,
  onRun,
}: {
  row: DaemonSetRowModel;
  revisions: readonly ControllerRevision[];
  onRun(command: string): void;
}) {
  return (
    <tr className="ds-table__history-row">
      <td colSpan={COLUMNS.length}>
        <RolloutHistory ds={row.ds} revisions={revisions} pods={row.pods} onRun={onRun} />
      </td>
    </tr>
  );
}

/** DaemonSetRow is one DaemonSet's <tbody>; its data attributes say how its rollout and deletion go. */
export function DaemonSetRow({
  row,
  now,
  revisions,
  historyOpen,
  onToggleHistory,
  onRun,
}: {
  row: DaemonSetRowModel;
  now: number;
  revisions: readonly ControllerRevision[];
} & RowActions) {
  const { ds, progress, deleting } = row;
  return (
    <tbody
      data-ds={ds.metadata.name}
      data-rollout={progress.phase}
      data-deleting={deleting ? (ds.metadata.finalizers?.[0] ?? 'true') : undefined}
      className={progress.phase === 'complete' ? '' : 'is-rolling'}
    >
      <GetDsColumns row={row} now={now} />
      <RolloutRow row={row} historyOpen={historyOpen} onToggleHistory={onToggleHistory} onRun={onRun} />
      {historyOpen && <HistoryRow row={row} revisions={revisions} onRun={onRun} />}
    </tbody>
  );
}
