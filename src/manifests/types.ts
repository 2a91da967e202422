// The shapes the manifest loader hands to kubectl, the scenario runner and the editor.
import type { KubeObject } from '../engine/api/types';

/**
 * ManifestError is one problem in a YAML stream, placed for an editor marker: the 1-based
 * document, line and column, the field path (`spec.template.spec.restartPolicy`; '' for syntax
 * errors and whole-document problems) and the message, in the API server's or kubectl's words.
 */
export interface ManifestError {
  document: number;
  line: number;
  column: number;
  path: string;
  message: string;
}

/** LoadedObject is an API object read from the stream, already defaulted, with where it starts. */
export interface LoadedObject {
  object: KubeObject;
  document: number;
  line: number;
}

/** Position is a 1-based line and column. */
export interface Position {
  line: number;
  column: number;
}

/**
 * RawScenarioDoc is the `playground/v1 Scenario` document as written, for parseScenarioDoc:
 * the plain object, where it starts, and the position of every field path in it
 * (`spec.steps[2].wait` → line and column of the value, or of the key for a collection), with
 * `keyPositions` giving the key's own position (to mark an unknown field).
 */
export interface RawScenarioDoc {
  document: number;
  line: number;
  object: Record<string, unknown>;
  positions: Record<string, Position>;
  keyPositions: Record<string, Position>;
}
