// grep as GNU grep 3.x prints: selected lines, `-n` prefixes (`N:` for a match, `N-` for
// context), context groups split by a `--` line, `-c` counts, and exit status 0 (a line was
// selected), 1 (none) or 2 (an error) — the status `if … | grep -q` scripts rely on.
import { compilePosix, escapeFixed } from './posixRegex';
import { getopt, noFiles, usageError } from './getopt';
import type { OptionSpec } from './getopt';
import { fail, joinLines, splitLines } from './program';
import type { Program } from './program';

const USAGE = 'grep [OPTION]... PATTERNS [FILE]...';

const SPECS: OptionSpec[] = [
  { key: 'A', short: 'A', long: 'after-context', value: true },
  { key: 'B', short: 'B', long: 'before-context', value: true },
  { key: 'C', short: 'C', long: 'context', value: true },
  { key: 'i', short: 'i', long: 'ignore-case' },
  { key: 'i', short: 'y' },
  { key: 'v', short: 'v', long: 'invert-match' },
  { key: 'E', short: 'E', long: 'extended-regexp' },
  { key: 'F', short: 'F', long: 'fixed-strings' },
  { key: 'G', short: 'G', long: 'basic-regexp' },
  { key: 'w', short: 'w', long: 'word-regexp' },
  { key: 'x', short: 'x', long: 'line-regexp' },
  { key: 'n', short: 'n', long: 'line-number' },
  { key: 'c', short: 'c', long: 'count' },
  { key: 'o', short: 'o', long: 'only-matching' },
  { key: 'q', short: 'q', long: 'quiet' },
  { key: 'q', long: 'silent' },
  { key: 'e', short: 'e', long: 'regexp', value: true },
  { key: 'm', short: 'm', long: 'max-count', value: true },
];

// GNU grep's --color takes an optional value; getopt here knows only "none" or "required".
function dropColor(args: string[]): string[] {
  return args.filter((a) => !/^--colou?r(=(always|never|auto))?$/.test(a));
}

function contextValue(value: string | true | undefined): number | undefined | 'bad' {
  if (value === undefined) return undefined;
  return typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : 'bad';
}

export const grep: Program = {
  streams(args) {
    const parsed = getopt(dropColor(args), SPECS, 'C');
    if (!parsed.ok) return false;
    const f = parsed.options.flags;
    return !['A', 'B', 'C', 'n', 'c', 'm', 'q'].some((k) => f.has(k));
  },
  run(rawArgs, io) {
    const parsed = getopt(dropColor(rawArgs), SPECS, 'C');
    if (!parsed.ok) return usageError('grep', parsed.message, 2, USAGE);
    const { flags, operands } = parsed.options;
    const patterns = flags.has('e') ? [String(flags.get('e'))] : operands.slice(0, 1);
    const files = flags.has('e') ? operands : operands.slice(1);
    if (patterns.length === 0) return fail(`Usage: ${USAGE}\nTry 'grep --help' for more information.\n`, 2);
    const file = files.find((f) => f !== '-');
    if (file !== undefined) return noFiles('grep', file, 2);
    const contexts = {
      A: contextValue(flags.get('A')),
      B: contextValue(flags.get('B')),
      C: contextValue(flags.get('C')),
    };
    for (const [k, v] of Object.entries(contexts))
      if (v === 'bad')
        return {
          stdout: '',
          stderr: `grep: ${String(flags.get(k))}: invalid context length argument\n`,
          exitCode: 2,
        };
    const maxCount = flags.has('m') ? Number(flags.get('m')) : Infinity;
    if (Number.isNaN(maxCount)) return fail('grep: invalid max count\n', 2);
    const after = (contexts.A ?? contexts.C ?? 0) as number;
    const before = (contexts.B ?? contexts.C ?? 0) as number;

    const pattern = patterns[0] ?? '';
    const word = flags.has('w');
    const whole = flags.has('x');
    const compiled = compilePosix(
      flags.has('F') ? escapeFixed(pattern) : pattern,
      flags.has('E') ? 'extended' : 'basic',
      {
        ignoreCase: flags.has('i'),
        global: flags.has('o'),
        wrap: (s) => (whole ? `^(?:${s})$` : word ? `(?<![A-Za-z0-9_])(?:${s})(?![A-Za-z0-9_])` : s),
      },
    );
    if (!compiled.ok) return { stdout: '', stderr: `grep: ${compiled.message}\n`, exitCode: 2 };
    const re = compiled.regex;
    const invert = flags.has('v');
    const lines = splitLines(io.stdin);
    const test = (line: string) => {
      re.lastIndex = 0;
      return re.test(line) !== invert;
    };

    const selected: number[] = [];
    for (let i = 0; i < lines.length && selected.length < maxCount; i++)
      if (test(lines[i] ?? '')) selected.push(i);
    const status = selected.length > 0 ? 0 : 1;
    if (flags.has('q')) return { stdout: '', stderr: '', exitCode: status };
    if (flags.has('c')) return { stdout: `${selected.length}\n`, stderr: '', exitCode: status };

    const numbered = flags.has('n');
    const out: string[] = [];
    if (flags.has('o')) {
      // -o prints each non-empty match of a selected line on its own line (nothing with -v).
      if (!invert) {
        for (const i of selected) {
          re.lastIndex = 0;
          for (const m of (lines[i] ?? '').matchAll(re))
            if (m[0]) out.push(numbered ? `${i + 1}:${m[0]}` : m[0]);
        }
      }
      return { stdout: joinLines(out), stderr: '', exitCode: status };
    }
    const isSelected = new Set(selected);
    let lastPrinted = -1;
    const last = selected[selected.length - 1] ?? -1;
    for (const i of selected) {
      const from = Math.max(0, i - before, lastPrinted + 1);
      if (lastPrinted >= 0 && from > lastPrinted + 1 && (before > 0 || after > 0)) out.push('--');
      for (let j = from; j <= i; j++) {
        const mark = isSelected.has(j) ? ':' : '-';
        out.push(numbered ? `${j + 1}${mark}${lines[j] ?? ''}` : (lines[j] ?? ''));
      }
      lastPrinted = i;
      // Trailing context runs until the next selected line takes over (or -m's last match).
      const next = selected.find((s) => s > i) ?? Infinity;
      const to = Math.min(lines.length - 1, i + after, next - 1);
      for (let j = i + 1; j <= to; j++) {
        out.push(numbered ? `${j + 1}-${lines[j] ?? ''}` : (lines[j] ?? ''));
        lastPrinted = j;
      }
      if (i === last) break;
    }
    return { stdout: joinLines(out), stderr: '', exitCode: status };
  },
};
