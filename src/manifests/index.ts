// The manifest layer: YAML stream → API objects with positions, and back to apply-able YAML.
export type { ManifestError, Position, RawScenarioDoc } from './types';
export { loadManifests } from './load';
export { cleanForApply, dumpYaml, exportManifests } from './export';
export { formatManifestError } from './format';
