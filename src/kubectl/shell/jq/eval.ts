// Running a jq program: every expression is a generator, evaluated here eagerly into the list of
// its outputs, in jq's order (for `a + b`, the right side's outputs outermost). Path mode
// (pathsOf) follows the same tree to find what `path(f)`, `del(f)`, `|=` and `=` address.
import type { JqNode } from './ast';
import { BUILTINS } from './builtins';
import type { Env } from './builtinCall';
import { applyFormat } from './formats';
import { deletePaths, getPath, indexValue, invalidPath, setPath } from './paths';
import type { Path } from './paths';
import { JqError, arithmetic, compact, compare, described, isObject, truthy, typeOf } from './values';
import type { Json } from './values';

const SLICE_TYPES = new Set(['array', 'string', 'null']);

function iterate(v: Json): Json[] {
  if (Array.isArray(v)) return v;
  if (isObject(v)) return Object.values(v);
  throw new JqError(v === null ? 'Cannot iterate over null' : `Cannot iterate over ${described(v)}`);
}

function slice(v: Json, from: Json, to: Json): Json {
  if (!SLICE_TYPES.has(typeOf(v))) throw new JqError(`Cannot index ${typeOf(v)} with object`);
  if ((from !== null && typeof from !== 'number') || (to !== null && typeof to !== 'number'))
    throw new JqError('Start and end indices of an array slice must be numbers');
  if (v === null) return null;
  const len = typeof v === 'string' ? [...v].length : (v as Json[]).length;
  const clip = (n: number | null, d: number) => {
    if (n === null) return d;
    const i = n < 0 ? len + n : n;
    return Math.min(len, Math.max(0, Math.floor(i)));
  };
  const a = clip(from, 0);
  const b = Math.max(a, clip(to, len));
  return typeof v === 'string' ? [...v].slice(a, b).join('') : (v as Json[]).slice(a, b);
}

// Each combination of the outputs of several expressions, the last one varying slowest.
function product(lists: Json[][]): Json[][] {
  let out: Json[][] = [[]];
  for (const list of lists) out = list.flatMap((x) => out.map((prefix) => [...prefix, x]));
  return out;
}

const tostring = (v: Json): string => (typeof v === 'string' ? v : compact(v));

