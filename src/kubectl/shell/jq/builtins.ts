// jq's built-in functions (src/builtin.c and src/builtin.jq in jqlang/jq) that people use on
// kubectl's JSON. Each takes its arguments as closures, as in jq. This file holds the core
// (selection, type filters, numbers, generators, errors) and joins the families: strings,
// arrays and objects, paths.
import { arg, each } from './builtinCall';
import type { Builtin } from './builtinCall';
import { COLLECTION_BUILTINS } from './collectionBuiltins';
import { PATH_BUILTINS } from './pathBuiltins';
import { STRING_BUILTINS } from './stringBuiltins';
import { JqError, compact, described, isObject, truthy, typeOf } from './values';

const typeFilter =
  (t: string): Builtin =>
  (c) =>
    typeOf(c.input) === t ? [c.input] : [];

const CORE_BUILTINS: Record<string, Builtin> = {
  'empty/0': () => [],
  'not/0': (c) => [!truthy(c.input)],
  'select/1': (c) =>
    arg(c, 0)
      .filter(truthy)
      .map(() => c.input),
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
  'first/1': (c) => arg(c, 0).slice(0, 1),
  'last/1': (c) => arg(c, 0).slice(-1),
  'nth/2': (c) => arg(c, 0).flatMap((n) => arg(c, 1).slice(Number(n), Number(n) + 1)),
  'limit/2': (c) => arg(c, 0).flatMap((n) => arg(c, 1).slice(0, Math.max(0, Number(n)))),
  'env/0': () => [{}],
  'error/0': (c) => {
    throw new JqError(typeof c.input === 'string' ? c.input : `${compact(c.input)} (not a string)`, c.input);
  },
  'error/1': (c) =>
    each(c, 0, (m) => {
      throw new JqError(typeof m === 'string' ? m : `${compact(m)} (not a string)`, m);
    }),
  'isempty/1': (c) => [arg(c, 0).length === 0],
};

export const BUILTINS: Record<string, Builtin> = {
  ...CORE_BUILTINS,
  ...STRING_BUILTINS,
  ...COLLECTION_BUILTINS,
  ...PATH_BUILTINS,
  'builtins/0': () => Object.keys(BUILTINS),
};
