// Reads `spec.lesson` from the raw Scenario document (docs/lessons.md) and places every problem
// on its line, as parseScenarioDoc does for steps. A check may only run `kubectl get`: it is
// evaluated after every change to the cluster, so anything that writes would change what it tests.
import type { ManifestError, RawScenarioDoc } from '../../manifests';
import { DocReader, isMapping } from '../docReader';
import type { Loose } from '../docReader';
import { kubectl } from '../../kubectl/link';
import type { Check, Expectation, Lesson, LessonInfo, LessonTask, LineOp, Prediction } from './types';

const CHECK_KEYS = ['kubectl', 'all', 'any', 'not'];
const EXPECT_KEYS = [
  'empty',
  'equals',
  'contains',
  'matches',
  'lines',
  'error',
  'sameWordsAs',
  'includesWordsOf',
];
const TASK_KEYS = ['title', 'description', 'hints', 'check', 'predict'];
const PREDICT_KEYS = ['question', 'choices', 'answer', 'explain'];
const ONE_OF = 'a check is exactly one of kubectl:, all:, any: or not:';
// all:/any:/not: nest; a lesson needs a few levels, and the bound keeps a hostile one cheap.
const MAX_CHECK_DEPTH = 16;

// Filters a check may pipe `kubectl get` into: they only read their input (xargs and kubectl
// could write, so a check cannot run them).
const CHECK_FILTERS = new Set(['grep', 'jq', 'awk', 'cut', 'head', 'tail', 'sort', 'uniq', 'wc']);

/**
 * checkCommandProblem says why a check's command line is not a read-only `kubectl get`
 * (optionally piped into filters: `get pods -o wide | grep node-2 | wc -l`), or returns undefined.
 */
export function checkCommandProblem(command: string): string | undefined {
  return kubectl().readOnlyGetProblem(command, CHECK_FILTERS, 'a check only reads the cluster');
}

function scalarText(v: unknown): string | undefined {
  return typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
}

function parseLines(v: unknown, path: string, r: DocReader): Expectation['lines'] {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0) return { op: '==', count: v };
  const m = typeof v === 'string' ? /^\s*(==|=|>=|<=|>|<)?\s*(\d+)\s*$/.exec(v) : null;
  if (!m)
    return r.error(path, `Invalid value: ${JSON.stringify(v)}: a line count (3) or a comparison (">= 2")`);
  const op = (m[1] === '=' || m[1] === undefined ? '==' : m[1]) as LineOp;
  return { op, count: Number(m[2]) };
}

function parseExpect(v: unknown, path: string, r: DocReader): Expectation | undefined {
  if (v === undefined || v === null) return { empty: false };
  if (!isMapping(v)) return r.error(path, 'expect: must be a mapping, e.g. { empty: true }');
  r.unknownKeys(v, EXPECT_KEYS, path, 'expect:');
  const out: Expectation = {};
  for (const key of ['empty', 'error'] as const) {
    if (v[key] === undefined) continue;
    if (typeof v[key] === 'boolean') out[key] = v[key];
    else r.error(`${path}.${key}`, `Invalid value: ${JSON.stringify(v[key])}: must be true or false`);
  }
  for (const key of ['equals', 'contains', 'matches'] as const) {
    if (v[key] === undefined) continue;
    const text = scalarText(v[key]);
    if (text === undefined) r.error(`${path}.${key}`, `Invalid value: ${key}: takes a text`);
    else out[key] = text;
  }
  if (out.matches !== undefined) {
    try {
      new RegExp(out.matches, 'm');
    } catch (e) {
      r.error(`${path}.matches`, `Invalid value: not a regular expression: ${(e as Error).message}`);
    }
  }
  for (const key of ['sameWordsAs', 'includesWordsOf'] as const) {
    if (v[key] === undefined) continue;
    const other = typeof v[key] === 'string' ? v[key].trim() : '';
    const problem = other ? checkCommandProblem(other) : 'Required value: a kubectl get command line';
    if (problem) r.error(`${path}.${key}`, problem);
    else out[key] = other;
  }
  if (out.sameWordsAs !== undefined && out.includesWordsOf !== undefined)
    r.error(
      `${path}.includesWordsOf`,
      'Invalid value: an expect: compares with one other command, sameWordsAs or includesWordsOf',
    );
  if (v.lines !== undefined) {
    const lines = parseLines(v.lines, `${path}.lines`, r);
    if (lines) out.lines = lines;
  }
  return out;
}

