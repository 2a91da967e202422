// The scenario text in the editor and what became of its last apply.
import type { LoadError } from '../../worker/protocol';
import type { SliceCreator } from './types';

/**
 * ApplyState: `dirty` typed but not sent yet, `applying` sent, `applied` the cluster took it,
 * `invalid` it has errors (nothing was applied), `failed` the engine could not apply it.
 */
export type ApplyState = 'idle' | 'dirty' | 'applying' | 'applied' | 'invalid' | 'failed';

export interface EditorSlice {
  editorText: string;
  editorErrors: LoadError[];
  applyState: ApplyState;
  /** kubectl apply's output for the last apply, or the reason it failed. */
  applyMessage: string;
  setEditorText(text: string): void;
  setApplyResult(state: ApplyState, errors: LoadError[], message: string): void;
}

export const createEditorSlice: SliceCreator<EditorSlice> = (set) => ({
  editorText: '',
  editorErrors: [],
  applyState: 'idle',
  applyMessage: '',
  setEditorText: (editorText) =>
    set((s) => (s.editorText === editorText ? {} : { editorText, applyState: 'dirty' })),
  setApplyResult: (applyState, editorErrors, applyMessage) => set({ applyState, editorErrors, applyMessage }),
});
