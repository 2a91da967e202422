// xargs as GNU findutils: arguments read from the input (blanks separate them, quotes and
// backslashes group them), appended to the command — all at once, `-n N` at a time, or with
// `-I {}` one input line per run put in place of `{}`. The command runs even for empty input
// unless `-r`; the status is 123 when any run failed. The only commands are kubectl and echo.
import { getopt, usageError } from './getopt';
import type { OptionSpec } from './getopt';
import { fail } from './program';
import type { Program } from './program';
import type { KubectlResult } from '../types';

const SPECS: OptionSpec[] = [
  { key: 'I', short: 'I', value: true },
  { key: 'I', long: 'replace', value: true },
  { key: 'n', short: 'n', long: 'max-args', value: true },
  { key: 'L', short: 'L', long: 'max-lines', value: true },
  { key: 'r', short: 'r', long: 'no-run-if-empty' },
  { key: 't', short: 't', long: 'verbose' },
  { key: 'd', short: 'd', long: 'delimiter', value: true },
];

/** parseArgs splits xargs's own options from the command it runs (empty for the default echo). */
function parseArgs(args: string[]) {
  // xargs stops reading its own options at the command's first word.
  const at = args.findIndex(
    (a, i) =>
      !a.startsWith('-') &&
      !/^-[InLd]$/.test(args[i - 1] ?? '') &&
      !/^--(replace|max-args|max-lines|delimiter)$/.test(args[i - 1] ?? ''),
  );
  const own = at < 0 ? args : args.slice(0, at);
  const command = at < 0 ? [] : args.slice(at);
  return { parsed: getopt(own, SPECS), command };
}

// GNU xargs's default input: blanks and newlines separate, quotes and backslash group.
function words(input: string): string[] | string {
  const out: string[] = [];
  let word = '';
  let inWord = false;
  let quote: string | undefined;
  for (let i = 0; i < input.length; i++) {
    const c = input.charAt(i);
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\n')
        return `unmatched ${quote === '"' ? 'double' : 'single'} quote; by default quotes are special to xargs unless you use the -0 option`;
      else word += c;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\' && i + 1 < input.length) {
      word += input.charAt(++i);
      inWord = true;
    } else if (/\s/.test(c)) {
      if (inWord) out.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote)
    return `unmatched ${quote === '"' ? 'double' : 'single'} quote; by default quotes are special to xargs unless you use the -0 option`;
  if (inWord) out.push(word);
  return out;
}

const SUPPORTED = ['kubectl', 'echo'];

export const xargs: Program = {
  refuse(args) {
    const { command } = parseArgs(args);
    const name = command[0];
    if (name === undefined || SUPPORTED.includes(name)) return undefined;
    return `xargs: ${name}: No such file or directory (in the playground xargs runs kubectl or echo)\n`;
  },
  run(args, io) {
    const { parsed, command } = parseArgs(args);
    if (!parsed.ok) return usageError('xargs', parsed.message, 1);
    const { flags } = parsed.options;
    const base = command.length ? command : ['echo'];
    const replace = flags.get('I');
    let runs: string[][];
    if (replace !== undefined) {
      // -I: one run per non-blank input line, its leading blanks dropped, put in place of the string.
      const token = replace === true ? '{}' : replace;
      const lines = io.stdin
        .split('\n')
        .map((l) => l.replace(/^[ \t]+/, ''))
        .filter((l) => l !== '');
      runs = lines.map((line) => base.slice(1).map((w) => w.split(token).join(line)));
    } else {
      const input = flags.has('d')
        ? io.stdin
            .split(String(flags.get('d')).replace('\\n', '\n'))
            .filter((w, i, a) => w !== '' || i < a.length - 1)
        : words(io.stdin);
      if (typeof input === 'string') return fail(`xargs: ${input}\n`, 1);
      const perRun = flags.has('n')
        ? Number(flags.get('n'))
        : flags.has('L')
          ? Number(flags.get('L'))
          : Infinity;
      if (!(perRun >= 1))
        return fail(
          `xargs: value ${String(flags.get('n') ?? flags.get('L'))} for -n option should be >= 1\n`,
          1,
        );
      runs = [];
      for (let i = 0; i < input.length; i += perRun)
        runs.push([...base.slice(1), ...input.slice(i, i + perRun)]);
      if (runs.length === 0 && !flags.has('r')) runs.push(base.slice(1));
    }
    let stdout = '';
    let stderr = '';
    let failed = false;
    for (const run of runs) {
      if (flags.has('t')) stderr += `${[base[0], ...run].join(' ')}\n`;
      const res: KubectlResult =
        base[0] === 'echo'
          ? { stdout: `${run.join(' ')}\n`, stderr: '', exitCode: 0 }
          : io.kubectl(run, undefined);
      stdout += res.stdout;
      stderr += res.stderr;
      if (res.exitCode !== 0) failed = true;
    }
    return { stdout, stderr, exitCode: failed ? 123 : 0 };
  },
};
