// head and tail as GNU coreutils prints them: `-n N`, `-N`, `head -n -N` (all but the last N),
// `tail -n +N` (from line N on) and `-c` for bytes.
import { stdinOptions } from './getopt';
import type { OptionSpec } from './getopt';
import { fail, joinLines, ok, splitLines } from './program';
import type { Program } from './program';
import type { KubectlResult } from '../types';

const SPECS: OptionSpec[] = [
  { key: 'n', short: 'n', long: 'lines', value: true },
  { key: 'c', short: 'c', long: 'bytes', value: true },
  { key: 'q', short: 'q', long: 'quiet' },
  { key: 'q', long: 'silent' },
  { key: 'v', short: 'v', long: 'verbose' },
  // tail -f on a pipe ends with its input, as GNU tail does for a FIFO.
  { key: 'f', short: 'f', long: 'follow' },
  { key: 'F', short: 'F' },
];

interface Amount {
  count: number;
  /** head: a leading `-` (all but the last N); tail: a leading `+` (from the Nth on). */
  signed: boolean;
}

function amount(value: string, sign: '-' | '+'): Amount | undefined {
  const m = /^([+-]?)(\d+)$/.exec(value.trim());
  if (!m) return undefined;
  return { count: Number(m[2]), signed: m[1] === sign };
}

function parse(
  tool: 'head' | 'tail',
  args: string[],
): { error: KubectlResult } | { bytes: boolean; amount: Amount } {
  const options = stdinOptions(tool, args, SPECS, 1, 'n');
  if (!options.ok) return { error: options.result };
  const flags = options.flags;
  const bytes = flags.has('c');
  const raw = String(flags.get(bytes ? 'c' : 'n') ?? '10');
  const sign = tool === 'head' ? '-' : '+';
  const a = amount(raw, sign);
  if (!a) {
    const what = bytes ? 'bytes' : 'lines';
    return { error: fail(`${tool}: invalid number of ${what}: '${raw}'\n`, 1) };
  }
  return { bytes, amount: a };
}

export const head: Program = {
  run(args, io) {
    const p = parse('head', args);
    if ('error' in p) return p.error;
    const { count, signed } = p.amount;
    if (p.bytes)
      return ok(signed ? io.stdin.slice(0, Math.max(0, io.stdin.length - count)) : io.stdin.slice(0, count));
    const lines = splitLines(io.stdin);
    const kept = signed ? lines.slice(0, Math.max(0, lines.length - count)) : lines.slice(0, count);
    // A last line without a newline stays without one, as head copies bytes.
    const text = joinLines(kept);
    return ok(kept.length === lines.length && !io.stdin.endsWith('\n') ? text.slice(0, -1) : text);
  },
};

export const tail: Program = {
  run(args, io) {
    const p = parse('tail', args);
    if ('error' in p) return p.error;
    const { count, signed } = p.amount;
    if (p.bytes)
      return ok(signed ? io.stdin.slice(Math.max(0, count - 1)) : count === 0 ? '' : io.stdin.slice(-count));
    const lines = splitLines(io.stdin);
    const kept = signed ? lines.slice(Math.max(0, count - 1)) : count === 0 ? [] : lines.slice(-count);
    const text = joinLines(kept);
    return ok(kept.length > 0 && !io.stdin.endsWith('\n') ? text.slice(0, -1) : text);
  },
};
