// The props of the YAML editor component (src/app/editor/YamlEditor, owned by the editor work).
import type { LoadError } from '../../worker/protocol';

/** EditorSelection: a selection as offsets into the text (start === end for a caret). */
export interface EditorSelection {
  start: number;
  end: number;
}

export interface YamlEditorProps {
  value: string;
  onChange(text: string): void;
  onApply(): void;
  errors: LoadError[];
  theme: 'light' | 'dark';
  /**
   * Asked once, when the editor has mounted: the selection of the read-only stand-in if the user
   * is in it, so the editor takes the focus with the caret where they put it; undefined otherwise.
   */
  handOver?(): EditorSelection | undefined;
  /** Called once the editor is on the page and takes input. */
  onReady?(): void;
}
