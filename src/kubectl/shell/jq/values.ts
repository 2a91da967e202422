// jq's value semantics (src/jv.c, src/builtin.c in jqlang/jq): type names, the total order used
// by sort and comparisons (null < false < true < numbers < strings < arrays < objects),
// equality, the arithmetic operators and the value dumps quoted in error messages.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** JqError is a runtime error; its message is what jq prints after `jq: error (at …): `. */
export class JqError extends Error {
  constructor(
    message: string,
    /** For `error(x)` with a non-string x: the value itself, which `try … catch` receives. */
    readonly value: Json = message,
  ) {
    super(message);
  }
}

export type TypeName = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';

export function typeOf(v: Json): TypeName {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  switch (typeof v) {
    case 'boolean':
      return 'boolean';
    case 'number':
      return 'number';
    case 'string':
      return 'string';
    default:
      return 'object';
  }
}

export const isObject = (v: Json): v is { [key: string]: Json } => typeOf(v) === 'object';
export const truthy = (v: Json): boolean => v !== null && v !== false;

/** compact is jq -c's rendering of a value. */
export function compact(v: Json): string {
  return JSON.stringify(v, (_k, x: unknown) =>
    typeof x === 'number' && !Number.isFinite(x)
      ? Number.isNaN(x)
        ? null
        : x > 0
          ? 1.7976931348623157e308
          : -1.7976931348623157e308
      : x,
  );
}

/** dump is a value as error messages quote it: compact JSON cut to 11 characters and "...". */
export function dump(v: Json): string {
  const text = compact(v);
  return text.length > 11 ? `${text.slice(0, 10)}...` : text;
}

/** described is `type (value)`, the way jq names a value in most error messages. */
export const described = (v: Json): string => `${typeOf(v)} (${dump(v)})`;

const RANK: Record<TypeName, number> = { null: 0, boolean: 1, number: 3, string: 4, array: 5, object: 6 };

// Code-point order, as jq compares strings.
const compareStrings = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** compare orders two values as jq's sort does. */
export function compare(a: Json, b: Json): number {
  const ta = typeOf(a);
  const tb = typeOf(b);
  const ra = ta === 'boolean' ? (a ? 2 : 1) : RANK[ta];
  const rb = tb === 'boolean' ? (b ? 2 : 1) : RANK[tb];
  if (ra !== rb) return ra - rb;
  if (ta === 'number') return (a as number) - (b as number);
  if (ta === 'string') return compareStrings(a as string, b as string);
  if (ta === 'array') {
    const x = a as Json[];
    const y = b as Json[];
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const c = compare(x[i] ?? null, y[i] ?? null);
      if (c !== 0) return c;
    }
    return x.length - y.length;
  }
  if (ta === 'object') {
    const x = a as Record<string, Json>;
    const y = b as Record<string, Json>;
    const kc = compare(Object.keys(x).sort(compareStrings), Object.keys(y).sort(compareStrings));
    if (kc !== 0) return kc;
    for (const k of Object.keys(x).sort(compareStrings)) {
      const c = compare(x[k] ?? null, y[k] ?? null);
      if (c !== 0) return c;
    }
  }
  return 0;
}

export const equal = (a: Json, b: Json): boolean => compare(a, b) === 0;

export const sortedKeys = (o: Record<string, Json>): string[] => Object.keys(o).sort(compareStrings);

function deepMerge(a: Record<string, Json>, b: Record<string, Json>): Record<string, Json> {
  const out: Record<string, Json> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const old = out[k];
    out[k] = old !== undefined && isObject(old) && isObject(v) ? deepMerge(old, v) : v;
  }
  return out;
}

/** arithmetic applies + - * / % as jq does, or throws jq's error for the operand types. */
export function arithmetic(op: string, a: Json, b: Json): Json {
  const ta = typeOf(a);
  const tb = typeOf(b);
  const cannot = (verb: string, extra = '') =>
    new JqError(`${described(a)} and ${described(b)} cannot be ${verb}${extra}`);
  switch (op) {
    case '+':
      if (a === null) return b;
      if (b === null) return a;
      if (ta === 'number' && tb === 'number') return (a as number) + (b as number);
      if (ta === 'string' && tb === 'string') return (a as string) + (b as string);
      if (ta === 'array' && tb === 'array') return [...(a as Json[]), ...(b as Json[])];
      if (ta === 'object' && tb === 'object') return { ...(a as object), ...(b as object) } as Json;
      throw cannot('added');
    case '-':
      if (ta === 'number' && tb === 'number') return (a as number) - (b as number);
      if (ta === 'array' && tb === 'array')
        return (a as Json[]).filter((x) => !(b as Json[]).some((y) => equal(x, y)));
      throw cannot('subtracted');
    case '*':
      if (ta === 'number' && tb === 'number') return (a as number) * (b as number);
      if ((ta === 'string' && tb === 'number') || (ta === 'number' && tb === 'string')) {
        const s = (ta === 'string' ? a : b) as string;
        const n = (ta === 'number' ? a : b) as number;
        return n <= 0 ? null : s.repeat(Math.max(1, Math.ceil(n)));
      }
      if (ta === 'object' && tb === 'object')
        return deepMerge(a as Record<string, Json>, b as Record<string, Json>);
      throw cannot('multiplied');
    case '/':
      if (ta === 'number' && tb === 'number') {
        if (b === 0) throw cannot('divided', ' because the divisor is zero');
        return (a as number) / (b as number);
      }
      if (ta === 'string' && tb === 'string')
        return (a as string) === '' ? [] : (a as string).split(b as string);
      throw cannot('divided');
    default:
      if (ta === 'number' && tb === 'number') {
        const d = Math.trunc(b as number);
        if (d === 0) throw cannot('divided', ' because the divisor is zero');
        const r = Math.trunc(a as number) % Math.abs(d);
        return r === 0 ? 0 : r;
      }
      throw cannot('divided');
  }
}
