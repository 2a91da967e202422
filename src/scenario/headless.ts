// The headless runner has no first paint to hurry: it links kubectl statically (src/kubectl/link.ts).
import '../kubectl';
import { parseDuration } from './duration';
import { buildReport } from './report';
import type { RunReport } from './report';
import { ScenarioSession } from './session';

// Without --until the runner stops when the steps are done and the cluster is quiet, at most after an hour.
export const DEFAULT_RUN_LIMIT_SECONDS = 3600;

export type HeadlessResult = { ok: true; report: RunReport } | { ok: false; errors: string[] };

/**
 * runHeadless runs a scenario text to the end (or to `until`) and returns the report, or the
 * load errors as `line:column: path: message` lines (document numbers prefix multi-document errors).
 */
export function runHeadless(
  text: string,
  opts: { until?: string | undefined; seed?: string | undefined } = {},
): HeadlessResult {
  let seed: number | undefined;
  if (opts.seed !== undefined) {
    seed = Number(opts.seed);
    if (!Number.isInteger(seed))
      return { ok: false, errors: [`error: --seed must be an integer, got "${opts.seed}"`] };
  }
  let until: number | undefined;
  if (opts.until !== undefined) {
    const d = parseDuration(opts.until);
    if (!d.ok) return { ok: false, errors: [`error: --until: ${d.message}`] };
    until = d.seconds;
  }
  const { session, errors } = ScenarioSession.create(text, seed !== undefined ? { seed } : {});
  if (!session) {
    return {
      ok: false,
      errors: errors.map(
        (e) => `${e.line}:${e.column}: ${e.path ? `${e.path}: ` : ''}${e.message} (document ${e.document})`,
      ),
    };
  }
  if (until !== undefined) session.runTo(until);
  else session.runToCompletion(DEFAULT_RUN_LIMIT_SECONDS);
  return { ok: true, report: buildReport(session) };
}
