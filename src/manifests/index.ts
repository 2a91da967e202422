// The manifest layer: YAML stream → API objects with positions, and back to apply-able YAML.
export type { LoadedObject, ManifestError, Position, RawScenarioDoc } from './types';
export type { LoadOptions, LoadResult } from './load';
export type { FieldValidation } from './strict';
export { STRICT_DECODING_PREFIX } from './strict';
export { KIND_VERSIONS, MAX_JSON_CHARS, MAX_YAML_CHARS, loadManifests } from './load';
export { cleanForApply, dumpYaml, exportManifests } from './export';
export { formatManifestError } from './format';
