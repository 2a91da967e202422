// Paths into a value (jq's path(f), getpath, setpath, delpaths): what `del(…)`, `|=` and `=`
// change. Values are never mutated; each change copies the containers on its path.
import { JqError, described, isObject, typeOf } from './values';
import type { Json } from './values';

export type PathKey = string | number;
export type Path = PathKey[];

/** indexValue is `.[key]` on v, with jq's errors for the wrong types. */
export function indexValue(v: Json, key: Json): Json {
  if (typeof key === 'string') {
    if (v === null) return null;
    if (isObject(v)) return v[key] ?? null;
    throw new JqError(`Cannot index ${typeOf(v)} with "${key}"`);
  }
  if (typeof key === 'number') {
    if (v === null) return null;
    if (Array.isArray(v)) {
      const i = Math.floor(key);
      return v[i < 0 ? v.length + i : i] ?? null;
    }
    throw new JqError(`Cannot index ${typeOf(v)} with number`);
  }
  if (isObject(key) && (Array.isArray(v) || v === null)) {
    throw new JqError(`Cannot index ${typeOf(v)} with object`);
  }
  throw new JqError(`Cannot index ${typeOf(v)} with ${typeOf(key)}`);
}

export function getPath(v: Json, path: Path): Json {
  let cur = v;
  for (const k of path) {
    if (cur === null) return null;
    cur = indexValue(cur, k);
  }
  return cur;
}

export function setPath(v: Json, path: Path, x: Json): Json {
  if (path.length === 0) return x;
  const [k, ...rest] = path as [PathKey, ...PathKey[]];
  if (typeof k === 'string') {
    if (v !== null && !isObject(v)) throw new JqError(`Cannot index ${typeOf(v)} with "${k}"`);
    const o = v ?? {};
    return { ...o, [k]: setPath(o[k] ?? null, rest, x) };
  }
  if (v !== null && !Array.isArray(v)) throw new JqError(`Cannot index ${typeOf(v)} with number`);
  const a = [...(v ?? [])];
  const i = k < 0 ? a.length + k : k;
  if (i < 0) throw new JqError('Out of bounds negative array index');
  while (a.length < i) a.push(null);
  a[i] = setPath(a[i] ?? null, rest, x);
  return a;
}

function deleteOne(v: Json, path: Path): Json {
  if (v === null || path.length === 0) return path.length === 0 ? null : v;
  const [k, ...rest] = path as [PathKey, ...PathKey[]];
  if (rest.length > 0) {
    const child = indexValue(v, k);
    if (child === null) return v;
    return setPath(v, [k], deleteOne(child, rest));
  }
  if (typeof k === 'string') {
    if (!isObject(v)) throw new JqError(`Cannot delete field at object index of ${typeOf(v)}`);
    const o = { ...v };
    delete o[k];
    return o;
  }
  if (!Array.isArray(v)) throw new JqError(`Cannot delete field at index of ${typeOf(v)}`);
  const i = k < 0 ? v.length + k : k;
  return v.filter((_, j) => j !== i);
}

// Deleting the longest paths and highest indices first keeps the other paths valid.
function pathOrder(a: Path, b: Path): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i] as PathKey;
    const y = b[i] as PathKey;
    if (x !== y) return typeof x === typeof y ? (x < y ? -1 : 1) : typeof x === 'number' ? -1 : 1;
  }
  return a.length - b.length;
}

export function deletePaths(v: Json, paths: Path[]): Json {
  const sorted = [...paths].sort(pathOrder).reverse();
  return sorted.reduce<Json>((acc, p) => deleteOne(acc, p), v);
}

/** toPath checks that a value given as a path (getpath/setpath/delpaths) is an array of keys. */
export function toPath(v: Json): Path {
  if (!Array.isArray(v) || v.some((k) => typeof k !== 'string' && typeof k !== 'number'))
    throw new JqError(`Path must be specified as an array`);
  return v as Path;
}

export const invalidPath = (v: Json): JqError =>
  new JqError(`Invalid path expression with result ${described(v).replace(/^\w+ \((.*)\)$/, '$1')}`);