/** run evaluates a node on one input. */
export function run(node: JqNode, input: Json, env: Env): Json[] {
  switch (node.kind) {
    case 'identity':
      return [input];
    case 'recurse':
      return recurseAll(input);
    case 'literal':
      return [node.value as Json];
    case 'string': {
      const parts = node.parts.map((p) =>
        'text' in p
          ? [p.text as Json]
          : run(p.expr, input, env).map((v) => (node.format ? applyFormat(node.format, v) : tostring(v))),
      );
      return product(parts).map((pieces) => pieces.join(''));
    }
    case 'format':
      return [applyFormat(node.name, input)];
    case 'index':
      return run(node.key, input, env).flatMap((k) =>
        run(node.target, input, env).map((t) => indexValue(t, k)),
      );
    case 'slice': {
      const froms = node.from ? run(node.from, input, env) : [null];
      const tos = node.to ? run(node.to, input, env) : [null];
      return tos.flatMap((to) =>
        froms.flatMap((from) => run(node.target, input, env).map((t) => slice(t, from, to))),
      );
    }
    case 'iterate':
      return run(node.target, input, env).flatMap(iterate);
    case 'optional':
      try {
        return run(node.body, input, env);
      } catch (e) {
        if (e instanceof JqError) return [];
        throw e;
      }
    case 'pipe':
      return run(node.left, input, env).flatMap((v) => run(node.right, v, env));
    case 'comma':
      return [...run(node.left, input, env), ...run(node.right, input, env)];
    case 'alt': {
      let kept: Json[] = [];
      try {
        kept = run(node.left, input, env).filter(truthy);
      } catch (e) {
        if (!(e instanceof JqError)) throw e;
      }
      return kept.length > 0 ? kept : run(node.right, input, env);
    }
    case 'and':
    case 'or':
      return run(node.left, input, env).flatMap((l) => {
        if (node.kind === 'and' && !truthy(l)) return [false];
        if (node.kind === 'or' && truthy(l)) return [true];
        return run(node.right, input, env).map(truthy);
      });
    case 'binary':
      return run(node.right, input, env).flatMap((r) =>
        run(node.left, input, env).map((l) => binary(node.op, l, r)),
      );
    case 'neg':
      return run(node.body, input, env).map((v) => {
        if (typeof v !== 'number') throw new JqError(`${described(v)} cannot be negated`);
        return -v;
      });
    case 'array':
      return [node.body ? run(node.body, input, env) : []];
    case 'object':
      return objects(node.entries, input, env);
    case 'if':
      return run(node.cond, input, env).flatMap((c) =>
        truthy(c) ? run(node.then, input, env) : node.else ? run(node.else, input, env) : [input],
      );
    case 'try':
      try {
        return run(node.body, input, env);
      } catch (e) {
        if (!(e instanceof JqError)) throw e;
        return node.handler ? run(node.handler, e.value, env) : [];
      }
    case 'reduce': {
      return run(node.init, input, env).map((init) =>
        run(node.source, input, env).reduce<Json>((acc, x) => {
          const next = run(node.update, acc, { ...env, vars: new Map(env.vars).set(node.name, x) });
          return next.length ? (next[next.length - 1] as Json) : null;
        }, init),
      );
    }
    case 'bind':
      return run(node.source, input, env).flatMap((x) =>
        run(node.body, input, { ...env, vars: new Map(env.vars).set(node.name, x) }),
      );
    case 'var': {
      if (node.name === 'ENV' && !env.vars.has('ENV')) return [{}];
      if (node.name === '__loc__') return [{ file: '<stdin>', line: 1 }];
      const v = env.vars.get(node.name);
      if (v === undefined) throw new JqError(`$${node.name} is not defined`);
      return [v];
    }
    case 'assign':
      return assign(node.op, node.left, node.right, input, env);
    case 'call': {
      const fn = BUILTINS[`${node.name}/${node.args.length}`];
      if (!fn) throw new JqError(`${node.name}/${node.args.length} is not defined`);
      return fn({ args: node.args, input, env, run, paths: pathsOf });
    }
  }
}

function binary(op: string, l: Json, r: Json): Json {
  switch (op) {
    case '==':
      return compare(l, r) === 0;
    case '!=':
      return compare(l, r) !== 0;
    case '<':
      return compare(l, r) < 0;
    case '<=':
      return compare(l, r) <= 0;
    case '>':
      return compare(l, r) > 0;
    case '>=':
      return compare(l, r) >= 0;
    default:
      return arithmetic(op, l, r);
  }
}

function objects(entries: { key: JqNode; value: JqNode }[], input: Json, env: Env): Json[] {
  let out: Record<string, Json>[] = [{}];
  for (const e of entries) {
    const next: Record<string, Json>[] = [];
    for (const k of run(e.key, input, env)) {
      if (typeof k !== 'string') throw new JqError(`Object keys must be strings`);
      for (const v of run(e.value, input, env)) for (const o of out) next.push({ ...o, [k]: v });
    }
    out = next;
  }
  return out;
}

function recurseAll(v: Json): Json[] {
  const out: Json[] = [v];
  if (Array.isArray(v)) for (const x of v) out.push(...recurseAll(x));
  else if (isObject(v)) for (const x of Object.values(v)) out.push(...recurseAll(x));
  return out;
}

function assign(op: string, left: JqNode, right: JqNode, input: Json, env: Env): Json[] {
  const paths = () => pathsOf(left, input, env).map((p) => p.path);
  if (op === '|=') {
    return [
      paths().reduce<Json>((acc, p) => {
        const out = run(right, getPath(acc, p), env);
        return out.length ? setPath(acc, p, out[0] as Json) : deletePaths(acc, [p]);
      }, input),
    ];
  }
  return run(right, input, env).map((x) =>
    paths().reduce<Json>(
      (acc, p) => setPath(acc, p, op === '=' ? x : arithmetic(op.charAt(0), getPath(acc, p), x)),
      input,
    ),
  );
}

