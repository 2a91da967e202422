// jq's array and object builtins (src/builtin.c and src/builtin.jq in jqlang/jq): lengths,
// keys, containment, mapping, sorting and grouping, entries, element picks and flattening.
import { arg, each, iterable } from './builtinCall';
import type { Builtin, Call } from './builtinCall';
import {
  JqError,
  arithmetic,
  compact,
  compare,
  described,
  equal,
  isObject,
  sortedKeys,
  truthy,
  typeOf,
} from './values';
import type { Json } from './values';

function length(v: Json): number {
  switch (typeOf(v)) {
    case 'null':
      return 0;
    case 'boolean':
      throw new JqError(`${described(v)} has no length`);
    case 'number':
      return Math.abs(v as number);
    case 'string':
      return [...(v as string)].length;
    case 'array':
      return (v as Json[]).length;
    default:
      return Object.keys(v as object).length;
  }
}

function keys(v: Json, sorted: boolean): Json {
  if (Array.isArray(v)) return v.map((_, i) => i);
  if (isObject(v)) return sorted ? sortedKeys(v) : Object.keys(v);
  throw new JqError(`${described(v)} has no keys`);
}

function has(v: Json, k: Json): boolean {
  if (isObject(v) && typeof k === 'string') return Object.prototype.hasOwnProperty.call(v, k);
  if (Array.isArray(v) && typeof k === 'number') return k >= 0 && k < v.length;
  throw new JqError(`Cannot check whether ${typeOf(v)} has a ${typeOf(k)} key`);
}

function contains(a: Json, b: Json): boolean {
  const ta = typeOf(a);
  if (ta !== typeOf(b))
    throw new JqError(`${described(a)} and ${described(b)} cannot have their containment checked`);
  if (ta === 'object') {
    const x = a as Record<string, Json>;
    return Object.entries(b as Record<string, Json>).every(([k, v]) => k in x && contains(x[k] ?? null, v));
  }
  if (ta === 'array')
    return (b as Json[]).every((y) => (a as Json[]).some((x) => typeOf(x) === typeOf(y) && contains(x, y)));
  if (ta === 'string') return (a as string).includes(b as string);
  return equal(a, b);
}

function entries(v: Json): Json[] {
  if (isObject(v)) return Object.entries(v).map(([key, value]) => ({ key, value }));
  if (Array.isArray(v)) return v.map((value, key) => ({ key, value }));
  throw new JqError(`${described(v)} has no keys`);
}

function fromEntries(v: Json): Json {
  const out: Record<string, Json> = {};
  for (const e of iterable(v)) {
    if (!isObject(e)) throw new JqError(`Cannot index ${typeOf(e)} with "k"`);
    const k = e.key ?? e.k ?? e.name ?? e.Name ?? e.K ?? e.Key ?? null;
    const value = e.value ?? e.v ?? e.Value ?? e.V ?? null;
    const key =
      typeof k === 'string' ? k : typeof k === 'number' || typeof k === 'boolean' ? compact(k) : null;
    if (key === null) throw new JqError(`Cannot use ${described(k)} as object key`);
    out[key] = value;
  }
  return out;
}

function sortable(v: Json, what: string): Json[] {
  if (!Array.isArray(v)) throw new JqError(`${described(v)} cannot be ${what}, as it is not an array`);
  return v;
}

// sort_by, group_by, unique_by, min_by, max_by: each element's key is [f's outputs].
function keyed(c: Call, what: string): { v: Json; k: Json }[] {
  return sortable(c.input, what).map((v) => ({ v, k: arg(c, 0, v) }));
}

function flatten(v: Json, depth: number): Json[] {
  if (!Array.isArray(v)) throw new JqError(`Cannot iterate over ${described(v)}`);
  return v.flatMap((x) => (Array.isArray(x) && depth > 0 ? flatten(x, depth - 1) : [x]));
}

function indexFirst(v: Json, i: number): Json {
  if (v === null) return null;
  if (!Array.isArray(v)) throw new JqError(`Cannot index ${typeOf(v)} with number`);
  return v[i < 0 ? v.length + i : i] ?? null;
}