function parseCheckList(v: unknown, path: string, r: DocReader, depth: number): Check[] | undefined {
  if (!Array.isArray(v) || v.length === 0)
    return r.error(path, 'Required value: a list of one or more checks');
  const checks = v.map((c, i) => parseCheck(c, `${path}[${i}]`, r, depth + 1));
  return checks.every((c): c is Check => c !== undefined) ? checks : undefined;
}

function parseCheck(v: unknown, path: string, r: DocReader, depth = 0): Check | undefined {
  if (depth > MAX_CHECK_DEPTH) return r.error(path, `checks nest at most ${MAX_CHECK_DEPTH} deep`);
  if (!isMapping(v)) return r.error(path, `${ONE_OF}, written as a mapping`);
  r.unknownKeys(v, [...CHECK_KEYS, 'expect', 'unmet'], path, 'a check');
  const check = parseCheckKind(v, path, r, depth);
  if (!check || v.unmet === undefined || v.unmet === null) return check;
  const unmet = scalarText(v.unmet)?.trim();
  if (!unmet) return r.error(`${path}.unmet`, 'Invalid value: unmet: is the text "Check my work" shows');
  return { ...check, unmet };
}

function parseCheckKind(v: Loose, path: string, r: DocReader, depth: number): Check | undefined {
  const present = CHECK_KEYS.filter((k) => v[k] !== undefined);
  if (present.length !== 1) {
    const where = present.length > 1 ? `${path}.${present[1] ?? ''}` : path;
    return r.error(
      where,
      present.length ? `${ONE_OF}, not ${present.join(' and ')}` : ONE_OF,
      present.length > 1,
    );
  }
  const kind = present[0];
  if (kind !== 'kubectl' && v.expect !== undefined)
    return r.error(`${path}.expect`, 'expect: goes beside kubectl:', true);
  switch (kind) {
    case 'kubectl': {
      const command = typeof v.kubectl === 'string' ? v.kubectl.trim() : '';
      if (!command) return r.error(`${path}.kubectl`, 'Required value: a kubectl get command line');
      const problem = checkCommandProblem(command);
      if (problem) return r.error(`${path}.kubectl`, problem);
      const expect = parseExpect(v.expect, `${path}.expect`, r);
      return expect && { kind: 'kubectl', command, expect };
    }
    case 'all':
    case 'any': {
      const checks = parseCheckList(v[kind], `${path}.${kind}`, r, depth);
      return checks && { kind, checks };
    }
    default: {
      const check = parseCheck(v.not, `${path}.not`, r, depth + 1);
      return check && { kind: 'not', check };
    }
  }
}

