// Evaluating a lesson check against the running simulation. A check runs `kubectl get` (and the
// filters it may be piped into) through the same layer as the console (runCommandLine), so what
// passes a check is exactly what the learner would see by typing the command; it is not logged
// and never writes.
import type { Simulation } from '../../engine/simulation';
import { kubectl } from '../../kubectl/link';
import type { KubectlResult } from '../../kubectl';
import type { Check, CheckReport, Expectation } from './types';

// Trailing spaces are kubectl's column padding, not content; leading ones are kept (YAML indentation).
function normalize(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n')
    .trim();
}

function countLines(text: string): number {
  return text.split('\n').filter((l) => l.trim() !== '').length;
}

function compare(actual: number, op: NonNullable<Expectation['lines']>['op'], count: number): boolean {
  switch (op) {
    case '==':
      return actual === count;
    case '>=':
      return actual >= count;
    case '<=':
      return actual <= count;
    case '>':
      return actual > count;
    case '<':
      return actual < count;
  }
}

/** words is an output's whitespace-separated words, sorted: a set of names in any order. */
function wordSet(text: string): string {
  return text.split(/\s+/).filter(Boolean).sort().join(' ');
}

/** missingWords is the words of `other` that `text` lacks, once each, in `other`'s order. */
function missingWords(text: string, other: string): string[] {
  const have = new Set(text.split(/\s+/).filter(Boolean));
  return [...new Set(other.split(/\s+/).filter((w) => w !== '' && !have.has(w)))];
}

/**
 * meetsExpectation judges one command's output: every field of the expectation must hold.
 * `other` is the output of the expectation's sameWordsAs or includesWordsOf command, when it has one.
 */
export function meetsExpectation(result: KubectlResult, expect: Expectation, other?: KubectlResult): boolean {
  const failed = result.exitCode !== 0;
  if (failed !== (expect.error ?? false)) return false;
  const out = normalize(result.stdout);
  if (expect.empty !== undefined && (out === '') !== expect.empty) return false;
  if (expect.equals !== undefined && out !== normalize(expect.equals)) return false;
  if (expect.contains !== undefined && !result.stdout.includes(expect.contains)) return false;
  if (expect.matches !== undefined && !new RegExp(expect.matches, 'm').test(out)) return false;
  if (expect.lines !== undefined && !compare(countLines(out), expect.lines.op, expect.lines.count))
    return false;
  if (expect.sameWordsAs !== undefined) {
    if (!other || other.exitCode !== 0 || wordSet(other.stdout) !== wordSet(result.stdout)) return false;
  }
  if (expect.includesWordsOf !== undefined) {
    if (!other || other.exitCode !== 0 || missingWords(result.stdout, other.stdout).length > 0) return false;
  }
  return true;
}

function otherOutput(sim: Simulation, expect: Expectation): KubectlResult | undefined {
  const command = expect.sameWordsAs ?? expect.includesWordsOf;
  return command === undefined ? undefined : kubectl().runCommandLine(sim, command);
}

/** evaluateCheck tells whether the cluster passes a check now. all: and any: stop at the first answer. */
export function evaluateCheck(sim: Simulation, check: Check): boolean {
  switch (check.kind) {
    case 'kubectl':
      return meetsExpectation(
        kubectl().runCommandLine(sim, check.command),
        check.expect,
        otherOutput(sim, check.expect),
      );
    case 'all':
      return check.checks.every((c) => evaluateCheck(sim, c));
    case 'any':
      return check.checks.some((c) => evaluateCheck(sim, c));
    case 'not':
      return !evaluateCheck(sim, check.check);
  }
}

// ---- Check my work: each unmet condition in words ----

const MAX_SHOWN = 160;

/** shown prints a command's output for a sentence: `nothing`, or its lines joined, in backticks. */
function shown(out: string): string {
  if (out === '') return 'nothing';
  const text = out.split('\n').join(', ');
  return `\`${text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text}\``;
}

const commandText = (command: string) =>
  `\`${command.startsWith('kubectl') ? command : `kubectl ${command}`}\``;

const LINE_WORDS: Record<NonNullable<Expectation['lines']>['op'], string> = {
  '==': 'exactly',
  '>=': 'at least',
  '<=': 'at most',
  '>': 'more than',
  '<': 'fewer than',
};

