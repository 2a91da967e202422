// `kubectl explain` over the generated schemas: the same layout, type hints and errors as
// kubectl's OpenAPI v3 template (staging/src/k8s.io/kubectl/pkg/explain/v2/templates/plaintext.tmpl).
// Pure: no DOM, no I/O, so it runs in the Worker behind the console's `explain` verb.
import type { GroupVersionKind, JsonSchema, ManifestSchema } from './schemas/types';

export { loadManifestSchema } from './schemas/index';

/** ExplainError carries kubectl's own error text, e.g. `error: field "foo" does not exist`. */
export class ExplainError extends Error {
  override name = 'ExplainError';
}

/** ExplainOptions mirrors kubectl explain's flags. */
export interface ExplainOptions {
  /** recursive prints the names of all fields below, without descriptions (--recursive). */
  recursive?: boolean;
}

// kubectl resolves short names from discovery; these are the ones the API server serves.
const shortNames: Record<string, string> = {
  no: 'Node',
  po: 'Pod',
  ds: 'DaemonSet',
  deploy: 'Deployment',
  sts: 'StatefulSet',
  pc: 'PriorityClass',
};
// Kinds that exist only client side: kubectl has no resource to explain for them.
const notResources = new Set(['List']);

/**
 * explainField prints the documentation of a resource or one of its fields, as
 * `kubectl explain <path>` does: `explainField(schema, 'ds.spec.updateStrategy')`.
 * The path starts with a resource name (kind, singular, plural or short name, any case) and
 * goes on with field names, through arrays and maps. Throws ExplainError with kubectl's message.
 */
export function explainField(schema: ManifestSchema, path: string, options: ExplainOptions = {}): string {
  const [resource, ...fields] = path.trim().split('.');
  if (!resource) {
    throw new ExplainError(
      'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.',
    );
  }
  const found = findResource(schema, resource);
  if (!found) throw new ExplainError(`error: the server doesn't have a resource type "${resource}"`);
  const { gvk, definition } = found;
  const ctx: Context = { defs: schema.definitions, recursive: options.recursive ?? false };

  let out = gvk.group ? `GROUP:      ${gvk.group}\n` : '';
  out += `KIND:       ${gvk.kind}\nVERSION:    ${gvk.version}\n\n`;
  let current: JsonSchema = definition;
  fields.forEach((field, i) => {
    const next = childField(ctx, current, field);
    if (!next) throw new ExplainError(`error: field "${field}" does not exist`);
    if (i === fields.length - 1) out += `FIELD: ${field} <${typeGuess(ctx, next)}>\n${longEnum(next)}\n\n`;
    current = next;
  });
  out += 'DESCRIPTION:\n';
  out += indent(4, wrap(76, describe(ctx, current, new Set()) || '<empty>')) + '\n';
  const list = fieldList(ctx, current, 1, new Set());
  if (list) out += 'FIELDS:\n' + list;
  return out + '\n';
}

interface Context {
  defs: Record<string, JsonSchema>;
  recursive: boolean;
}

function findResource(
  schema: ManifestSchema,
  name: string,
): { gvk: GroupVersionKind; definition: JsonSchema } | undefined {
  const wanted = (shortNames[name.toLowerCase()] ?? name).toLowerCase();
  for (const definition of Object.values(schema.definitions)) {
    const gvk = definition['x-kubernetes-group-version-kind']?.[0];
    if (!gvk || notResources.has(gvk.kind)) continue;
    const kind = gvk.kind.toLowerCase();
    if (wanted === kind || wanted === plural(kind)) return { gvk, definition };
  }
  return undefined;
}

function plural(kind: string): string {
  return /(s|x|z|ch|sh)$/.test(kind) ? `${kind}es` : `${kind}s`;
}

function resolve(ctx: Context, ref: string): JsonSchema | undefined {
  return ctx.defs[ref.replace('#/definitions/', '')];
}

// childField finds a field under a schema as kubectl's "output" template walks: through refs,
// array items, map values and allOf alternatives, so `pod.spec.containers.readinessProbe` works.
function childField(ctx: Context, schema: JsonSchema, name: string): JsonSchema | undefined {
  const resolved = schema.$ref ? resolve(ctx, schema.$ref) : schema;
  if (!resolved) return undefined;
  const direct = resolved.properties?.[name];
  if (direct) return direct;
  if (resolved.items) return childField(ctx, resolved.items, name);
  if (typeof resolved.additionalProperties === 'object')
    return childField(ctx, resolved.additionalProperties, name);
  for (const alternative of resolved.allOf ?? []) {
    const found = childField(ctx, alternative, name);
    if (found) return found;
  }
  return undefined;
}

// describe joins a field's own description with its type's, as kubectl does for the OpenAPI v3
// `{description, allOf: [{$ref}]}` shape; our schemas put the $ref beside the description.
function describe(ctx: Context, schema: JsonSchema, seen: Set<string>): string {
  let text = schema.description ? `${schema.description}\n` : '';
  if (schema.$ref && !seen.has(schema.$ref)) {
    const target = resolve(ctx, schema.$ref);
    if (target) text += describe(ctx, target, new Set([...seen, schema.$ref]));
  }
  for (const alternative of schema.allOf ?? []) text += describe(ctx, alternative, seen);
  if (schema.items) text += describe(ctx, schema.items, seen);
  if (typeof schema.additionalProperties === 'object')
    text += describe(ctx, schema.additionalProperties, seen);
  return text;
}