function parsePredict(v: unknown, path: string, r: DocReader): Prediction | undefined {
  if (!isMapping(v)) return r.error(path, 'predict: is a mapping with question, choices, answer and explain');
  r.unknownKeys(v, PREDICT_KEYS, path, 'predict:');
  const question = scalarText(v.question)?.trim();
  if (!question)
    r.error(`${path}.question`, 'Required value: the question the learner answers before acting');
  const choices: string[] = [];
  if (!Array.isArray(v.choices) || v.choices.length < 2)
    r.error(`${path}.choices`, 'Required value: a list of two or more choices');
  else
    v.choices.forEach((c, i) => {
      const text = scalarText(c)?.trim();
      if (text) choices.push(text);
      else r.error(`${path}.choices[${i}]`, 'Invalid value: a choice is a text');
    });
  const answer = v.answer;
  const valid =
    typeof answer === 'number' && Number.isInteger(answer) && answer >= 1 && answer <= choices.length;
  if (!valid)
    r.error(
      `${path}.answer`,
      `Invalid value: ${JSON.stringify(answer)}: the number of the right choice, 1 to ${choices.length}`,
    );
  const explain = typeof v.explain === 'string' ? v.explain : '';
  if (!explain.trim()) r.error(`${path}.explain`, 'Required value: Markdown that explains what happened');
  if (!question || !valid || !explain.trim() || choices.length < 2) return undefined;
  return { question, choices, answer: (answer as number) - 1, explain };
}

function parseTask(v: unknown, path: string, r: DocReader): LessonTask | undefined {
  if (!isMapping(v)) return r.error(path, 'a task is a mapping with title, description, hints and check');
  r.unknownKeys(v, TASK_KEYS, path, 'a task');
  const title = scalarText(v.title)?.trim();
  if (!title) r.error(`${path}.title`, 'Required value: every task needs a title');
  let description = '';
  if (v.description !== undefined && v.description !== null) {
    if (typeof v.description === 'string') description = v.description;
    else r.error(`${path}.description`, 'Invalid value: description is Markdown text');
  }
  const hints: string[] = [];
  if (v.hints !== undefined && v.hints !== null) {
    if (!Array.isArray(v.hints)) r.error(`${path}.hints`, 'Invalid value: hints is a list of texts');
    else
      v.hints.forEach((h, i) => {
        const text = scalarText(h);
        if (text === undefined) r.error(`${path}.hints[${i}]`, 'Invalid value: a hint is a text');
        else hints.push(text);
      });
  }
  if (v.check === undefined || v.check === null)
    return r.error(`${path}.check`, 'Required value: every task needs a check that tells when it is done');
  const check = parseCheck(v.check, `${path}.check`, r);
  const predict =
    v.predict === undefined || v.predict === null ? undefined : parsePredict(v.predict, `${path}.predict`, r);
  if (!title || !check) return undefined;
  return { title, description, hints, check, ...(predict ? { predict } : {}) };
}

/**
 * parseLesson reads `spec.lesson` of a raw Scenario document. `lesson` is undefined when the
 * scenario has none or when it has errors; every error carries its line, column and field path.
 */
export function parseLesson(raw: RawScenarioDoc): { lesson?: Lesson; errors: ManifestError[] } {
  const r = new DocReader(raw);
  const spec = raw.object.spec;
  const v = isMapping(spec) ? spec.lesson : undefined;
  if (v === undefined || v === null) return { errors: [] };
  const path = 'spec.lesson';
  if (!isMapping(v)) {
    r.error(path, 'lesson: is a mapping with tasks:');
    return { errors: r.errors };
  }
  r.unknownKeys(v, ['tasks'], path, 'lesson:');
  if (!Array.isArray(v.tasks) || v.tasks.length === 0) {
    r.error(`${path}.tasks`, 'Required value: a lesson needs a list of one or more tasks');
    return { errors: r.errors };
  }
  const tasks = v.tasks.map((t, i) => parseTask(t, `${path}.tasks[${i}]`, r));
  if (r.errors.length > 0) return { errors: r.errors };
  return { lesson: { tasks: tasks.filter((t): t is LessonTask => t !== undefined) }, errors: [] };
}

/** lessonInfo strips the checks: what the page shows of a lesson. */
export function lessonInfo(lesson: Lesson): LessonInfo {
  return {
    tasks: lesson.tasks.map(({ title, description, hints, predict }) => ({
      title,
      description,
      hints,
      ...(predict ? { predict: { question: predict.question, choices: predict.choices } } : {}),
    })),
  };
}
