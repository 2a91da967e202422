// The scenario editor: the YAML editor (lazy; a textarea until it loads or if it is missing),
// its apply status, a hint that says what gets applied and when, and the error list.
//
// Monaco is ~800 kB gzip: it is not even requested before the grid's first paint. Until then, and
// while it loads, the text is shown read-only in a textarea; Monaco is asked for in the first idle
// moment after the paint (firstPaint.ts), or at once when the user focuses the text. Read-only
// means nothing typed can be lost in the hand-over; a user who is in the text when Monaco arrives
// finds the focus and the caret (or selection) in Monaco where they left them.
import { Suspense, lazy, useCallback, useEffect, useRef, useState } from 'react';
import type { ComponentType } from 'react';
import { useAppStore } from '../store';
import { useBridge } from '../store/services';
import { appStore } from '../store';
import { afterFirstPaint } from '../firstPaint';
import { ATTR, TID } from '../testIds';
import type { Theme } from '../theme';
import { EditorBoundary } from './EditorBoundary';
import { ErrorList } from './ErrorList';
import type { EditorSelection, YamlEditorProps } from './editorTypes';
import { TextareaEditor } from './TextareaEditor';

/** APPLY_DEBOUNCE_MS: how long after the last keystroke the text is applied. */
export const APPLY_DEBOUNCE_MS = 800;

// Found at build time: while src/app/editor/YamlEditor.tsx does not exist, the glob is empty and
// the textarea is the editor, so the page builds with or without it.
const editorModules = import.meta.glob<{ default: ComponentType<YamlEditorProps> }>(
  '../editor/YamlEditor.tsx',
);
const loadEditor = editorModules['../editor/YamlEditor.tsx'];
const YamlEditor = loadEditor ? lazy(loadEditor) : null;

/**
 * EditorKind, the pane's data-editor-kind: `waiting` while the read-only text stands in for
 * Monaco, `monaco` once Monaco takes input, `textarea` when Monaco could not load (or is absent)
 * and the plain editable textarea is the editor.
 */
type EditorKind = 'waiting' | 'monaco' | 'textarea';

const STATUS: Record<string, string> = {
  idle: '',
  dirty: 'Editing…',
  applying: 'Applying…',
  applied: 'Applied',
  invalid: 'Not applied: errors',
  failed: 'Not applied',
};

export function EditorPane({ theme }: { theme: Theme }) {
  const text = useAppStore((s) => s.editorText);
  const errors = useAppStore((s) => s.editorErrors);
  const applyState = useAppStore((s) => s.applyState);
  const applyMessage = useAppStore((s) => s.applyMessage);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [wanted, setWanted] = useState(false);
  const [kind, setKind] = useState<EditorKind>(YamlEditor ? 'waiting' : 'textarea');
  const standIn = useRef<HTMLTextAreaElement>(null);
  const { applyEditorText } = useBridge();

  useEffect(() => (YamlEditor ? afterFirstPaint(() => setWanted(true)) : undefined), []);
  const wantNow = useCallback(() => setWanted(true), []);
  // Read once: StrictMode's second mount of the editor finds the focus already moved by the first.
  const handed = useRef<{ selection: EditorSelection | undefined } | null>(null);
  const handOver = useCallback((): EditorSelection | undefined => {
    if (!handed.current) {
      const el = standIn.current;
      const focused = el !== null && document.activeElement === el;
      handed.current = {
        selection: focused ? { start: el.selectionStart, end: el.selectionEnd } : undefined,
      };
    }
    return handed.current.selection;
  }, []);
  const onReady = useCallback(() => setKind('monaco'), []);
  const onFailed = useCallback(() => setKind('textarea'), []);

  const applyNow = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    void applyEditorText();
  }, [applyEditorText]);

  const onChange = useCallback(
    (next: string) => {
      if (next === appStore.getState().editorText) return;
      appStore.getState().setEditorText(next);
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(applyNow, APPLY_DEBOUNCE_MS);
    },
    [applyNow],
  );

  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );

  const props: YamlEditorProps = { value: text, onChange, onApply: applyNow, errors, theme };
  const fallback = <TextareaEditor {...props} />;
  return (
    <div className="editor-pane" data-testid={TID.editor} {...{ [ATTR.editorKind]: kind }}>
      <div className="pane-header">
        <h2 className="pane-title">scenario.yaml</h2>
        <span className={`apply-status apply-status--${applyState}`} role="status">
          {STATUS[applyState]}
        </span>
        <button type="button" className="button button--primary button--small" onClick={applyNow}>
          Apply
        </button>
      </div>
      <div className="editor-pane__body">
        {/* Kept in its place while Monaco mounts beside it, so a click's focus and caret survive. */}
        {kind === 'waiting' && <TextareaEditor {...props} readOnly onActivate={wantNow} inputRef={standIn} />}
        {YamlEditor && wanted ? (
          <EditorBoundary fallback={fallback} onError={onFailed}>
            <Suspense fallback={null}>
              <YamlEditor {...props} handOver={handOver} onReady={onReady} />
            </Suspense>
          </EditorBoundary>
        ) : (
          !YamlEditor && fallback
        )}
      </div>
      <p className="editor-pane__hint">
        <kbd>Ctrl</kbd>+<kbd>Enter</kbd> (or a pause in typing) applies the whole text, like{' '}
        <code>kubectl apply -f -</code>. Objects removed from the text stay in the cluster; Restart runs the
        text again from t = 0. <kbd>Tab</kbd> moves focus out of the editor; <kbd>Ctrl</kbd>+<kbd>M</kbd>{' '}
        toggles Tab inserting spaces.
      </p>
      <ErrorList errors={errors} message={applyState === 'applied' ? '' : applyMessage} />
    </div>
  );
}
