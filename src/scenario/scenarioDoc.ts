// The `playground/v1 Scenario` document (docs/scenario-format.md): title, description, seed and
// timed steps, read from the raw document the manifest loader returns, with every problem placed
// on its line. Fields the format does not name are left alone; `lesson:` is read by lessons/parse.ts.
import { dumpYaml } from '../manifests';
import type { ManifestError, RawScenarioDoc } from '../manifests';
import type { Loose } from './docReader';
import { DocReader, isMapping } from './docReader';
import { parseDuration } from './duration';
import { parseLesson } from './lessons/parse';
import type { Lesson } from './lessons/types';

/** Step is one scenario step: exactly one of kubectl:, sim: or wait: (three forms of wait). */
export type Step =
  | { kind: 'kubectl'; command: string; manifest?: string; line: number }
  | { kind: 'sim'; action: string; line: number }
  | { kind: 'wait'; seconds: number; line: number }
  | { kind: 'waitRollout'; target: string; namespace?: string; line: number }
  | { kind: 'waitReady'; target: string; namespace?: string; line: number };

/** ScenarioDoc is a parsed Scenario: metadata.name, spec.title, spec.description, spec.seed, spec.steps. */
export interface ScenarioDoc {
  name: string;
  title: string;
  description: string;
  seed?: number;
  steps: Step[];
  /** The workshop lesson (spec.lesson, docs/lessons.md), if the scenario is one. */
  lesson?: Lesson;
}

const STEP_KEYS = ['kubectl', 'sim', 'wait'];
const ONE_OF = 'a step is exactly one of kubectl:, sim: or wait:';

// `-f -`, `-f=-`, `--filename -`, `--filename=-`: the command reads its manifest from stdin.
function readsStdin(command: string): boolean {
  return /(^|\s)(-f|--filename)(\s+|=)-(\s|$)/.test(command);
}

function parseWaitTarget(
  kind: 'rollout' | 'ready',
  rest: string[],
  path: string,
  line: number,
  r: DocReader,
): Step | undefined {
  let target: string | undefined;
  let namespace: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const tok = rest[i] ?? '';
    const flag = /^(-n|--namespace)(=(.*))?$/.exec(tok);
    if (flag) {
      namespace = flag[2] !== undefined ? flag[3] : rest[++i];
      if (!namespace) return void r.error(path, `flag needs an argument: ${flag[1]}`);
    } else if (target === undefined) {
      target = tok;
    } else {
      return void r.error(
        path,
        `unexpected argument "${tok}": wait: ${kind} takes one TYPE/NAME and an optional -n NAMESPACE`,
      );
    }
  }
  if (!target || !/^[^/\s]+\/[^/\s]+$/.test(target)) {
    return void r.error(
      path,
      `wait: ${kind} needs TYPE/NAME, e.g. wait: ${kind} daemonset/fluentd -n kube-system`,
    );
  }
  const step = { kind: kind === 'rollout' ? ('waitRollout' as const) : ('waitReady' as const), target, line };
  return namespace === undefined ? step : { ...step, namespace };
}

function parseWait(value: unknown, path: string, line: number, r: DocReader): Step | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') {
    return void r.error(path, 'wait: takes a duration (30s, 2m), rollout TYPE/NAME or ready TYPE/NAME');
  }
  const words = String(value).trim().split(/\s+/);
  const first = words[0] ?? '';
  if (first === 'rollout' || first === 'ready') return parseWaitTarget(first, words.slice(1), path, line, r);
  const d = parseDuration(String(value).trim());
  if (!d.ok) return void r.error(path, d.message);
  if (d.seconds < 0) return void r.error(path, `wait: must not be negative, got ${String(value)}`);
  return { kind: 'wait', seconds: d.seconds, line };
}

function nonEmptyString(value: unknown, path: string, what: string, r: DocReader): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  r.error(path, `${what} must be a non-empty string`);
  return undefined;
}

