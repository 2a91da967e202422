// Strict field validation, as the API server's strict decoding does it (sigs.k8s.io/json
// UnmarshalStrict behind `?fieldValidation=Strict`, which kubectl ≥ 1.27 sends by default):
// every field the kind's Go types do not have is named with its full path
// (`spec.template.spec.containers[0].imagePulPolicy`); with Warn or Ignore the server drops them.
import fieldsJson from './schemas/fields.json' with { type: 'json' };
import type { FieldIndex } from './schemas/types';
import type { PathSegment } from './positions';

/** FieldValidation is the request's fieldValidation directive (metav1.FieldValidationStrict, …). */
export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

/** UnknownField is a field the kind does not have: its path as the server prints it, and its segments. */
export interface UnknownField {
  path: string;
  segments: PathSegment[];
}

// The cast skips a structural check of the JSON's inferred literal type.
const INDEX = fieldsJson as unknown as FieldIndex;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function joinPath(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

// Walks a value against a struct, collecting unknown fields and returning the value without them.
function prune(
  value: Record<string, unknown>,
  struct: string,
  path: string,
  segments: PathSegment[],
  out: UnknownField[],
): Record<string, unknown> {
  const fields = INDEX.structs[struct];
  if (!fields) return value;
  const kept: Record<string, unknown> = {};
  for (const [key, child] of Object.entries(value)) {
    const type = fields[key];
    const childPath = joinPath(path, key);
    if (type === undefined) {
      out.push({ path: childPath, segments: [...segments, key] });
      continue;
    }
    if (type !== '' && isPlainObject(child)) {
      kept[key] = prune(child, type, childPath, [...segments, key], out);
    } else if (type !== '' && Array.isArray(child)) {
      kept[key] = child.map((item, i) =>
        isPlainObject(item) ? prune(item, type, `${childPath}[${i}]`, [...segments, key, i], out) : item,
      );
    } else kept[key] = child;
  }
  return kept;
}

/**
 * unknownFields checks an object against its kind's fields and returns the object with the
 * unknown ones removed (as the server stores it under Warn and Ignore) and where each was.
 * Kinds the index does not know are returned as they are.
 */
export function unknownFields(
  value: Record<string, unknown>,
  kind: string,
): { object: Record<string, unknown>; unknown: UnknownField[] } {
  const root = INDEX.kinds[kind];
  if (!root) return { object: value, unknown: [] };
  const unknown: UnknownField[] = [];
  const object = prune(value, root, '', [], unknown);
  return { object, unknown };
}

/** fieldPath prints path segments as the strict decoder names a field (`spec.containers[0].name`). */
export function fieldPath(segments: readonly PathSegment[]): string {
  return segments.reduce<string>(
    (path, seg) => (typeof seg === 'number' ? `${path}[${seg}]` : joinPath(path, seg)),
    '',
  );
}

/** duplicateFieldMessage is sigs.k8s.io/json's strict error for a field set twice. */
export function duplicateFieldMessage(path: string): string {
  return `duplicate field "${path}"`;
}

/** unknownFieldMessage is one strict decoding error in sigs.k8s.io/json's words. */
export function unknownFieldMessage(path: string): string {
  return `unknown field "${path}"`;
}

/** STRICT_DECODING_PREFIX starts runtime.strictDecodingError's message. */
export const STRICT_DECODING_PREFIX = 'strict decoding error: ';
