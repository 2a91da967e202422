// A learner working through a gallery lesson headless, as the worker drives it: one command (or
// an editor apply, or `wait N`) at a time, polling the lesson after each as the worker does after
// every tick. Routes are lists of such lines, so a test reads like the learner's session.
import type { CheckReport, LessonTracker } from '../../../src/scenario/lessons';
import { ScenarioSession } from '../../../src/scenario/session';
import { galleryText } from './galleryFiles';

/** Move is one thing a learner does: a console line, `wait N` (seconds), or an editor apply. */
export type Move = string | { apply: string };

export class Learner {
  readonly session: ScenarioSession;
  readonly tracker: LessonTracker;

  constructor(name: string) {
    const { session, errors } = ScenarioSession.create(galleryText(name));
    if (!session?.lesson) throw new Error(errors.map((e) => e.message).join('\n'));
    this.session = session;
    this.tracker = session.lesson;
    this.wait(10);
  }

  wait(seconds: number): this {
    // The worker polls after every tick; a second is a tick here.
    for (let i = 0; i < seconds; i++) {
      this.session.advance(1);
      this.tracker.poll();
    }
    return this;
  }

  /** run types one console line; a line that fails is an error unless the route expects it (`may fail`). */
  run(line: string, mayFail = false): this {
    const res = this.session.run(line);
    if (res.exitCode !== 0 && !mayFail) throw new Error(`${line}: ${res.stderr}`);
    this.tracker.poll();
    return this;
  }

  /** apply is the editor's Ctrl+Enter: the whole text, as `kubectl apply -f -`. */
  apply(text: string): this {
    const { errors, output } = this.session.apply(text);
    if (errors.length > 0) throw new Error(errors.map((e) => e.message).join('\n'));
    if (/error/i.test(output)) throw new Error(output);
    this.tracker.poll();
    return this;
  }

  /** play runs a route: `wait N`, `? line` (a line that may fail, like a refused drain) or a line. */
  play(moves: readonly Move[]): this {
    for (const move of moves) {
      if (typeof move !== 'string') this.apply(move.apply);
      else if (/^wait \d+$/.test(move)) this.wait(Number(move.slice(5)));
      else if (move.startsWith('? ')) this.run(move.slice(2), true);
      else this.run(move);
    }
    return this;
  }

  get done(): number {
    return this.tracker.status().done;
  }

  /** checkWork presses "Check my work". */
  checkWork(): CheckReport | null {
    return this.tracker.checkWork();
  }
}
