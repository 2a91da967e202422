// The shapes of a workshop lesson (`spec.lesson` of a Scenario, docs/lessons.md): tasks a
// learner works through, each with a read-only check the engine evaluates after every change.

/**
 * Expectation says what a check's `kubectl get` must print. Every given field must hold; with
 * none given, the command must succeed and print something (`empty: false`).
 */
export interface Expectation {
  /** stdout is empty (true) or not (false), after trimming whitespace. */
  empty?: boolean;
  /** stdout equals this text, both trimmed and with trailing spaces removed from each line. */
  equals?: string;
  /** stdout contains this text. */
  contains?: string;
  /** stdout matches this JavaScript regular expression (multiline: `^` and `$` match at each line). */
  matches?: string;
  /** The number of non-empty stdout lines compared with `count` (`lines: 3` or `lines: ">= 2"`). */
  lines?: { op: LineOp; count: number };
  /** The command fails (a NotFound, say): true expects a non-zero exit, false (the default) a zero one. */
  error?: boolean;
  /**
   * Another `kubectl get` whose output has the same words, in any order: "the pods' nodes are
   * the nodes labelled disktype=ssd", however many nodes there are.
   */
  sameWordsAs?: string;
  /**
   * Another `kubectl get` every word of which this output has too, more or repeated allowed:
   * "kube-bench completed on every worker node", when a node may have run it twice. `{missing}`
   * in the check's `unmet:` names the words still missing.
   */
  includesWordsOf?: string;
}

/** LineOp compares a line count. */
export type LineOp = '==' | '>=' | '<=' | '>' | '<';

/**
 * Check is a read-only test of the cluster: one `kubectl get`, or a combination of checks.
 * `unmet` is what "Check my work" says when this check fails, in the learner's words ("fluentd
 * still runs on node-3"); `{output}` in it stands for the command's output. Without it the
 * message is derived from the check (what the command printed and what it should print).
 */
export type Check = (
  | { kind: 'kubectl'; command: string; expect: Expectation }
  | { kind: 'all'; checks: Check[] }
  | { kind: 'any'; checks: Check[] }
  | { kind: 'not'; check: Check }
) & { unmet?: string };

/** CheckReport is what "Check my work" answers: passed, or the conditions not met yet, in words. */
export interface CheckReport {
  passed: boolean;
  unmet: string[];
}

/**
 * Prediction is a "predict, then watch" question: the learner picks one of `choices` before
 * acting; the task's check is not evaluated until then. Once the task passes, the right answer
 * (`answer`, 0-based) and `explain` (Markdown) are shown.
 */
export interface Prediction {
  question: string;
  choices: string[];
  answer: number;
  explain: string;
}

/** LessonTask is one thing the learner does: a title, what to do (Markdown), hints, and its check. */
export interface LessonTask {
  title: string;
  description: string;
  hints: string[];
  check: Check;
  predict?: Prediction;
}

/** Lesson is the `spec.lesson` block: its tasks, done in order. */
export interface Lesson {
  tasks: LessonTask[];
}

/** LessonInfo is what the page shows of a lesson: the tasks without their checks. */
export interface LessonInfo {
  tasks: {
    title: string;
    description: string;
    hints: string[];
    /** The question and its choices; the answer stays in the worker until the task passes. */
    predict?: { question: string; choices: string[] };
  }[];
}

/**
 * TaskStatus is whether a task has passed, and when (simulated seconds). For a prediction task,
 * `predicted` is the learner's choice (0-based), and `reveal` the answer once the task passed.
 */
export interface TaskStatus {
  passed: boolean;
  passedAt: number | null;
  predicted?: number;
  reveal?: { answer: number; explain: string };
}

/**
 * LessonStatus is the learner's progress: `done` of `total` tasks passed, and the index of the
 * task being worked on (`current`, null once every task has passed).
 */
export interface LessonStatus {
  total: number;
  done: number;
  current: number | null;
  tasks: TaskStatus[];
}