// fieldList prints the fields of the object a schema leads to, sorted as Go ranges over a map.
function fieldList(ctx: Context, schema: JsonSchema, level: number, seen: Set<string>): string {
  if (schema.$ref && seen.has(schema.$ref)) return ''; // a cycle: kubectl stops here too
  const history = schema.$ref ? new Set([...seen, schema.$ref]) : seen;
  const resolved = schema.$ref ? resolve(ctx, schema.$ref) : schema;
  if (!resolved) return '';
  let out = '';
  const required = new Set(resolved.required ?? []);
  for (const name of Object.keys(resolved.properties ?? {}).sort(byteOrder)) {
    const field = resolved.properties?.[name] ?? {};
    out += fieldDetail(ctx, name, field, required.has(name), level);
    if (ctx.recursive) out += fieldList(ctx, field, level + 1, history);
  }
  for (const alternative of resolved.allOf ?? []) out += fieldList(ctx, alternative, level, history);
  if (resolved.items) out += fieldList(ctx, resolved.items, level, history);
  if (typeof resolved.additionalProperties === 'object') {
    out += fieldList(ctx, resolved.additionalProperties, level, history);
  }
  return out;
}

function fieldDetail(
  ctx: Context,
  name: string,
  field: JsonSchema,
  required: boolean,
  level: number,
): string {
  const pad = level * 2;
  let out = `${indent(pad, name)}\t<${typeGuess(ctx, field)}>${required ? ' -required-' : ''}`;
  out += shortEnum(field, pad) + '\n';
  if (ctx.recursive) return out;
  out += indent(pad + 2, wrap(78 - pad, field.description || '<no description>')) + '\n';
  return out + '\n';
}

// typeGuess is kubectl's type hint: `string`, `[]Container`, `map[string]Quantity`, `Object`.
function typeGuess(ctx: Context, schema: JsonSchema): string {
  if (schema.items) return `[]${typeGuess(ctx, schema.items)}`;
  if (typeof schema.additionalProperties === 'object')
    return `map[string]${typeGuess(ctx, schema.additionalProperties)}`;
  const only = schema.allOf?.[0];
  if (only && schema.allOf?.length === 1 && !schema.properties) return typeGuess(ctx, only);
  if (schema.$ref) {
    const target = resolve(ctx, schema.$ref);
    const type = target ? primaryType(target) : undefined;
    // Only objects are named after their definition; a ref to a scalar (Time) prints the scalar.
    if (!type || type === 'object') return schema.$ref.split('/').pop()?.split('.').pop() || 'Object';
    return type;
  }
  const type = primaryType(schema);
  return type === 'object' || !type ? 'Object' : type;
}

// Time is `["string", "null"]` in our schemas so that `creationTimestamp: null` validates; the
// API's type is the string.
function primaryType(schema: JsonSchema): string | undefined {
  return Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
}

function enumValues(schema: JsonSchema): string[] {
  return (schema.enum ?? []).map((v) => (v === '' ? '""' : String(v)));
}

function longEnum(schema: JsonSchema): string {
  const values = enumValues(schema);
  return values.length === 0 ? '' : 'ENUM:' + values.map((v) => `\n    ${v}`).join('');
}

// In field lists kubectl shows at most four values, then `, ....`.
function shortEnum(schema: JsonSchema, pad: number): string {
  const values = enumValues(schema);
  if (values.length === 0) return '';
  const shown = values.slice(0, 4).join(', ') + (values.length > 4 ? ', ....' : '');
  return `\n${' '.repeat(pad)}enum: ${shown}`;
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** indent is the template function: every line, blank ones too, gets the padding. */
function indent(amount: number, text: string): string {
  const pad = ' '.repeat(amount);
  return pad + text.split('\n').join(`\n${pad}`);
}

/**
 * wrap breaks lines at spaces to at most `limit` columns, as github.com/mitchellh/go-wordwrap
 * (kubectl's wrapper) does: existing line breaks stay, words longer than the limit are not split.
 * kubectl 1.32 started to drop the description's own line breaks first (kubernetes PR #126533),
 * which runs "Possible enum values:" lists into one paragraph; we keep them, as kubectl ≤1.31 did.
 */
export function wrap(limit: number, text: string): string {
  let out = '';
  let current = 0;
  let word = '';
  let space = '';
  for (const char of text) {
    if (char === '\n') {
      out += space + word + char;
      space = '';
      word = '';
      current = 0;
    } else if (/\s/.test(char) && char !== '\u00a0') {
      if (space === '' || word !== '') {
        current += [...space].length + [...word].length;
        out += space + word;
        space = '';
        word = '';
      }
      space += char;
    } else {
      word += char;
      const wordLength = [...word].length;
      if (current + [...space].length + wordLength > limit && wordLength < limit) {
        out += '\n';
        current = 0;
        space = '';
      }
    }
  }
  if (word === '') return current + [...space].length <= limit ? out + space : out;
  return out + space + word;
}
