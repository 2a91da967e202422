// The plain editor used until (or instead of, when it fails to load) the Monaco YAML editor.
import type { YamlEditorProps } from './editorTypes';

export function TextareaEditor({ value, onChange, onApply }: YamlEditorProps) {
  return (
    <textarea
      className="textarea-editor"
      aria-label="Scenario YAML"
      spellCheck={false}
      autoCapitalize="off"
      autoComplete="off"
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          onApply();
        }
      }}
    />
  );
}
