// sort as GNU coreutils with LC_ALL=C: byte order, `-n` numeric (a leading number, else 0),
// `-k N[,M]` keys counted in blank-separated fields (the blanks before a field belong to it),
// `-t` a separator, `-r`, `-u` (one line per equal key) and the whole-line comparison that
// breaks ties.
import { getopt, usageError } from './getopt';
import type { OptionSpec } from './getopt';
import { fail, joinLines, ok, splitLines } from './program';
import type { Program } from './program';

const SPECS: OptionSpec[] = [
  { key: 'r', short: 'r', long: 'reverse' },
  { key: 'n', short: 'n', long: 'numeric-sort' },
  { key: 'u', short: 'u', long: 'unique' },
  { key: 'f', short: 'f', long: 'ignore-case' },
  { key: 'b', short: 'b', long: 'ignore-leading-blanks' },
  { key: 'k', short: 'k', long: 'key', value: true },
  { key: 't', short: 't', long: 'field-separator', value: true },
];

interface Key {
  from: number;
  to: number | undefined;
}

function parseKey(spec: string): Key | undefined {
  // Per-key options (`-k2n`) are taken as the global ones here; character offsets are dropped.
  const m = /^(\d+)(?:\.\d+)?[a-zA-Z]*(?:,(\d+)(?:\.\d+)?[a-zA-Z]*)?$/.exec(spec);
  if (!m || Number(m[1]) === 0) return undefined;
  return { from: Number(m[1]), to: m[2] !== undefined ? Number(m[2]) : undefined };
}

// Field start offsets: with a separator, just after each; without, where each blank run begins.
function fieldStarts(line: string, sep: string | undefined): number[] {
  const starts = [0];
  if (sep !== undefined) {
    for (let i = 0; i < line.length; i++) if (line.charAt(i) === sep) starts.push(i + 1);
    return starts;
  }
  for (let i = 1; i < line.length; i++) {
    if (/[ \t]/.test(line.charAt(i)) && !/[ \t]/.test(line.charAt(i - 1))) starts.push(i);
  }
  return starts;
}

function keyText(line: string, key: Key | undefined, sep: string | undefined): string {
  if (!key) return line;
  const starts = fieldStarts(line, sep);
  const begin = starts[key.from - 1];
  if (begin === undefined) return '';
  const next = key.to !== undefined ? starts[key.to] : undefined;
  const end = next === undefined ? line.length : sep !== undefined ? next - 1 : next;
  return line.slice(begin, end);
}

function leadingNumber(text: string): number {
  const m = /^\s*(-?\d*\.?\d+)/.exec(text);
  return m ? Number(m[1]) : 0;
}

const bytes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const sort: Program = {
  run(args, io) {
    const parsed = getopt(args, SPECS);
    if (!parsed.ok) return usageError('sort', parsed.message, 2);
    const { flags, operands } = parsed.options;
    const file = operands.find((f) => f !== '-');
    if (file !== undefined) return fail(`sort: cannot read: ${file}: No such file or directory\n`, 2);
    const rawKey = flags.get('k');
    const key = rawKey === undefined ? undefined : parseKey(String(rawKey));
    if (rawKey !== undefined && !key)
      return fail(`sort: invalid number at field start: invalid count at start of '${String(rawKey)}'\n`, 2);
    const sepValue = flags.get('t');
    const sep = sepValue === undefined ? undefined : String(sepValue);
    if (sep !== undefined && sep.length !== 1) return fail(`sort: multi-character tab '${sep}'\n`, 2);
    const fold = (s: string) => (flags.has('f') ? s.toUpperCase() : s);
    const blanks = (s: string) => (flags.has('b') ? s.replace(/^[ \t]+/, '') : s);
    const compareKeys = (a: string, b: string) =>
      flags.has('n') ? leadingNumber(a) - leadingNumber(b) : bytes(fold(blanks(a)), fold(blanks(b)));
    const sign = flags.has('r') ? -1 : 1;
    const rows = splitLines(io.stdin).map((line) => ({ line, key: keyText(line, key, sep) }));
    rows.sort((x, y) => sign * (compareKeys(x.key, y.key) || (flags.has('u') ? 0 : bytes(x.line, y.line))));
    const out: string[] = [];
    let previous: string | undefined;
    for (const r of rows) {
      if (flags.has('u') && previous !== undefined && compareKeys(previous, r.key) === 0) continue;
      out.push(r.line);
      previous = r.key;
    }
    return ok(joinLines(out));
  },
};
