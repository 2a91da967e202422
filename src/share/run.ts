// A shareable run: everything needed to rebuild one playground session bit for bit. The
// simulation is deterministic, so the scenario text, the seed and the timed command log are the
// whole state; the editor text, speed and current time say what the page showed. Both the URL
// codec and local persistence carry this shape, and both validate it with `validateRun`, since
// neither a link nor localStorage is trusted input.

/** RunCommand is one command line the user ran, at its simulated time (stdin for `apply -f -`). */
export interface RunCommand {
  t: number;
  line: string;
  stdin?: string;
}

/** SharedRun is a whole run. Optional fields are left out when they hold their default. */
export interface SharedRun {
  /** The scenario text loaded at t = 0. */
  text: string;
  /** The editor's text, when it differs from `text` (edits applied or not yet applied). */
  editor?: string;
  /** The seed given at load; absent means the Scenario document's seed, else 1. */
  seed?: number;
  /** Commands in time order; entries after `time` are a future the user scrubbed back from. */
  log: RunCommand[];
  /** Simulated seconds the page showed. */
  time: number;
  /** Play speed (simulated seconds per wall second). */
  speed: number;
}

/** RunResult is a validated run or a message a person can read. */
export type RunResult =
  | { ok: true; run: SharedRun; /** Something the person opening it should know. */ notice?: string }
  | { ok: false; message: string };

/** LIMITS bound what a link or stored run may hold, so a hostile one cannot stall the page. */
export const LIMITS = {
  /** Scenario and editor text; the manifest loader itself stops at 512 KiB. */
  textChars: 200_000,
  /** One command's stdin (an applied manifest). */
  stdinChars: 200_000,
  commands: 2_000,
  lineChars: 4_096,
  /** Seven simulated days: far beyond any session, small enough to replay quickly. */
  seconds: 7 * 24 * 3600,
  minSpeed: 0.1,
  maxSpeed: 100,
} as const;

export const DEFAULT_SPEED = 1;

type Loose = Record<string, unknown>;

function isObject(v: unknown): v is Loose {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

class Invalid extends Error {}

function fail(message: string): never {
  throw new Invalid(message);
}

function text(v: unknown, field: string, max: number): string {
  if (typeof v !== 'string') fail(`${field} must be text`);
  if (v.length > max) fail(`${field} is longer than ${max.toLocaleString('en')} characters`);
  return v;
}

function seconds(v: unknown, field: string): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0 || v > LIMITS.seconds)
    fail(`${field} must be a number of seconds between 0 and ${LIMITS.seconds}`);
  return v;
}

// Command lines are single lines: a newline could smuggle a second command into an exported
// shell script, and no console input can contain one.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;

function command(v: unknown, i: number, previous: number): RunCommand {
  const field = `log[${i}]`;
  if (!Array.isArray(v) || v.length < 2 || v.length > 3)
    fail(`${field} must be [time, line] or [time, line, stdin]`);
  const t = seconds(v[0], `${field} time`);
  if (t < previous) fail(`${field} is earlier than the command before it`);
  const line = text(v[1], `${field} line`, LIMITS.lineChars);
  if (!line.trim() || CONTROL.test(line)) fail(`${field} line must be one non-empty line`);
  if (v.length === 2) return { t, line };
  return { t, line, stdin: text(v[2], `${field} stdin`, LIMITS.stdinChars) };
}

function parseRun(v: unknown): SharedRun {
  if (!isObject(v)) fail('the run must be an object');
  const known = new Set(['text', 'editor', 'seed', 'log', 'time', 'speed']);
  const unknown = Object.keys(v).find((k) => !known.has(k));
  if (unknown !== undefined) fail(`unknown field ${JSON.stringify(unknown.slice(0, 40))}`);
  const run: SharedRun = {
    text: text(v.text, 'text', LIMITS.textChars),
    log: [],
    time: v.time === undefined ? 0 : seconds(v.time, 'time'),
    speed: DEFAULT_SPEED,
  };
  if (v.editor !== undefined) run.editor = text(v.editor, 'editor', LIMITS.textChars);
  if (v.seed !== undefined) {
    if (typeof v.seed !== 'number' || !Number.isSafeInteger(v.seed)) fail('seed must be an integer');
    run.seed = v.seed;
  }
  if (v.speed !== undefined) {
    const s = v.speed;
    if (typeof s !== 'number' || !(s >= LIMITS.minSpeed && s <= LIMITS.maxSpeed))
      fail(`speed must be between ${LIMITS.minSpeed} and ${LIMITS.maxSpeed}`);
    run.speed = s;
  }
  if (v.log !== undefined) {
    if (!Array.isArray(v.log)) fail('log must be a list');
    if (v.log.length > LIMITS.commands) fail(`log has more than ${LIMITS.commands} commands`);
    let previous = 0;
    for (const [i, entry] of v.log.entries()) {
      const c = command(entry, i, previous);
      previous = c.t;
      run.log.push(c);
    }
  }
  return run;
}

/** validateRun checks a decoded JSON value field by field and returns a clean copy. */
export function validateRun(value: unknown): RunResult {
  try {
    return { ok: true, run: parseRun(value) };
  } catch (err) {
    if (err instanceof Invalid) return { ok: false, message: err.message };
    throw err;
  }
}

/**
 * toWire is the JSON form: defaults left out, log entries as [t, line] or [t, line, stdin]
 * tuples (a third of the size of objects once compressed).
 */
export function toWire(run: SharedRun): Loose {
  const wire: Loose = { text: run.text };
  if (run.editor !== undefined && run.editor !== run.text) wire.editor = run.editor;
  if (run.seed !== undefined) wire.seed = run.seed;
  if (run.log.length > 0)
    wire.log = run.log.map((c) => (c.stdin === undefined ? [c.t, c.line] : [c.t, c.line, c.stdin]));
  if (run.time !== 0) wire.time = run.time;
  if (run.speed !== DEFAULT_SPEED) wire.speed = run.speed;
  return wire;
}
