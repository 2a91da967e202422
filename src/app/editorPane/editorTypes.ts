// The props of the YAML editor component (src/app/editor/YamlEditor, owned by the editor work).
import type { LoadError } from '../../worker/protocol';

export interface YamlEditorProps {
  value: string;
  onChange(text: string): void;
  onApply(): void;
  errors: LoadError[];
  theme: 'light' | 'dark';
}
