// jq's built-in functions (src/builtin.c and src/builtin.jq in jqlang/jq) that people use on
// kubectl's JSON: selection, mapping, keys, lengths, sorting and grouping, entries, strings,
// regex tests, paths and conversions. Each takes its arguments as closures, as in jq.
import type { JqNode } from './ast';
import { utf8 } from '../utf8';
import { deletePaths, getPath, setPath, toPath } from './paths';
import type { Path } from './paths';
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

/** Env holds the variables in scope ($name → value). */
export interface Env {
  vars: Map<string, Json>;
}

/** Call is one call of a builtin: its argument closures, its input and the evaluator. */
export interface Call {
  args: JqNode[];
  input: Json;
  env: Env;
  run(node: JqNode, input: Json, env: Env): Json[];
  paths(node: JqNode, input: Json, env: Env): { path: Path; value: Json }[];
}

type Builtin = (c: Call) => Json[];

const arg = (c: Call, i: number, input: Json = c.input): Json[] => c.run(c.args[i] as JqNode, input, c.env);
// Builtins written as `def f($a): …` in builtin.jq run once per output of their argument.
const each = (c: Call, i: number, f: (a: Json) => Json): Json[] => arg(c, i).map(f);

function requireString(v: Json, what: string): string {
  if (typeof v !== 'string') throw new JqError(`${described(v)} ${what}`);
  return v;
}

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

