// `kubectl get ds` as a live table, with per DaemonSet a progress bar and line ("3 of 10 nodes
// updated · 3 available", the strategy, and why a rollout is stuck), the rollout history with
// one-click undo, and a restart button. Every button runs a kubectl command the console prints.
import { useCallback, useMemo, useState } from 'react';
import type { DaemonSet } from '../../engine/api/types';
import { parseTimestamp } from '../../engine/clock/clock';
import { formatAge } from '../model/format';
import { listCluster, podsByOwner } from '../model/cluster';
import { useAppStore } from '../store';
import { useObjects } from '../store/useObjects';
import { runCommand } from '../store/bridge';
import { TID } from '../testIds';
import { RolloutHistory } from './RolloutHistory';
import { rolloutProgress } from './rolloutProgress';
import { deletionText } from './deletion';

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

const COLUMNS: [string, string][] = [
  ['NAME', ''],
  ['DESIRED', 'desiredNumberScheduled'],
  ['CURRENT', 'currentNumberScheduled'],
  ['READY', 'numberReady'],
  ['UP-TO-DATE', 'updatedNumberScheduled'],
  ['AVAILABLE', 'numberAvailable'],
  ['NODE SELECTOR', ''],
  ['AGE', ''],
];

export function DaemonSetPanel() {
  const objects = useObjects();
  const now = useAppStore((s) => s.clock.time);
  const lists = useMemo(() => listCluster(objects), [objects]);
  const byOwner = useMemo(() => podsByOwner(objects), [objects]);
  const daemonSets = lists.daemonSets;
  // Once per snapshot (at most four a second on a big cluster), not on every clock tick: the
  // table re-renders each frame for AGE, and each progress reads thousands of pods.
  const progressOf = useMemo(
    () =>
      new Map(
        daemonSets.map((ds) => [ds, rolloutProgress(ds, byOwner.get(ds.metadata.uid ?? '') ?? [])] as const),
      ),
    [daemonSets, byOwner],
  );
  const [historyOf, setHistoryOf] = useState<string | null>(null);
  const run = useCallback((command: string) => void runCommand(command, 'grid'), []);

  return (
    <section className="panel ds-panel" data-testid={TID.dsStatus} aria-label="DaemonSets">
      {daemonSets.length === 0 ? (
        <p className="muted ds-panel__empty">No DaemonSets. Add one in the editor.</p>
      ) : (
        <table className="ds-table">
          <thead>
            <tr>
              {COLUMNS.map(([label, field]) => (
                <th key={label} scope="col" title={field || undefined}>
                  {label}
                </th>
              ))}
            </tr>
          </thead>
          {daemonSets.map((ds) => {
            const st = ds.status;
            const progress = progressOf.get(ds) ?? rolloutProgress(ds, []);
            const { desired, updated, available } = progress;
            const created = parseTimestamp(ds.metadata.creationTimestamp);
            const uid = ds.metadata.uid ?? ds.metadata.name;
            const open = historyOf === uid;
            const deleting = deletionText(ds, byOwner.get(ds.metadata.uid ?? '') ?? []);
            const revisions = lists.revisions.filter((r) =>
              r.metadata.ownerReferences?.some((o) => o.uid === ds.metadata.uid),
            ).length;
            return (
              <tbody
                key={uid}
                data-ds={ds.metadata.name}
                data-rollout={progress.phase}
                data-deleting={deleting ? (ds.metadata.finalizers?.[0] ?? 'true') : undefined}
                className={progress.phase === 'complete' ? '' : 'is-rolling'}
              >
                <tr>
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
                  <td colSpan={COLUMNS.length}>
                    <div
                      className="rollout-bar"
                      role="img"
                      aria-label={`${updated} of ${desired} updated, ${available} available`}
                      title={`${updated}/${desired} updated · ${available}/${desired} available`}
                    >
                      <span className="rollout-bar__updated" style={{ width: pct(updated, desired) }} />
                      <span className="rollout-bar__available" style={{ width: pct(available, desired) }} />
                    </div>
                    <div className="rollout-line">
                      <span
                        className={`rollout-line__text rollout-line__text--${progress.phase}`}
                        data-testid={TID.rolloutProgress}
                        title={`${progress.text} · ${progress.note} (${progress.strategy})`}
                      >
                        <strong>{progress.text}</strong> · {progress.note}
                      </span>
                      {deleting && <span className="rollout-line__deleting">{deleting}</span>}
                      <button
                        type="button"
                        className="button button--small"
                        aria-expanded={open}
                        onClick={() => setHistoryOf(open ? null : uid)}
                      >
                        History ({revisions}) {open ? '▴' : '▾'}
                      </button>
                      <button
                        type="button"
                        className="button button--small"
                        title={restartCommand(ds)}
                        onClick={() => run(restartCommand(ds))}
                      >
                        ⟳ Restart rollout
                      </button>
                    </div>
                  </td>
                </tr>
                {open && (
                  <tr className="ds-table__history-row">
                    <td colSpan={COLUMNS.length}>
                      <RolloutHistory
                        ds={ds}
                        revisions={lists.revisions}
                        pods={byOwner.get(ds.metadata.uid ?? '') ?? []}
                        onRun={run}
                      />
                    </td>
                  </tr>
                )}
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
