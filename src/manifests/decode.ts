// Decoding a manifest object into the types of schema.ts, as the API server's JSON decoder would:
// wrong types are refused with encoding/json's wording, quantities must parse
// (resource.ErrFormatWrong), nulls mean "not set", and quantities are stored in canonical form.
import { canonicalQuantity, parseQuantity } from '../engine/api/quantity';
import { QUANTITY_FORMAT_ERROR } from '../engine/validation/resources';
import type { FieldType, StructType } from './schema';
import { goTypeName } from './schema';

/** DecodeError is a field that could not be decoded: its path and the decoder's message. */
export interface DecodeError {
  path: string;
  message: string;
}

interface Ctx {
  /** Short name of the innermost struct (`PodSpec`), as encoding/json names it. */
  struct: string;
  /** Dotted JSON field path from the root without list indices (`spec.template.spec.containers`). */
  field: string;
  /** Field path with indices and keys, for positions (`spec.template.spec.containers[0]`). */
  path: string;
  errors: DecodeError[];
}

const INT_RANGES: Record<string, [number, number]> = {
  int32: [-2147483648, 2147483647],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

/** jsonKind names a JSON value the way encoding/json's UnmarshalTypeError does. */
function jsonKind(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'string') return 'string';
  return 'object';
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function typeError(ctx: Ctx, value: string, type: FieldType): void {
  ctx.errors.push({
    path: ctx.path,
    message: `json: cannot unmarshal ${value} into Go struct field ${ctx.struct}.${ctx.field} of type ${goTypeName(type)}`,
  });
}

function decodeInt(v: unknown, type: 'int32' | 'int64', ctx: Ctx): unknown {
  if (typeof v !== 'number') return typeError(ctx, jsonKind(v), type);
  const [lo, hi] = INT_RANGES[type] ?? [0, 0];
  if (!Number.isInteger(v) || v < lo || v > hi) return typeError(ctx, `number ${v}`, type);
  return v;
}

function decodeScalar(v: unknown, type: Exclude<FieldType, object>, ctx: Ctx): unknown {
  switch (type) {
    case 'string':
      return typeof v === 'string' ? v : typeError(ctx, jsonKind(v), type);
    case 'bool':
      return typeof v === 'boolean' ? v : typeError(ctx, jsonKind(v), type);
    case 'int32':
    case 'int64':
      return decodeInt(v, type, ctx);
    case 'quantity': {
      // Quantity.UnmarshalJSON parses whatever it is given; anything but text or a number fails.
      const ok = (typeof v === 'string' || typeof v === 'number') && parseQuantity(v).ok;
      if (!ok) {
        ctx.errors.push({ path: ctx.path, message: QUANTITY_FORMAT_ERROR });
        return undefined;
      }
      return canonicalQuantity(String(v));
    }
    case 'intOrString':
      // IntOrString.UnmarshalJSON: quoted text is a string, anything else must be an int32.
      if (typeof v === 'string') return v;
      if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= 2147483647) return v;
      ctx.errors.push({
        path: ctx.path,
        message: `json: cannot unmarshal ${typeof v === 'number' ? `number ${v}` : jsonKind(v)} into Go value of type int32`,
      });
      return undefined;
    case 'any':
      return v;
  }
}

function shortName(struct: string): string {
  return struct.slice(struct.lastIndexOf('.') + 1);
}

function decodeStruct(v: Record<string, unknown>, type: StructType, ctx: Ctx): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(v)) {
    if (value === null || value === undefined) continue; // null leaves the Go zero value: unset
    const fieldType = type.fields[key];
    if (fieldType === undefined) {
      out[key] = value;
      continue;
    }
    const child: Ctx = {
      struct: shortName(type.struct),
      field: ctx.field ? `${ctx.field}.${key}` : key,
      path: ctx.path ? `${ctx.path}.${key}` : key,
      errors: ctx.errors,
    };
    const decoded = decodeValue(value, fieldType, child);
    if (decoded !== undefined) out[key] = decoded;
  }
  return out;
}

function decodeValue(v: unknown, type: FieldType, ctx: Ctx): unknown {
  if (typeof type === 'string') return decodeScalar(v, type, ctx);
  if ('struct' in type)
    return isPlainObject(v) ? decodeStruct(v, type, ctx) : typeError(ctx, jsonKind(v), type);
  if ('list' in type) {
    if (!Array.isArray(v)) return typeError(ctx, jsonKind(v), type);
    return v.map((item, i) => {
      const child = { ...ctx, path: `${ctx.path}[${i}]` };
      // A null element decodes to the element's zero value.
      if (item === null || item === undefined) return typeof type.list === 'object' ? {} : '';
      return decodeValue(item, type.list, child);
    });
  }
  if (!isPlainObject(v)) return typeError(ctx, jsonKind(v), type);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(v)) {
    const child = { ...ctx, path: `${ctx.path}[${key}]` };
    // In a map[string]string a null value is the empty string.
    const decoded =
      value === null || value === undefined
        ? type.map === 'string'
          ? ''
          : undefined
        : decodeValue(value, type.map, child);
    if (decoded !== undefined) out[key] = decoded;
  }
  return out;
}

/**
 * decodeObject checks an object against its kind's Go type and returns the normalized object
 * (nulls dropped, quantities canonical) with every field that the decoder would refuse.
 */
export function decodeObject(
  value: Record<string, unknown>,
  type: StructType,
): { object: Record<string, unknown>; errors: DecodeError[] } {
  const errors: DecodeError[] = [];
  const object = decodeStruct(value, type, { struct: shortName(type.struct), field: '', path: '', errors });
  return { object, errors };
}
