// The manifest layer: YAML stream → API objects with positions, and back to apply-able YAML.
export type { ManifestError, Position, RawScenarioDoc } from './types';
export type { FieldValidation } from './strict';
export { STRICT_DECODING_PREFIX } from './strict';
export { loadManifests } from './load';
export { cleanForApply, dumpYaml, exportManifests } from './export';
export { formatManifestError } from './format';
