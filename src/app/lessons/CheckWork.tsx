// "Check my work": the current task's check run on demand, answering in plain words which
// conditions are not met yet ("fluentd still runs on node-3"), never a bare "not yet". The worker
// evaluates the check; a check that passes ticks the task off as the live check would.
import { useEffect, useRef, useState } from 'react';
import type { CheckReport } from '../../scenario/lessons/types';
import { useBridge } from '../store/services';
import { TID } from '../testIds';
import { Markdown } from './Markdown';

type Answer =
  | { state: 'checking' }
  | { state: 'passed' }
  | { state: 'unmet'; unmet: string[] }
  | { state: 'failed'; message: string };

function answerOf(report: CheckReport | null): Answer {
  if (!report || report.passed) return { state: 'passed' };
  return { state: 'unmet', unmet: report.unmet };
}

export function CheckWork() {
  const bridge = useBridge();
  const [answer, setAnswer] = useState<Answer | null>(null);
  const result = useRef<HTMLDivElement>(null);
  // The panel scrolls: bring the answer into view under the button.
  useEffect(() => {
    if (answer && answer.state !== 'checking') result.current?.scrollIntoView?.({ block: 'nearest' });
  }, [answer]);
  const check = async () => {
    setAnswer({ state: 'checking' });
    try {
      setAnswer(answerOf((await bridge.engine().checkWork()).report));
    } catch (err) {
      setAnswer({ state: 'failed', message: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <div className="lesson__checkwork">
      <button
        type="button"
        className="button button--small"
        data-testid={TID.lessonCheck}
        disabled={answer?.state === 'checking'}
        onClick={() => void check()}
      >
        Check my work
      </button>
      {answer && answer.state !== 'checking' && (
        <div
          ref={result}
          className="lesson__check-result"
          data-testid={TID.lessonCheckResult}
          data-state={answer.state}
          role="status"
        >
          {answer.state === 'passed' && <p>Done: every condition of this task holds.</p>}
          {answer.state === 'failed' && <p>The check could not run: {answer.message}</p>}
          {answer.state === 'unmet' && (
            <>
              <p>Not done yet:</p>
              <ul>
                {answer.unmet.map((text, i) => (
                  <li key={i}>
                    <Markdown text={text} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  );
}
