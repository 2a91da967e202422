// `-o yaml` and `-o json` as kubectl writes them. YAML goes through JSON and go-yaml, so every
// map's keys come out sorted and strings that YAML 1.1 would read as something else are quoted
// (`"true"`, `"2025-01-01T00:00:00Z"`). JSON follows the Go struct field order and 4-space indent
// (printers.JSONPrinter uses json.MarshalIndent(obj, "", "    ")).
import { dumpYaml } from '../../manifests';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** toJson drops undefined fields, as Go's omitempty drops unset ones. */
export function toJson(value: unknown): Json {
  return JSON.parse(JSON.stringify(value ?? null)) as Json;
}

function sortKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  const out: { [key: string]: Json } = {};
  for (const key of Object.keys(value).sort()) out[key] = sortKeys(value[key] ?? null);
  return out;
}

/** toYaml prints a value as kubectl -o yaml does: the manifest layer's YAML style, keys sorted. */
export function toYaml(value: unknown): string {
  return dumpYaml(sortKeys(toJson(value)));
}

/**
 * toJsonText prints a value as kubectl -o json does: `get` reads objects as unstructured maps,
 * and encoding/json writes a map's keys sorted, so `"items"` comes before `"kind"` in a List.
 */
export function toJsonText(value: unknown): string {
  return JSON.stringify(sortKeys(toJson(value)), null, 4) + '\n';
}

/** asList wraps objects the way kubectl prints several: a `v1` `List`. */
export function asList(items: readonly unknown[]): Record<string, unknown> {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } };
}