export const COLLECTION_BUILTINS: Record<string, Builtin> = {
  'length/0': (c) => [length(c.input)],
  'keys/0': (c) => [keys(c.input, true)],
  'keys_unsorted/0': (c) => [keys(c.input, false)],
  'has/1': (c) => each(c, 0, (k) => has(c.input, k)),
  'in/1': (c) => each(c, 0, (o) => has(o, c.input)),
  'contains/1': (c) => each(c, 0, (b) => contains(c.input, b)),
  'inside/1': (c) => each(c, 0, (a) => contains(a, c.input)),
  'map/1': (c) => [iterable(c.input).flatMap((x) => arg(c, 0, x))],
  'map_values/1': (c) => {
    if (Array.isArray(c.input)) return [c.input.flatMap((x) => arg(c, 0, x).slice(0, 1))];
    if (isObject(c.input)) {
      const out: Record<string, Json> = {};
      for (const [k, v] of Object.entries(c.input)) {
        const r = arg(c, 0, v);
        if (r.length) out[k] = r[0] as Json;
      }
      return [out];
    }
    throw new JqError(`Cannot iterate over ${described(c.input)}`);
  },
  'add/0': (c) => [iterable(c.input).reduce<Json>((acc, x) => arithmetic('+', acc, x), null)],
  'any/0': (c) => [iterable(c.input).some(truthy)],
  'all/0': (c) => [iterable(c.input).every(truthy)],
  'any/1': (c) => [iterable(c.input).some((x) => arg(c, 0, x).some(truthy))],
  'all/1': (c) => [iterable(c.input).every((x) => arg(c, 0, x).every(truthy))],
  'any/2': (c) => [arg(c, 0).some((x) => arg(c, 1, x).some(truthy))],
  'all/2': (c) => [arg(c, 0).every((x) => arg(c, 1, x).every(truthy))],
  'sort/0': (c) => [[...sortable(c.input, 'sorted')].sort(compare)],
  'sort_by/1': (c) => [
    keyed(c, 'sorted')
      .sort((a, b) => compare(a.k, b.k))
      .map((e) => e.v),
  ],
  'group_by/1': (c) => {
    const groups: Json[][] = [];
    let lastKey: Json | undefined;
    for (const e of keyed(c, 'grouped').sort((a, b) => compare(a.k, b.k))) {
      if (lastKey !== undefined && equal(lastKey, e.k)) (groups[groups.length - 1] as Json[]).push(e.v);
      else groups.push([e.v]);
      lastKey = e.k;
    }
    return [groups];
  },
  'unique/0': (c) => [
    [...sortable(c.input, 'sorted')]
      .sort(compare)
      .filter((x, i, a) => i === 0 || !equal(a[i - 1] ?? null, x)),
  ],
  'unique_by/1': (c) => [
    keyed(c, 'sorted')
      .sort((a, b) => compare(a.k, b.k))
      .filter((x, i, a) => i === 0 || !equal(a[i - 1]?.k ?? null, x.k))
      .map((e) => e.v),
  ],
  'min/0': (c) => [[...sortable(c.input, 'sorted')].sort(compare)[0] ?? null],
  'max/0': (c) => [[...sortable(c.input, 'sorted')].sort(compare).pop() ?? null],
  'min_by/1': (c) => [keyed(c, 'sorted').sort((a, b) => compare(a.k, b.k))[0]?.v ?? null],
  'max_by/1': (c) => [
    keyed(c, 'sorted')
      .sort((a, b) => compare(a.k, b.k))
      .pop()?.v ?? null,
  ],
  'reverse/0': (c) => [
    c.input === null
      ? []
      : typeof c.input === 'string'
        ? [...c.input].reverse().join('')
        : [...sortable(c.input, 'reversed')].reverse(),
  ],
  'to_entries/0': (c) => [entries(c.input)],
  'from_entries/0': (c) => [fromEntries(c.input)],
  'with_entries/1': (c) => [fromEntries(entries(c.input).flatMap((e) => arg(c, 0, e)))],
  'first/0': (c) => [indexFirst(c.input, 0)],
  'last/0': (c) => [indexFirst(c.input, -1)],
  'nth/1': (c) => each(c, 0, (n) => indexFirst(c.input, Number(n))),
  'flatten/0': (c) => [flatten(c.input, Infinity)],
  'flatten/1': (c) =>
    each(c, 0, (d) => {
      if (typeof d !== 'number' || d < 0) throw new JqError('flatten depth must not be negative');
      return flatten(c.input, d);
    }),
};
