// The plain editor: read-only while Monaco has not loaded yet (the text is shown and selectable,
// and focusing it asks for Monaco at once), editable when Monaco could not load at all.
import type { Ref } from 'react';
import type { YamlEditorProps } from './editorTypes';

type TextareaEditorProps = Pick<YamlEditorProps, 'value' | 'onChange' | 'onApply'> & {
  /** Set while Monaco is on its way: the text cannot change, so no edit is lost in the hand-over. */
  readOnly?: boolean;
  /** The user focused the read-only text (a click, Tab): Monaco is wanted now. */
  onActivate?(): void;
  inputRef?: Ref<HTMLTextAreaElement>;
};

export function TextareaEditor({
  value,
  onChange,
  onApply,
  readOnly,
  onActivate,
  inputRef,
}: TextareaEditorProps) {
  return (
    <textarea
      ref={inputRef}
      className={`textarea-editor${readOnly ? ' textarea-editor--waiting' : ''}`}
      aria-label={readOnly ? 'Scenario YAML (read-only until the editor has loaded)' : 'Scenario YAML'}
      spellCheck={false}
      autoCapitalize="off"
      autoComplete="off"
      readOnly={readOnly}
      value={value}
      onChange={(e) => onChange(e.target.value)}
      onFocus={onActivate}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          onApply();
        }
      }}
    />
  );
}
