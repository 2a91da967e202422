// The run's tape: the scenario text and seed it started from, and the commands recorded beyond
// the present. A session always holds the commands it has executed (its command log); when the
// page rewinds, the run is rebuilt from the text and the commands after the new present wait
// here, to run again at their times if time moves forward. They are dropped only when the user
// changes the cluster from an earlier moment: from there on, it is a different run.
import { kubectl } from '../kubectl/link';
import type { EngineSession } from './engineSession';
import type { LoggedCommand, RunRecord } from './protocol';

// Verbs (and `rollout` subcommands) that only read the cluster: running one of them while
// rewound keeps the recorded future, since it cannot change what happens next.
const READ_ONLY =
  /^(kubectl\s+)?(get|describe|top|logs|explain|version|api-resources|api-versions|cluster-info|events|help|rollout\s+(status|history))(\s|$)/;

// The kubectl command a pipeline stage runs: its own words, or the ones xargs runs (xargs adds
// only arguments, so the verb is there); none for a filter, or xargs's default echo.
function kubectlOf(stage: string[], first: boolean): string[] | undefined {
  if (first) return stage;
  if (stage[0] === 'kubectl') return stage.slice(1);
  if (stage[0] === 'xargs') {
    const at = stage.indexOf('kubectl');
    return at < 0 ? undefined : stage.slice(at + 1);
  }
  return undefined;
}

/**
 * isReadOnlyCommand tells whether a console line can only read the cluster: every kubectl
 * command of its pipeline reads (`get … | grep x`, but not `get … | xargs kubectl delete`).
 * A line the console refuses runs nothing.
 */
export function isReadOnlyCommand(line: string): boolean {
  const trimmed = line.trim();
  if (/^(sim|lesson)(\s|$)/.test(trimmed)) return false;
  const split = kubectl().pipelineStages(trimmed);
  if (!split.ok) return true;
  return split.stages.every((stage, i) => {
    const words = kubectlOf(stage, i === 0);
    return words === undefined || READ_ONLY.test(words.join(' '));
  });
}

/** RunTape keeps what rebuilds the current run, beyond what its session has already executed. */
export class RunTape {
  text = '';
  seed: number | undefined;
  /** Recorded commands later than the present, oldest first. */
  private future: LoggedCommand[] = [];
  /** The furthest simulated time this run has reached (the scrubber's end). */
  private horizon = 0;

  /** start begins a run from a text; `future` are commands still to run (a replayed log). */
  start(text: string, seed: number | undefined, future: readonly LoggedCommand[] = []): void {
    this.text = text;
    this.seed = seed;
    this.future = [...future];
    this.horizon = 0;
  }

  /** rewind makes every recorded command future again, for a rebuild from t = 0. */
  rewind(executed: readonly LoggedCommand[]): void {
    this.future = [...executed, ...this.future];
  }

  hasFuture(): boolean {
    return this.future.length > 0;
  }

  /** runTo runs `session` to exactly simulated `t`, running the recorded commands due on the way. */
  runTo(session: EngineSession, t: number): void {
    for (let c = this.future[0]; c && c.t <= t; c = this.future[0]) {
      this.future.shift();
      session.runTo(c.t);
      // Output and watches of a replayed command were seen when it first ran.
      session.run(c.line, c.stdin);
    }
    session.runTo(t);
    this.reached(session.now());
  }

  /** advance moves `session` on by `seconds`, through the recorded future if there is one. */
  advance(session: EngineSession, seconds: number): void {
    if (this.future.length > 0) this.runTo(session, session.now() + seconds);
    else session.advance(seconds);
    this.reached(session.now());
  }

  /** step runs to the next thing that happens; the next recorded command counts as one. */
  step(session: EngineSession): boolean {
    const next = this.future[0];
    if (next && next.t <= (session.nextEventTime() ?? Infinity)) {
      this.runTo(session, next.t);
      return true;
    }
    const moved = session.stepToNextEvent();
    this.reached(session.now());
    return moved;
  }

  /** reached notes that the run got to simulated time `t`. */
  reached(t: number): void {
    if (t > this.horizon) this.horizon = t;
  }

  /**
   * commandRan notes a command the user ran at `now`: one that may change the cluster ends the
   * recorded future, and the run's end becomes the present.
   */
  commandRan(line: string, now: number): void {
    if (isReadOnlyCommand(line)) return this.reached(now);
    this.future = [];
    this.horizon = now;
  }

  /** record is the whole run for the page: executed commands, then the recorded future. */
  record(executed: readonly LoggedCommand[], now: number): RunRecord {
    this.reached(now);
    const log = [...executed, ...this.future].map((c) => ({ ...c }));
    return {
      text: this.text,
      ...(this.seed !== undefined ? { seed: this.seed } : {}),
      log,
      horizon: Math.max(this.horizon, log.at(-1)?.t ?? 0),
    };
  }
}
