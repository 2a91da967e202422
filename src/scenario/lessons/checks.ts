// Evaluating a lesson check against the running simulation. A check runs `kubectl get` through
// the same kubectl layer as the console (runKubectl), so what passes a check is exactly what the
// learner would see by typing the command; it is not logged and never writes.
import type { Simulation } from '../../engine/simulation';
import { runKubectl } from '../../kubectl';
import type { KubectlResult } from '../../kubectl';
import type { Check, Expectation } from './types';

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

/** meetsExpectation judges one command's output: every field of the expectation must hold. */
export function meetsExpectation(result: KubectlResult, expect: Expectation): boolean {
  const failed = result.exitCode !== 0;
  if (failed !== (expect.error ?? false)) return false;
  const out = normalize(result.stdout);
  if (expect.empty !== undefined && (out === '') !== expect.empty) return false;
  if (expect.equals !== undefined && out !== normalize(expect.equals)) return false;
  if (expect.contains !== undefined && !result.stdout.includes(expect.contains)) return false;
  if (expect.matches !== undefined && !new RegExp(expect.matches, 'm').test(out)) return false;
  if (expect.lines !== undefined && !compare(countLines(out), expect.lines.op, expect.lines.count))
    return false;
  return true;
}

/** evaluateCheck tells whether the cluster passes a check now. all: and any: stop at the first answer. */
export function evaluateCheck(sim: Simulation, check: Check): boolean {
  switch (check.kind) {
    case 'kubectl':
      return meetsExpectation(runKubectl(sim, check.command), check.expect);
    case 'all':
      return check.checks.every((c) => evaluateCheck(sim, c));
    case 'any':
      return check.checks.some((c) => evaluateCheck(sim, c));
    case 'not':
      return !evaluateCheck(sim, check.check);
  }
}
