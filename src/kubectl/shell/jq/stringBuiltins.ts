// jq's string builtins (src/builtin.c and src/builtin.jq in jqlang/jq): conversions, case,
// prefixes and suffixes, split and join, and the regex family (test, sub, gsub, splits).
import { utf8 } from '../utf8';
import { arg, each, iterable, requireString } from './builtinCall';
import type { Builtin, Call } from './builtinCall';
import { JqError, compact, typeOf } from './values';
import type { Json } from './values';

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

export const STRING_BUILTINS: Record<string, Builtin> = {
  'utf8bytelength/0': (c) => [utf8(requireString(c.input, 'only strings have UTF-8 byte length')).length],
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
  'splits/1': (c) => each(c, 0, (re) => (c.input as string).split(regex(re, null, c.input))).flat(),
  'ascii/0': (c) => [String.fromCharCode(Number(c.input))],
};
