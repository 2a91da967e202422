// The schema `kubectl explain` reads. It is ~330 kB of JSON loaded with a dynamic import
// (manifests/schemas/index.ts loadManifestSchema), while runKubectl is synchronous; so whoever
// hosts the kubectl layer (the Worker, a test) loads it once and hands it over with
// setExplainSchema. Until then `explain` says the schema is still loading.
import type { JsonSchema, ManifestSchema } from '../../manifests/schemas/types';
import { lookupType } from './resources';

let loaded: ManifestSchema | undefined;

/**
 * setExplainSchema gives the kubectl layer the schema `kubectl explain` and its completion read
 * (module-level: one schema for every simulation). Pass undefined to forget it again.
 */
export function setExplainSchema(schema: ManifestSchema | undefined): void {
  loaded = schema;
}

/** explainSchema is the schema set by setExplainSchema, if any. */
export function explainSchema(): ManifestSchema | undefined {
  return loaded;
}

function definitionFor(schema: ManifestSchema, kind: string): JsonSchema | undefined {
  return Object.values(schema.definitions).find(
    (d) => d['x-kubernetes-group-version-kind']?.[0]?.kind === kind,
  );
}

function resolve(
  schema: ManifestSchema,
  node: JsonSchema | undefined,
  seen: Set<string>,
): JsonSchema | undefined {
  if (!node) return undefined;
  if (node.$ref) {
    if (seen.has(node.$ref)) return undefined;
    seen.add(node.$ref);
    return resolve(schema, schema.definitions[node.$ref.replace('#/definitions/', '')], seen);
  }
  if (node.items) return resolve(schema, node.items, seen);
  if (node.allOf?.length === 1 && !node.properties) return resolve(schema, node.allOf[0], seen);
  return node.properties && Object.keys(node.properties).length > 0 ? node : undefined;
}

/**
 * explainResources are the resource names explain completes (api-resources names of the kinds
 * the schema documents), each ending in "." as kubectl's completion offers them.
 */
export function explainResources(schema: ManifestSchema): string[] {
  return Object.values(schema.definitions)
    .map((d) => d['x-kubernetes-group-version-kind']?.[0]?.kind)
    .flatMap((kind) => {
      const t = kind ? lookupType(kind) : undefined;
      return t ? [`${t.resource}.`] : [];
    });
}

/**
 * explainFieldCompletions completes `resource.field.pre` the way kubectl's explain completion
 * does (cmd/explain/completion.go): fields with sub-fields end in ".", leaves do not.
 */
export function explainFieldCompletions(schema: ManifestSchema, partial: string): string[] {
  const lastDot = partial.lastIndexOf('.');
  if (lastDot < 0 || partial.includes('..')) return [];
  const [resource = '', ...fields] = partial.slice(0, lastDot).split('.');
  const t = lookupType(resource);
  let node = t ? resolve(schema, definitionFor(schema, t.kind), new Set()) : undefined;
  for (const f of fields) node = resolve(schema, node?.properties?.[f], new Set());
  if (!node?.properties) return [];
  const base = partial.slice(0, lastDot + 1);
  const names = Object.keys(node.properties).sort();
  const expandable = names.filter((n) => resolve(schema, node?.properties?.[n], new Set()));
  const leaves = names.filter((n) => !expandable.includes(n));
  return [...expandable.map((n) => `${base}${n}.`), ...leaves.map((n) => base + n)];
}
