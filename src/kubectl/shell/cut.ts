// cut as GNU coreutils: `-f LIST` with `-d` (TAB by default; a line without the delimiter is
// printed whole unless `-s`), `-c`/`-b LIST`; LIST is `N`, `N-M`, `N-`, `-M`, comma-separated.
import { stdinOptions, usageError } from './getopt';
import type { OptionSpec } from './getopt';
import { fail, joinLines, ok, splitLines } from './program';
import type { Program } from './program';

const SPECS: OptionSpec[] = [
  { key: 'f', short: 'f', long: 'fields', value: true },
  { key: 'c', short: 'c', long: 'characters', value: true },
  { key: 'b', short: 'b', long: 'bytes', value: true },
  { key: 'd', short: 'd', long: 'delimiter', value: true },
  { key: 's', short: 's', long: 'only-delimited' },
];

type Range = [number, number];

function parseList(list: string): Range[] | string {
  const ranges: Range[] = [];
  for (const part of list.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (m[1] === '' && m[3] === '')) return `invalid field range`;
    const from = m[1] === '' ? 1 : Number(m[1]);
    const to = m[2] === '' ? from : m[3] === '' ? Infinity : Number(m[3]);
    if (from === 0 || to === 0) return 'fields and positions are numbered from 1';
    if (to < from) return 'invalid decreasing range';
    ranges.push([from, to]);
  }
  return ranges;
}

const inRanges = (n: number, ranges: Range[]) => ranges.some(([a, b]) => n >= a && n <= b);

export const cut: Program = {
  streams: () => true,
  run(args, io) {
    const options = stdinOptions('cut', args, SPECS, 1);
    if (!options.ok) return options.result;
    const flags = options.flags;
    const mode = (['f', 'c', 'b'] as const).filter((k) => flags.has(k));
    if (mode.length === 0)
      return usageError('cut', 'you must specify a list of bytes, characters, or fields', 1);
    if (mode.length > 1) return usageError('cut', 'only one list may be specified', 1);
    const which = mode[0] ?? 'f';
    const ranges = parseList(String(flags.get(which)));
    if (typeof ranges === 'string') return usageError('cut', ranges, 1);
    const delim = flags.has('d') ? String(flags.get('d')) : '\t';
    if (delim.length !== 1) return usageError('cut', 'the delimiter must be a single character', 1);
    if (which !== 'f' && flags.has('d'))
      return fail(
        "cut: an input delimiter may be specified only when operating on fields\nTry 'cut --help' for more information.\n",
        1,
      );
    const out: string[] = [];
    for (const line of splitLines(io.stdin)) {
      if (which !== 'f') {
        out.push([...line].filter((_, i) => inRanges(i + 1, ranges)).join(''));
        continue;
      }
      if (!line.includes(delim)) {
        if (!flags.has('s')) out.push(line);
        continue;
      }
      out.push(
        line
          .split(delim)
          .filter((_, i) => inRanges(i + 1, ranges))
          .join(delim),
      );
    }
    return ok(joinLines(out));
  },
};
