// The kubectl console: output that reads like a terminal, an input with history (↑/↓),
// completion (Tab, answered by the kubectl layer in the worker) and Ctrl+C to stop a watch.
import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { appStore, useAppStore } from '../store';
import { useBridge } from '../store/services';
import { TID } from '../testIds';
import { completeInput } from './completion';
import type { HistoryCursor } from './history';
import { NO_CURSOR, moveInHistory } from './history';

function ConsoleOutput() {
  const lines = useAppStore((s) => s.lines);
  const ref = useRef<HTMLDivElement>(null);
  const stick = useRef(true);

  useEffect(() => {
    const el = ref.current;
    if (el && stick.current) el.scrollTop = el.scrollHeight;
  }, [lines]);

  return (
    <div
      ref={ref}
      className="console__output"
      data-testid={TID.consoleOutput}
      role="log"
      aria-label="Console output"
      tabIndex={0}
      onScroll={(e) => {
        const el = e.currentTarget;
        // Follow new output only while the user is at the bottom.
        stick.current = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
      }}
    >
      {lines.length === 0 && (
        <div className="console__line console__line--info">Type help, or a kubectl command.</div>
      )}
      {lines.map((l) => (
        <div key={l.id} className={`console__line console__line--${l.kind}`}>
          {l.kind === 'input' && (
            <span className="console__prompt" aria-hidden="true">
              ${' '}
            </span>
          )}
          {l.text}
          {l.kind === 'input' && l.source === 'grid' && (
            <span className="console__source">from the grid</span>
          )}
          {l.kind === 'input' && l.source === 'scenario' && (
            <span className="console__source">scenario step</span>
          )}
        </div>
      ))}
    </div>
  );
}

export function Console() {
  const { completeLine, runCommand, stopWatch } = useBridge();
  const watching = useAppStore((s) => s.watching);
  const [text, setText] = useState('');
  const cursor = useRef<HistoryCursor>(NO_CURSOR);

  const submit = () => {
    const line = text;
    setText('');
    cursor.current = NO_CURSOR;
    void runCommand(line, 'console');
  };

  const complete = async () => {
    const candidates = await completeLine(text);
    const result = completeInput(text, candidates);
    setText(result.line);
    if (result.choices.length > 0)
      appStore.getState().appendConsole([{ kind: 'info', text: result.choices.join('   ') }]);
  };

  const onKeyDown = (ev: KeyboardEvent<HTMLInputElement>) => {
    const input = ev.currentTarget;
    if (ev.key === 'Enter') {
      ev.preventDefault();
      submit();
    } else if (ev.key === 'ArrowUp' || ev.key === 'ArrowDown') {
      ev.preventDefault();
      const moved = moveInHistory(
        appStore.getState().history,
        cursor.current,
        text,
        ev.key === 'ArrowUp' ? -1 : 1,
      );
      cursor.current = moved.cursor;
      setText(moved.text);
    } else if (ev.key === 'Tab' && text.trim()) {
      ev.preventDefault();
      void complete();
    } else if (ev.key.toLowerCase() === 'c' && ev.ctrlKey && input.selectionStart === input.selectionEnd) {
      // As in a terminal: with nothing selected, Ctrl+C interrupts (and drops the line).
      ev.preventDefault();
      stopWatch();
      setText('');
    } else if (ev.key.toLowerCase() === 'l' && ev.ctrlKey) {
      ev.preventDefault();
      appStore.getState().clearConsole();
    }
  };

  return (
    <section className="console" aria-label="kubectl console">
      <ConsoleOutput />
      <div className="console__input-row">
        <span className="console__prompt" aria-hidden="true">
          $
        </span>
        <input
          className="console__input"
          data-testid={TID.consoleInput}
          data-watching={watching ? 'true' : 'false'}
          aria-label="Command line (kubectl or sim)"
          placeholder={watching ? 'Watching… Ctrl+C stops' : 'kubectl get pods -A -o wide'}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            cursor.current = { index: null, draft: '' };
          }}
          onKeyDown={onKeyDown}
        />
        {watching && (
          <button
            type="button"
            className="button button--small"
            onClick={stopWatch}
            title="Stop the watch (Ctrl+C)"
          >
            Stop <kbd>^C</kbd>
          </button>
        )}
      </div>
    </section>
  );
}
