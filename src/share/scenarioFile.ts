// A run as a scenario file, for runs too long to travel in a link: the scenario text the run
// started from, with the user's commands turned into timed steps of its Scenario document
// (`wait:` the time between two commands, to the millisecond, then `kubectl:` or `sim:`), so the
// file replays the run when it is loaded in the playground or in `npm run sim`.
import { parseAllDocuments, stringify } from 'yaml';
import type { RunCommand, SharedRun } from './run';

type StepYaml = Record<string, string>;

function goSeconds(ms: number): string {
  return `${ms / 1000}s`;
}

/** commandSteps turns the log into steps; `until` adds a last wait up to the run's time. */
export function commandSteps(log: readonly RunCommand[], until: number): StepYaml[] {
  const steps: StepYaml[] = [];
  let at = 0;
  const waitUntil = (t: number) => {
    const ms = Math.round(t * 1000);
    if (ms > at) steps.push({ wait: goSeconds(ms - at) });
    at = Math.max(at, ms);
  };
  for (const c of log) {
    waitUntil(c.t);
    if (/^sim\s/.test(c.line)) steps.push({ sim: c.line.replace(/^sim\s+/, '') });
    else {
      const step: StepYaml = { kubectl: c.line.replace(/^kubectl\s+/, '') };
      if (c.stdin !== undefined) step.manifest = c.stdin;
      steps.push(step);
    }
  }
  waitUntil(until);
  return steps;
}

const NEW_SCENARIO_NAME = 'shared-run';

/**
 * runToScenarioYaml writes the run as one YAML stream. When the text's own Scenario document
 * already has steps, their timing cannot be merged with the commands' absolute times, so the
 * commands are listed in a comment instead.
 */
export function runToScenarioYaml(run: SharedRun): string {
  const text = run.text.endsWith('\n') || run.text === '' ? run.text : `${run.text}\n`;
  const steps = commandSteps(run.log, run.time);
  const docs = parseAllDocuments(text);
  const list = Array.isArray(docs) ? docs : [];
  const index = list.findIndex((d) => d.get('kind') === 'Scenario');
  const doc = list[index];
  if (!doc) {
    const scenario = {
      apiVersion: 'playground/v1',
      kind: 'Scenario',
      metadata: { name: NEW_SCENARIO_NAME },
      spec: { title: 'A shared run', ...(run.seed !== undefined ? { seed: run.seed } : {}), steps },
    };
    return `${text}---\n${stringify(scenario, { lineWidth: 0 })}`;
  }
  const existing = (doc.toJS() as { spec?: { steps?: unknown } } | null)?.spec?.steps;
  if (doc.errors.length > 0 || (Array.isArray(existing) ? existing.length > 0 : existing != null)) {
    const listed = run.log.map((c) => `#   t = ${c.t.toFixed(3)}s  ${c.line.replace(/[\r\n]+/g, ' ')}`);
    return `# Commands run in the playground (this scenario has its own steps, so they are not replayed):\n${listed.join('\n')}\n${text}`;
  }
  doc.setIn(['spec', 'steps'], steps);
  if (run.seed !== undefined) doc.setIn(['spec', 'seed'], run.seed);
  // The first document owns the comments above it, which toString() prints again.
  const start = index === 0 ? 0 : doc.range[0];
  return text.slice(0, start) + doc.toString({ lineWidth: 0 }) + text.slice(doc.range[2]);
}
