// jq's path builtins (src/builtin.c and src/builtin.jq in jqlang/jq): recursion, path
// expressions, getpath/setpath/delpaths, del and tostream.
import type { JqNode } from './ast';
import { arg, each, iterable } from './builtinCall';
import type { Builtin } from './builtinCall';
import { deletePaths, getPath, setPath, toPath } from './paths';
import { isObject } from './values';
import type { Json } from './values';

export const PATH_BUILTINS: Record<string, Builtin> = {
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
  'tostream/0': (c) =>
    c
      .paths({ kind: 'recurse' }, c.input, c.env)
      .filter((p) => !Array.isArray(p.value) && !isObject(p.value))
      .map((p) => [p.path, p.value]),
};
