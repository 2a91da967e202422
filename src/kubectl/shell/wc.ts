// wc as GNU coreutils prints it for standard input: one count alone when one is asked for,
// else lines, words and bytes, each right-aligned in 7 columns (the width wc uses when it
// cannot know the input's size in advance).
import { stdinOptions } from './getopt';
import type { OptionSpec } from './getopt';
import { ok } from './program';
import { utf8 } from './utf8';
import type { Program } from './program';

const SPECS: OptionSpec[] = [
  { key: 'l', short: 'l', long: 'lines' },
  { key: 'w', short: 'w', long: 'words' },
  { key: 'c', short: 'c', long: 'bytes' },
  { key: 'm', short: 'm', long: 'chars' },
  { key: 'L', short: 'L', long: 'max-line-length' },
];

export const wc: Program = {
  run(args, io) {
    const options = stdinOptions('wc', args, SPECS, 1);
    if (!options.ok) return options.result;
    const flags = options.flags;
    const text = io.stdin;
    const all: [string, number][] = [
      ['l', (text.match(/\n/g) ?? []).length],
      ['w', text.split(/\s+/).filter(Boolean).length],
      ['m', [...text].length],
      ['c', utf8(text).length],
      ['L', Math.max(0, ...text.split('\n').map((l) => [...l].length))],
    ];
    const wanted = flags.size === 0 ? ['l', 'w', 'c'] : all.map(([k]) => k).filter((k) => flags.has(k));
    const counts = all.filter(([k]) => wanted.includes(k)).map(([, n]) => String(n));
    const line = counts.length === 1 ? (counts[0] ?? '') : counts.map((n) => n.padStart(7)).join(' ');
    return ok(`${line}\n`);
  },
};
