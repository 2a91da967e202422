// The scenario's YAML editor: Monaco with completion, hover documentation and schema diagnostics
// from the bundled Kubernetes schemas (monaco-yaml), the loader's errors as markers, and
// Ctrl/Cmd+Enter to apply. Default export, loaded lazily by the editor pane.
import { useEffect, useRef } from 'react';
import type { YamlEditorProps } from '../editorPane/editorTypes';
import { MARKER_OWNER, markersFor } from './markers';
import { monaco } from './monaco';

/** YamlEditorProps: the text and its errors come from the store; edits and apply go back to it. */
export type { YamlEditorProps };

const MODEL_URI = 'inmemory://playground/scenario.yaml';

export default function YamlEditor(props: YamlEditorProps) {
  const { value, errors, theme } = props;
  const host = useRef<HTMLDivElement>(null);
  const editorRef = useRef<monaco.editor.IStandaloneCodeEditor | null>(null);
  // Callbacks are read at call time so that the editor is created once, not on every render.
  const latest = useRef(props);
  // True while the text is set from props: those changes must not echo back as user edits.
  const settingFromProps = useRef(false);

  useEffect(() => {
    latest.current = props;
  });

  useEffect(() => {
    const node = host.current;
    if (!node) return;
    const uri = monaco.Uri.parse(MODEL_URI);
    // StrictMode mounts twice; a model left by the first mount would clash on its URI.
    monaco.editor.getModel(uri)?.dispose();
    const model = monaco.editor.createModel(latest.current.value, 'yaml', uri);
    const editor = monaco.editor.create(node, {
      model,
      theme: themeName(latest.current.theme),
      automaticLayout: true,
      minimap: { enabled: false },
      scrollBeyondLastLine: false,
      fontSize: 13,
      tabSize: 2,
      insertSpaces: true,
      // Enum values (RollingUpdate, NoSchedule…) are scalars, which Monaco tokenizes as strings.
      quickSuggestions: { other: true, comments: false, strings: true },
      // Only the schema's suggestions: words from the text are noise in a manifest.
      wordBasedSuggestions: 'off',
      // Hover and suggest widgets may overflow the pane instead of being clipped by it.
      fixedOverflowWidgets: true,
      renderWhitespace: 'boundary',
      ariaLabel: 'Scenario YAML. Tab moves focus out; Ctrl+M switches Tab to inserting spaces.',
      // Tab moves focus, so a keyboard user is never trapped here; Ctrl+M (Monaco's own toggle)
      // makes Tab indent again. The pane's hint says so.
      tabFocusMode: true,
    });
    editorRef.current = editor;
    editor.addAction({
      id: 'playground.apply',
      label: 'Apply the scenario',
      keybindings: [monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter],
      run: () => latest.current.onApply(),
    });
    const changes = model.onDidChangeContent(() => {
      if (!settingFromProps.current) latest.current.onChange(model.getValue());
    });
    // The user was in the read-only stand-in: the focus and the caret move over with the text.
    const selection = latest.current.handOver?.();
    if (selection) {
      const start = model.getPositionAt(selection.start);
      const end = model.getPositionAt(selection.end);
      editor.setSelection(new monaco.Selection(start.lineNumber, start.column, end.lineNumber, end.column));
      editor.revealPositionInCenterIfOutsideViewport(end);
      editor.focus();
    }
    latest.current.onReady?.();
    return () => {
      changes.dispose();
      editor.dispose();
      model.dispose();
      editorRef.current = null;
    };
  }, []);

  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (!model || model.getValue() === value) return;
    settingFromProps.current = true;
    try {
      // An edit rather than setValue keeps the undo stack: loading a scenario can be undone.
      model.pushEditOperations([], [{ range: model.getFullModelRange(), text: value }], () => null);
    } finally {
      settingFromProps.current = false;
    }
  }, [value]);

  // Set when the errors change only: between applies Monaco moves the markers along with the edits.
  useEffect(() => {
    const model = editorRef.current?.getModel();
    if (model) monaco.editor.setModelMarkers(model, MARKER_OWNER, markersFor(errors, model));
  }, [errors]);

  useEffect(() => {
    monaco.editor.setTheme(themeName(theme));
  }, [theme]);

  return <div ref={host} className="yaml-editor" style={{ width: '100%', height: '100%' }} />;
}

function themeName(theme: 'light' | 'dark'): string {
  return theme === 'dark' ? 'vs-dark' : 'vs';
}