function parseKubectl(step: Loose, path: string, line: number, r: DocReader): Step | undefined {
  const command = nonEmptyString(step.kubectl, `${path}.kubectl`, 'kubectl:', r);
  if (command === undefined) return undefined;
  let manifest: string | undefined;
  if (step.manifest !== undefined && step.manifest !== null) {
    // A manifest written inline as YAML (a mapping or list) is accepted as well as a block string.
    manifest = typeof step.manifest === 'string' ? step.manifest : dumpYaml(step.manifest);
  }
  const stdin = readsStdin(command);
  if (stdin && manifest === undefined) {
    return void r.error(
      `${path}.kubectl`,
      `"${command}" reads a manifest: put it in manifest: beside kubectl:`,
    );
  }
  if (!stdin && manifest !== undefined) {
    return void r.error(`${path}.manifest`, 'manifest: is only read by a kubectl command with -f -');
  }
  return manifest === undefined
    ? { kind: 'kubectl', command, line }
    : { kind: 'kubectl', command, manifest, line };
}

function parseStep(value: unknown, path: string, r: DocReader): Step | undefined {
  const line = r.at(path).line;
  if (!isMapping(value)) return void r.error(path, `${ONE_OF}, written as a mapping`);
  const unknown = Object.keys(value).filter((key) => !STEP_KEYS.includes(key) && key !== 'manifest');
  for (const key of unknown) r.error(`${path}.${key}`, `unknown field "${key}": ${ONE_OF}`, true);
  const present = STEP_KEYS.filter((k) => value[k] !== undefined);
  if (present.length === 0) {
    // An unknown key already explains the step; say more only when the step is otherwise empty.
    return unknown.length > 0 ? undefined : void r.error(path, `${ONE_OF}; this step has none of them`);
  }
  if (present.length > 1) {
    const second = `${path}.${present[1] ?? ''}`;
    return void r.error(second, `${ONE_OF}, not both ${present[0] ?? ''}: and ${present[1] ?? ''}:`, true);
  }
  if (value.manifest !== undefined && present[0] !== 'kubectl') {
    return void r.error(`${path}.manifest`, 'manifest: goes beside kubectl: apply -f -');
  }
  if (present[0] === 'kubectl') return parseKubectl(value, path, line, r);
  if (present[0] === 'sim') {
    const action = nonEmptyString(value.sim, `${path}.sim`, 'sim:', r);
    return action === undefined ? undefined : { kind: 'sim', action, line };
  }
  return parseWait(value.wait, `${path}.wait`, line, r);
}

function optionalString(spec: Loose, key: string, r: DocReader): string | undefined {
  const v = spec[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'string') return v;
  r.error(
    `spec.${key}`,
    `json: cannot unmarshal ${typeof v === 'object' ? 'object' : typeof v} into Go struct field ScenarioSpec.spec.${key} of type string`,
  );
  return undefined;
}

/**
 * parseScenarioDoc reads a raw Scenario document into a ScenarioDoc. It always returns a
 * scenario (with what could be read) and lists every problem with its line and field path.
 */
export function parseScenarioDoc(raw: RawScenarioDoc): { scenario: ScenarioDoc; errors: ManifestError[] } {
  const r = new DocReader(raw);
  const meta = isMapping(raw.object.metadata) ? raw.object.metadata : {};
  const name = typeof meta.name === 'string' ? meta.name : '';
  if (!name) r.error('metadata.name', 'Required value: name is required');
  const spec = isMapping(raw.object.spec) ? raw.object.spec : undefined;
  if (!spec) r.error('spec', 'Required value: a Scenario needs a spec with its steps');
  const s = spec ?? {};
  const scenario: ScenarioDoc = {
    name,
    title: optionalString(s, 'title', r) ?? name,
    description: optionalString(s, 'description', r) ?? '',
    steps: [],
  };
  if (s.seed !== undefined && s.seed !== null) {
    if (typeof s.seed === 'number' && Number.isSafeInteger(s.seed)) scenario.seed = s.seed;
    else r.error('spec.seed', `Invalid value: ${JSON.stringify(s.seed)}: must be an integer`);
  }
  if (s.steps !== undefined && s.steps !== null) {
    if (!Array.isArray(s.steps)) {
      r.error('spec.steps', 'must be a list of steps');
    } else {
      s.steps.forEach((value, i) => {
        const step = parseStep(value, `spec.steps[${i}]`, r);
        if (step) scenario.steps.push(step);
      });
    }
  }
  const lesson = parseLesson(raw);
  if (lesson.lesson) scenario.lesson = lesson.lesson;
  return { scenario, errors: [...r.errors, ...lesson.errors] };
}
