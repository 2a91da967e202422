// The schema loader. The combined schema (every kind a scenario may hold, ~66 kB gzip) is loaded
// with a dynamic import so that it lands in its own chunk, fetched only by whoever needs it: the
// editor chunk and the Worker's `kubectl explain`. The per-kind files beside it are for tools.
import type { ManifestSchema } from './types';

export type { ManifestSchema } from './types';

/** manifestSchemaUri is the identifier the editor registers the combined schema under (never fetched). */
export const manifestSchemaUri = 'https://daemonset-playground.invalid/schemas/manifest.json';

let loading: Promise<ManifestSchema> | undefined;

/** loadManifestSchema returns the combined schema that dispatches on each document's kind. */
export function loadManifestSchema(): Promise<ManifestSchema> {
  // The cast skips a structural check of the JSON's inferred literal type, which is large and slow.
  loading ??= import('./manifest.json').then((m) => m.default as unknown as ManifestSchema);
  return loading;
}
