// One-line rendering of a manifest error, for the headless runner's stderr and the console.
import type { ManifestError } from './types';

/**
 * formatManifestError prints an error as `document 2, line 14:7: spec.template.spec.restartPolicy:
 * Unsupported value: "OnFailure": supported values: "Always"` (the path is left out when empty).
 */
export function formatManifestError(e: ManifestError): string {
  const where = `document ${e.document}, line ${e.line}:${e.column}`;
  return e.path ? `${where}: ${e.path}: ${e.message}` : `${where}: ${e.message}`;
}
