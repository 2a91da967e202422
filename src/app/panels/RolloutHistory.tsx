// A DaemonSet's rollout history: every ControllerRevision, newest first, with its hash, images,
// how many pods run it, and the change that made it; one click rolls back to it, through the
// same `kubectl rollout undo … --to-revision=N` the console prints.
import { useMemo } from 'react';
import type { ControllerRevision, DaemonSet, Pod } from '../../engine/api/types';
import { LABEL_CONTROLLER_REVISION_HASH } from '../../engine/api/wellKnown';
import { rolloutHistory } from '../../engine/explain/revisionHistory';
import { TID } from '../testIds';
import { strategyText } from './rolloutProgress';

/** undoCommand is the command the undo button runs. */
export function undoCommand(ds: DaemonSet, revision: number): string {
  return `kubectl rollout undo daemonset/${ds.metadata.name} -n ${ds.metadata.namespace ?? 'default'} --to-revision=${revision}`;
}

export function RolloutHistory({
  ds,
  revisions,
  pods,
  onRun,
}: {
  ds: DaemonSet;
  revisions: readonly ControllerRevision[];
  pods: readonly Pod[];
  onRun(command: string): void;
}) {
  const entries = useMemo(() => rolloutHistory(ds, revisions), [ds, revisions]);
  const podsByHash = useMemo(() => {
    const counts = new Map<string, number>();
    for (const p of pods) {
      if (p.metadata.deletionTimestamp) continue;
      if (!p.metadata.ownerReferences?.some((r) => r.controller && r.uid === ds.metadata.uid)) continue;
      const hash = p.metadata.labels?.[LABEL_CONTROLLER_REVISION_HASH];
      if (hash) counts.set(hash, (counts.get(hash) ?? 0) + 1);
    }
    return counts;
  }, [ds, pods]);

  return (
    <section
      className="history"
      data-testid={TID.rolloutHistory}
      aria-label={`Rollout history of ${ds.metadata.name}`}
    >
      <p className="history__strategy">{strategyText(ds)}</p>
      {entries.length === 0 && <p className="muted">No revisions yet.</p>}
      <ol className="history__list">
        {entries.map((e) => {
          const running = podsByHash.get(e.hash) ?? 0;
          return (
            <li
              key={e.name}
              className={`history__entry${e.current ? ' is-current' : ''}`}
              data-revision={e.revision}
            >
              <div className="history__head">
                <span className="history__rev">r{e.revision}</span>
                <code className="history__hash" title={e.name}>
                  {e.hash}
                </code>
                <span className="history__images">{e.images.join(', ')}</span>
                <span className="history__pods">
                  {running} pod{running === 1 ? '' : 's'}
                </span>
                {e.current ? (
                  <span className="history__current">current</span>
                ) : (
                  <button
                    type="button"
                    className="button button--small history__undo"
                    aria-label={`Undo to revision ${e.revision}`}
                    title={undoCommand(ds, e.revision)}
                    onClick={() => onRun(undoCommand(ds, e.revision))}
                  >
                    ↶ Undo to r{e.revision}
                  </button>
                )}
              </div>
              {e.changeCause && <p className="history__cause">“{e.changeCause}”</p>}
              <ul className="history__changes">
                {e.changes.map((c) => (
                  <li key={c}>{c}</li>
                ))}
                {e.reused && (
                  <li className="history__reused">
                    an older template brought back by a rollback: it keeps its hash and moves to the newest
                    number
                  </li>
                )}
              </ul>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