/** PathValue is one path an expression addresses, and the value found there. */
export interface PathValue {
  path: Path;
  value: Json;
}

/** pathsOf evaluates a node in path mode; a node that makes new values is jq's "Invalid path expression". */
export function pathsOf(
  node: JqNode,
  input: Json,
  env: Env,
  at: PathValue = { path: [], value: input },
): PathValue[] {
  switch (node.kind) {
    case 'identity':
      return [at];
    case 'recurse': {
      const out: PathValue[] = [];
      const walk = (pv: PathValue) => {
        out.push(pv);
        if (Array.isArray(pv.value)) pv.value.forEach((x, i) => walk({ path: [...pv.path, i], value: x }));
        else if (isObject(pv.value))
          for (const [k, x] of Object.entries(pv.value)) walk({ path: [...pv.path, k], value: x });
      };
      walk(at);
      return out;
    }
    case 'index':
      return run(node.key, at.value, env).flatMap((k) =>
        pathsOf(node.target, input, env, at).map((t) => {
          if (typeof k !== 'string' && typeof k !== 'number')
            throw new JqError(`Cannot index ${typeOf(t.value)} with ${typeOf(k)}`);
          return { path: [...t.path, k], value: indexValue(t.value, k) };
        }),
      );
    case 'iterate':
      return pathsOf(node.target, input, env, at).flatMap((t) => {
        if (Array.isArray(t.value)) return t.value.map((x, i) => ({ path: [...t.path, i], value: x }));
        if (isObject(t.value))
          return Object.entries(t.value).map(([k, x]) => ({ path: [...t.path, k], value: x }));
        if (t.value === null) return [];
        throw new JqError(`Cannot iterate over ${described(t.value)}`);
      });
    case 'optional':
      try {
        return pathsOf(node.body, input, env, at);
      } catch (e) {
        if (e instanceof JqError) return [];
        throw e;
      }
    case 'pipe':
      return pathsOf(node.left, input, env, at).flatMap((l) => pathsOf(node.right, input, env, l));
    case 'comma':
      return [...pathsOf(node.left, input, env, at), ...pathsOf(node.right, input, env, at)];
    case 'if':
      return run(node.cond, at.value, env).flatMap((c) =>
        truthy(c)
          ? pathsOf(node.then, input, env, at)
          : node.else
            ? pathsOf(node.else, input, env, at)
            : [at],
      );
    case 'alt': {
      const kept = pathsOf(node.left, input, env, at).filter((p) => truthy(p.value));
      return kept.length ? kept : pathsOf(node.right, input, env, at);
    }
    case 'bind':
      return run(node.source, at.value, env).flatMap((x) =>
        pathsOf(node.body, input, { ...env, vars: new Map(env.vars).set(node.name, x) }, at),
      );
    case 'call':
      if (node.name === 'select' && node.args.length === 1)
        return run(node.args[0] as JqNode, at.value, env)
          .filter(truthy)
          .map(() => at);
      if (node.name === 'empty' && node.args.length === 0) return [];
      if (node.name === 'first' && node.args.length === 1)
        return pathsOf(node.args[0] as JqNode, input, env, at).slice(0, 1);
      if (node.name === 'getpath' && node.args.length === 1)
        return run(node.args[0] as JqNode, at.value, env).map((p) => {
          const path = p as Path;
          return { path: [...at.path, ...path], value: getPath(at.value, path) };
        });
      if (node.name === 'recurse' && node.args.length === 0)
        return pathsOf({ kind: 'recurse' }, input, env, at);
      break;
    default:
      break;
  }
  const values = run(node, at.value, env);
  throw invalidPath(values[0] ?? null);
}
