// The scenario editor: the YAML editor (lazy; a textarea until it loads or if it is missing),
// its apply status, a hint that says what gets applied and when, and the error list.
import { Suspense, lazy, useCallback, useEffect, useRef } from 'react';
import type { ComponentType } from 'react';
import { useAppStore } from '../store';
import { applyEditorText } from '../store/bridge';
import { appStore } from '../store';
import { TID } from '../testIds';
import type { Theme } from '../theme';
import { EditorBoundary } from './EditorBoundary';
import { ErrorList } from './ErrorList';
import type { YamlEditorProps } from './editorTypes';
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

  const applyNow = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    void applyEditorText();
  }, []);

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
    <div className="editor-pane" data-testid={TID.editor}>
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
        {YamlEditor ? (
          <EditorBoundary fallback={fallback}>
            <Suspense fallback={fallback}>
              <YamlEditor {...props} />
            </Suspense>
          </EditorBoundary>
        ) : (
          fallback
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
