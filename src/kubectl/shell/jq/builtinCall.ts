// What every jq builtin works with: its call (argument closures, input, evaluator) and the
// small argument and type checks the builtin families share.
import type { JqNode } from './ast';
import type { Path } from './paths';
import { JqError, described, isObject } from './values';
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

export type Builtin = (c: Call) => Json[];

export const arg = (c: Call, i: number, input: Json = c.input): Json[] =>
  c.run(c.args[i] as JqNode, input, c.env);
// Builtins written as `def f($a): …` in builtin.jq run once per output of their argument.
export const each = (c: Call, i: number, f: (a: Json) => Json): Json[] => arg(c, i).map(f);

export function requireString(v: Json, what: string): string {
  if (typeof v !== 'string') throw new JqError(`${described(v)} ${what}`);
  return v;
}

export function iterable(v: Json): Json[] {
  if (Array.isArray(v)) return v;
  if (isObject(v)) return Object.values(v);
  throw new JqError(v === null ? 'Cannot iterate over null' : `Cannot iterate over ${described(v)}`);
}
