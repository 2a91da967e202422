// uniq as GNU coreutils: adjacent equal lines collapse; `-c` prefixes the count right-aligned in
// 7 columns and a space, `-d` keeps only repeated lines, `-u` only unrepeated, `-i` ignores case.
import { stdinOptions } from './getopt';
import type { OptionSpec } from './getopt';
import { joinLines, ok, splitLines } from './program';
import type { Program } from './program';

const SPECS: OptionSpec[] = [
  { key: 'c', short: 'c', long: 'count' },
  { key: 'd', short: 'd', long: 'repeated' },
  { key: 'u', short: 'u', long: 'unique' },
  { key: 'i', short: 'i', long: 'ignore-case' },
];

export const uniq: Program = {
  run(args, io) {
    const options = stdinOptions('uniq', args, SPECS, 1);
    if (!options.ok) return options.result;
    const flags = options.flags;
    const same = (a: string, b: string) => (flags.has('i') ? a.toLowerCase() === b.toLowerCase() : a === b);
    const groups: { line: string; n: number }[] = [];
    for (const line of splitLines(io.stdin)) {
      const last = groups[groups.length - 1];
      if (last && same(last.line, line)) last.n++;
      else groups.push({ line, n: 1 });
    }
    const kept = groups.filter((g) => (!flags.has('d') || g.n > 1) && (!flags.has('u') || g.n === 1));
    return ok(joinLines(kept.map((g) => (flags.has('c') ? `${String(g.n).padStart(7)} ${g.line}` : g.line))));
  },
  streams: () => false,
};