function iterable(v: Json): Json[] {
  if (Array.isArray(v)) return v;
  if (isObject(v)) return Object.values(v);
  throw new JqError(v === null ? 'Cannot iterate over null' : `Cannot iterate over ${described(v)}`);
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

// jq's regexes are Oniguruma's; JavaScript's agree on everything kubectl output needs.
function regex(re: Json, flags: Json, input: Json): RegExp {
  requireString(input, 'cannot be matched, as it is not a string');
  const source = requireString(re, 'cannot be matched, as it is not a string');
  const f = flags === null ? '' : requireString(flags, 'is not a string');
  const bad = [...f].find((x) => !'gixnsl'.includes(x));
  if (bad) throw new JqError(`${f} is not a valid modifier string`);
  try {
    return new RegExp(source, `${f.includes('i') ? 'i' : ''}${f.includes('s') ? 's' : ''}g`);
  } catch {
    throw new JqError(`${source} (at offset 0) is not a valid regex`);
  }
}

function substitute(c: Call, global: boolean): Json[] {
  const flags = c.args.length > 2 ? arg(c, 2) : [null];
  return flags.flatMap((fl) =>
    arg(c, 0).flatMap((re) => {
      const r = regex(
        re,
        typeof fl === 'string' && global && !fl.includes('g') ? `${fl}g` : global ? 'g' : fl,
        c.input,
      );
      const text = c.input as string;
      const matches = [...text.matchAll(r)].slice(
        0,
        global || (typeof fl === 'string' && fl.includes('g')) ? undefined : 1,
      );
      // Each replacement is the string the second argument makes, with the named captures as input.
      let out: string[] = [''];
      let last = 0;
      for (const m of matches) {
        const captures = (m.groups ?? {}) as Record<string, Json>;
        const reps = arg(c, 1, captures).map((x) => requireString(x, 'cannot be added to a string'));
        const before = text.slice(last, m.index);
        out = reps.flatMap((rep) => out.map((o) => o + before + rep));
        last = (m.index ?? 0) + m[0].length;
      }
      return out.map((o) => o + text.slice(last));
    }),
  );
}

const typeFilter =
  (t: string): Builtin =>
  (c) =>
    typeOf(c.input) === t ? [c.input] : [];

export const BUILTINS: Record<string, Builtin> = {
  'empty/0': () => [],
  'not/0': (c) => [!truthy(c.input)],
  'length/0': (c) => [length(c.input)],
  'utf8bytelength/0': (c) => [utf8(requireString(c.input, 'only strings have UTF-8 byte length')).length],
  'keys/0': (c) => [keys(c.input, true)],
  'keys_unsorted/0': (c) => [keys(c.input, false)],
  'has/1': (c) => each(c, 0, (k) => has(c.input, k)),
  'in/1': (c) => each(c, 0, (o) => has(o, c.input)),
  'contains/1': (c) => each(c, 0, (b) => contains(c.input, b)),
  'inside/1': (c) => each(c, 0, (a) => contains(a, c.input)),
  'select/1': (c) =>
    arg(c, 0)
      .filter(truthy)
      .map(() => c.input),
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
  'values/0': (c) => (c.input === null ? [] : [c.input]),
  'nulls/0': typeFilter('null'),
  'booleans/0': typeFilter('boolean'),
  'numbers/0': typeFilter('number'),
  'strings/0': typeFilter('string'),
  'arrays/0': typeFilter('array'),
  'objects/0': typeFilter('object'),
  'iterables/0': (c) => (Array.isArray(c.input) || isObject(c.input) ? [c.input] : []),
  'scalars/0': (c) => (Array.isArray(c.input) || isObject(c.input) ? [] : [c.input]),
  'type/0': (c) => [typeOf(c.input)],
  'add/0': (c) => [iterable(c.input).reduce<Json>((acc, x) => arithmetic('+', acc, x), null)],
  'any/0': (c) => [iterable(c.input).some(truthy)],
  'all/0': (c) => [iterable(c.input).every(truthy)],
  'any/1': (c) => [iterable(c.input).some((x) => arg(c, 0, x).some(truthy))],
  'all/1': (c) => [iterable(c.input).every((x) => arg(c, 0, x).every(truthy))],
  'any/2': (c) => [arg(c, 0).some((x) => arg(c, 1, x).some(truthy))],
  'all/2': (c) => [arg(c, 0).every((x) => arg(c, 1, x).every(truthy))],
  'range/1': (c) =>
    arg(c, 0).flatMap((n) => Array.from({ length: Math.max(0, Math.ceil(Number(n))) }, (_, i) => i)),
  'range/2': (c) =>
    arg(c, 0).flatMap((from) =>
      arg(c, 1).flatMap((to) =>
        Array.from({ length: Math.max(0, Math.ceil(Number(to) - Number(from))) }, (_, i) => Number(from) + i),
      ),
    ),
  'floor/0': (c) => [Math.floor(Number(c.input))],
  'ceil/0': (c) => [Math.ceil(Number(c.input))],
  'round/0': (c) => [Math.round(Number(c.input))],
  'sqrt/0': (c) => [Math.sqrt(Number(c.input))],
  'abs/0': (c) => [
    typeof c.input === 'number'
      ? Math.abs(c.input)
      : (() => {
          throw new JqError(`${described(c.input)} has no absolute value`);
        })(),
  ],
  'tostring/0': (c) => [typeof c.input === 'string' ? c.input : compact(c.input)],
  'tonumber/0': (c) => {
    if (typeof c.input === 'number') return [c.input];
    const s = requireString(c.input, 'cannot be parsed as a number');
    if (!/^\s*-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(s))
      throw new JqError(`Cannot parse '${s}' as JSON`);
    return [Number(s)];
  },
  'tojson/0': (c) => [compact(c.input)],
  'fromjson/0': (c) => {
    const s = requireString(c.input, 'only strings can be parsed');
    try {
      return [JSON.parse(s) as Json];
    } catch {
      throw new JqError(`${s} (while parsing '${s}')`);
    }
  },
  'ascii_downcase/0': (c) => [requireString(c.input, 'cannot be lowercased').toLowerCase()],
  'ascii_upcase/0': (c) => [requireString(c.input, 'cannot be uppercased').toUpperCase()],
  'startswith/1': (c) =>
    each(c, 0, (s) => {
      if (typeof c.input !== 'string' || typeof s !== 'string')
        throw new JqError('startswith() requires string inputs');
      return c.input.startsWith(s);
    }),
  'endswith/1': (c) =>
    each(c, 0, (s) => {
      if (typeof c.input !== 'string' || typeof s !== 'string')
        throw new JqError('endswith() requires string inputs');
      return c.input.endsWith(s);
    }),
  'ltrimstr/1': (c) =>
    each(c, 0, (s) =>
      typeof c.input === 'string' && typeof s === 'string' && c.input.startsWith(s)
        ? c.input.slice(s.length)
        : c.input,
    ),
  'rtrimstr/1': (c) =>
    each(c, 0, (s) =>
      typeof c.input === 'string' && typeof s === 'string' && s !== '' && c.input.endsWith(s)
        ? c.input.slice(0, -s.length)
        : c.input,
    ),
  'split/1': (c) =>
    each(c, 0, (s) => {
      if (typeof c.input !== 'string' || typeof s !== 'string')
        throw new JqError('split input and separator must be strings');
      return c.input === '' ? [] : c.input.split(s);
    }),
  'join/1': (c) =>
    each(c, 0, (sep) => {
      const s = requireString(sep, 'cannot be used as a separator');
      return iterable(c.input)
        .map((x) => {
          if (x === null) return '';
          if (typeof x === 'string') return x;
          if (typeof x === 'number' || typeof x === 'boolean') return compact(x);
          throw new JqError(`Cannot join with ${typeOf(x)}`);
        })
        .join(s);
    }),
  'test/1': (c) => each(c, 0, (re) => regex(re, null, c.input).test(c.input as string)),
  'test/2': (c) =>
    arg(c, 1).flatMap((fl) => each(c, 0, (re) => regex(re, fl, c.input).test(c.input as string))),
  'sub/2': (c) => substitute(c, false),
  'sub/3': (c) => substitute(c, false),
  'gsub/2': (c) => substitute(c, true),
  'gsub/3': (c) => substitute(c, true),
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
  'first/1': (c) => arg(c, 0).slice(0, 1),
  'last/1': (c) => arg(c, 0).slice(-1),
  'nth/1': (c) => each(c, 0, (n) => indexFirst(c.input, Number(n))),
  'nth/2': (c) => arg(c, 0).flatMap((n) => arg(c, 1).slice(Number(n), Number(n) + 1)),
  'limit/2': (c) => arg(c, 0).flatMap((n) => arg(c, 1).slice(0, Math.max(0, Number(n)))),
  'flatten/0': (c) => [flatten(c.input, Infinity)],
  'flatten/1': (c) =>
    each(c, 0, (d) => {
      if (typeof d !== 'number' || d < 0) throw new JqError('flatten depth must not be negative');
      return flatten(c.input, d);
    }),
  'recurse/0': (c) => c.run({ kind: 'recurse' }, c.input, c.env),
  'recurse/1': (c) => {
    const out: Json[] = [];
    const walk = (v: Json) => {
      out.push(v);
      for (const x of arg(c, 0, v)) walk(x);
    };
    walk(c.input);
    return out;
  },
  'env/0': () => [{}],
  'error/0': (c) => {
    throw new JqError(typeof c.input === 'string' ? c.input : `${compact(c.input)} (not a string)`, c.input);
  },
  'error/1': (c) =>
    each(c, 0, (m) => {
      throw new JqError(typeof m === 'string' ? m : `${compact(m)} (not a string)`, m);
    }),
  'path/1': (c) => c.paths(c.args[0] as JqNode, c.input, c.env).map((p) => p.path),
  'paths/0': (c) =>
    c
      .paths({ kind: 'recurse' }, c.input, c.env)
      .slice(1)
      .map((p) => p.path),
  'getpath/1': (c) => each(c, 0, (p) => getPath(c.input, toPath(p))),
  'setpath/2': (c) => arg(c, 1).flatMap((x) => each(c, 0, (p) => setPath(c.input, toPath(p), x))),
  'delpaths/1': (c) => each(c, 0, (ps) => deletePaths(c.input, iterable(ps).map(toPath))),
  'del/1': (c) => [
    deletePaths(
      c.input,
      c.paths(c.args[0] as JqNode, c.input, c.env).map((p) => p.path),
    ),
  ],
  'isempty/1': (c) => [arg(c, 0).length === 0],
  'splits/1': (c) => each(c, 0, (re) => (c.input as string).split(regex(re, null, c.input))).flat(),
  'ascii/0': (c) => [String.fromCharCode(Number(c.input))],
  'tostream/0': (c) =>
    c
      .paths({ kind: 'recurse' }, c.input, c.env)
      .filter((p) => !Array.isArray(p.value) && !isObject(p.value))
      .map((p) => [p.path, p.value]),
  'builtins/0': () => Object.keys(BUILTINS),
};

function indexFirst(v: Json, i: number): Json {
  if (v === null) return null;
  if (!Array.isArray(v)) throw new JqError(`Cannot index ${typeOf(v)} with number`);
  return v[i < 0 ? v.length + i : i] ?? null;
}