/** expectationWords says what an expectation wants, after "it should": "print nothing", "print `3`". */
export function expectationWords(expect: Expectation): string {
  const words: string[] = [];
  if (expect.error) words.push('fail');
  if (expect.empty === true) words.push('print nothing');
  if (expect.empty === false) words.push('print something');
  if (expect.equals !== undefined) words.push(`print \`${normalize(expect.equals)}\``);
  if (expect.contains !== undefined) words.push(`include \`${expect.contains}\``);
  if (expect.matches !== undefined) words.push(`match \`${expect.matches}\``);
  if (expect.sameWordsAs !== undefined)
    words.push(`print the same names as ${commandText(expect.sameWordsAs)}`);
  if (expect.includesWordsOf !== undefined)
    words.push(`print every name ${commandText(expect.includesWordsOf)} prints`);
  if (expect.lines !== undefined) {
    const { op, count } = expect.lines;
    words.push(`print ${LINE_WORDS[op]} ${count} line${count === 1 && op === '==' ? '' : 's'}`);
  }
  return words.length ? words.join(' and ') : 'succeed';
}

/**
 * fill puts the command's output in place of `{output}` in an author's message, and the words
 * an includesWordsOf command printed that the output lacks in place of `{missing}`.
 */
function fill(message: string, out: string, missing: string[] = []): string {
  return message
    .replace(/\{output\}/g, out === '' ? 'none' : out.split('\n').join(', '))
    .replace(/\{missing\}/g, missing.length === 0 ? 'none' : missing.join(', '));
}

interface Explained {
  passed: boolean;
  unmet: string[];
  /** For a kubectl check: its output, so a not: around it can quote it. */
  out?: string;
}

function explain(sim: Simulation, check: Check): Explained {
  switch (check.kind) {
    case 'kubectl': {
      const result = kubectl().runCommandLine(sim, check.command);
      const out = normalize(result.stdout);
      const other = otherOutput(sim, check.expect);
      if (meetsExpectation(result, check.expect, other)) return { passed: true, unmet: [], out };
      const missing =
        other && check.expect.includesWordsOf !== undefined ? missingWords(out, other.stdout) : [];
      if (check.unmet !== undefined) return { passed: false, unmet: [fill(check.unmet, out, missing)], out };
      const failed = result.exitCode !== 0 && !check.expect.error;
      const said = failed ? `fails: ${result.stderr.trim().split('\n')[0] ?? ''}` : `prints ${shown(out)}`;
      const also = other ? ` (which prints ${shown(normalize(other.stdout))})` : '';
      const message = `${commandText(check.command)} ${said}; it should ${expectationWords(check.expect)}${also}`;
      return { passed: false, unmet: [message], out };
    }
    case 'all': {
      const unmet = check.checks.flatMap((c) => explain(sim, c).unmet);
      if (unmet.length === 0) return { passed: true, unmet: [] };
      return { passed: false, unmet: check.unmet !== undefined ? [check.unmet] : unmet };
    }
    case 'any': {
      const parts = check.checks.map((c) => explain(sim, c));
      if (parts.some((p) => p.passed)) return { passed: true, unmet: [] };
      if (check.unmet !== undefined) return { passed: false, unmet: [check.unmet] };
      return {
        passed: false,
        unmet: [`none of these is done yet: ${parts.flatMap((p) => p.unmet).join('; or ')}`],
      };
    }
    case 'not': {
      const inner = explain(sim, check.check);
      if (!inner.passed) return { passed: true, unmet: [] };
      if (check.unmet !== undefined) return { passed: false, unmet: [fill(check.unmet, inner.out ?? '')] };
      const what =
        check.check.kind === 'kubectl'
          ? `${commandText(check.check.command)} prints ${shown(inner.out ?? '')}; it should not ${expectationWords(check.check.expect)}`
          : `this should not hold yet holds: ${describeCheck(check.check)}`;
      return { passed: false, unmet: [what] };
    }
  }
}

/** describeCheck says what a check tests, for a not: over all: or any:. */
function describeCheck(check: Check): string {
  switch (check.kind) {
    case 'kubectl':
      return `${commandText(check.command)} should ${expectationWords(check.expect)}`;
    case 'all':
      return check.checks.map(describeCheck).join(' and ');
    case 'any':
      return check.checks.map(describeCheck).join(' or ');
    case 'not':
      return `not (${describeCheck(check.check)})`;
  }
}

/**
 * checkReport is "Check my work": whether the check passes now and, when it does not, each
 * condition not met yet, in the author's words (`unmet:`) or derived from the check itself.
 * Unlike evaluateCheck it does not stop at the first answer, so every unmet condition is named.
 */
export function checkReport(sim: Simulation, check: Check): CheckReport {
  const { passed, unmet } = explain(sim, check);
  return { passed, unmet };
}
