// The last lines of the pod's logs, as `kubectl logs --tail=20` prints them, and after a
// restart the previous run's (`-p`), which is where a crash says why.
import { useState } from 'react';
import type { PodDetails } from '../../worker/protocol';
import { TID } from '../testIds';
import { SnippetActions } from '../console/SnippetActions';

export function PodLogs({ details }: { details: PodDetails | null }) {
  const [previous, setPrevious] = useState(false);
  if (!details) return null;
  const hasPrevious = details.containers.some((c) => c.previousLogs);
  const showPrevious = previous && hasPrevious;
  const several = details.containers.length > 1;
  return (
    <section className="pod-logs" aria-label="Logs">
      <div className="pod-logs__head">
        <h3 className="subhead">Logs</h3>
        {hasPrevious && (
          <div className="segmented" role="group" aria-label="Which run">
            <button type="button" aria-pressed={!showPrevious} onClick={() => setPrevious(false)}>
              current
            </button>
            <button type="button" aria-pressed={showPrevious} onClick={() => setPrevious(true)}>
              previous (-p)
            </button>
          </div>
        )}
      </div>
      {details.containers.map((c) => {
        const text = showPrevious ? c.previousLogs : c.logs;
        return (
          <div key={c.name}>
            {several && <div className="pod-logs__container">{c.name}</div>}
            <p className="pod-logs__command">
              <code>{showPrevious ? c.previousCommand : c.command}</code>
              <SnippetActions command={showPrevious ? c.previousCommand : c.command} />
            </p>
            <pre className="pod-logs__text" tabIndex={0} data-testid={TID.podLogs}>
              {text.trimEnd() || '(no output yet)'}
            </pre>
          </div>
        );
      })}
    </section>
  );
}
