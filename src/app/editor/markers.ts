// The loader's errors as Monaco markers. Pure (no Monaco import), so the app and the tests can
// use it without loading the editor chunk; the editor only displays what the loader found.
import type { editor } from 'monaco-editor/esm/vs/editor/editor.api.js';
import type { LoadError } from '../../worker/protocol';

/** MARKER_OWNER is the owner of the apply errors' markers, apart from monaco-yaml's schema diagnostics. */
export const MARKER_OWNER = 'playground-apply';

// monaco.MarkerSeverity.Error, spelled out so that this module does not import Monaco.
const SEVERITY_ERROR = 8;

/** LineInfo is the part of a text model markersFor needs: errors may name lines of an older text. */
export interface LineInfo {
  getLineCount(): number;
  getLineMaxColumn(line: number): number;
}

/**
 * markersFor turns load errors (1-based line and column in the whole stream) into marker data.
 * With a model, each marker runs from the error's column to the end of its line, and positions
 * beyond the text are clamped to it; without one, Monaco underlines the word at the position.
 */
export function markersFor(errors: readonly LoadError[], model?: LineInfo): editor.IMarkerData[] {
  return errors.map((e) => {
    const lastLine = model ? model.getLineCount() : Number.MAX_SAFE_INTEGER;
    const line = Math.min(Math.max(1, e.line), lastLine);
    const maxColumn = model ? model.getLineMaxColumn(line) : Number.MAX_SAFE_INTEGER;
    const column = Math.min(Math.max(1, e.column), maxColumn);
    return {
      severity: SEVERITY_ERROR,
      message: e.path ? `${e.path}: ${e.message}` : e.message,
      source: e.document > 1 ? `document ${e.document}` : undefined,
      startLineNumber: line,
      startColumn: column,
      endLineNumber: line,
      endColumn: model ? Math.max(column + 1, maxColumn) : column,
    } satisfies editor.IMarkerData;
  });
}
