// EngineHost owns the running session inside the worker: it answers the page's requests, plays
// virtual time at speed × wall time in small ticks, and posts one batch of changes per tick.
// It knows nothing of `self` or real timers (they are injected), so it runs in Node tests.
import type { EngineSession, SessionFactory, WatchStream } from './engineSession';
import type { ClockState, ClusterDiff, FromWorker, Reply, ToWorker } from './protocol';
import { RunTape } from './runTape';
import { isEmptyDiff, splitDiff } from './squash';

/** HostTimers is the wall clock and timer API the host uses (the worker's, or a test's). */
export interface HostTimers {
  /** Wall time in milliseconds. */
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface EngineHostOptions {
  createSession: SessionFactory;
  post(message: FromWorker): void;
  timers: HostTimers;
}

/** MAX_OBJECTS_PER_MESSAGE bounds one diff message (the rest follows in the next ones). */
export const MAX_OBJECTS_PER_MESSAGE = 300;

/** TICK_MS is the play loop's period: about one frame at 30 fps, small enough to look continuous. */
export const TICK_MS = 33;
// A tab in the background gets its timers throttled; a late tick must not jump minutes ahead.
const MAX_TICK_WALL_SECONDS = 0.25;

function errorText(err: unknown): { message: string; stack?: string } {
  if (err instanceof Error) return { message: err.message, ...(err.stack ? { stack: err.stack } : {}) };
  return { message: String(err) };
}

/** EngineHost runs one scenario session at a time for the page. */
export class EngineHost {
  private session: EngineSession | null = null;
  private loadedText = '';
  private loadedSeed: number | undefined;
  private eventIndex = 0;
  private watch: WatchStream | null = null;
  private playing = false;
  private speed = 1;
  private timer: unknown = null;
  private lastWall = 0;
  private lastPostedTime = -1;
  private readonly tape = new RunTape();

  constructor(private readonly opts: EngineHostOptions) {}

  /** handle processes one message from the page; an engine exception pauses the run and is reported. */
  handle(msg: ToWorker): void {
    try {
      this.dispatch(msg);
    } catch (err) {
      this.crash(err, 'id' in msg ? msg.id : undefined);
    }
  }

  private dispatch(msg: ToWorker): void {
    switch (msg.type) {
      case 'load':
        return this.load(msg.id, msg.text, msg.seed);
      case 'restart':
        return this.load(msg.id, this.loadedText, this.loadedSeed);
      case 'apply':
        return this.apply(msg.id, msg.text);
      case 'command':
        return this.command(msg.id, msg.line, msg.stdin);
      case 'complete':
        return this.reply(msg.id, {
          kind: 'completions',
          completions: this.session?.complete(msg.line) ?? [],
        });
      case 'cancelWatch':
        return this.endWatch();
      case 'play':
        return this.play();
      case 'pause':
        return this.pause();
      case 'step':
        return this.step(msg.id);
      case 'speed':
        this.speed = msg.speed > 0 ? msg.speed : 1;
        return this.postClock();
      case 'replay':
        return this.replay(msg);
      case 'seek':
        return this.seek(msg.id, msg.time);
      case 'checkWork':
        this.reply(msg.id, { kind: 'checkWork', report: this.session?.checkWork?.() ?? null });
        // A check that passes ticks its task: the page hears of it with the next flush.
        return this.flush();
      case 'podDetails':
        return this.reply(msg.id, {
          kind: 'podDetails',
          details: this.session?.podDetails?.(msg.namespace, msg.name) ?? null,
        });
    }
  }

  private load(id: number, text: string, seed: number | undefined): void {
    const { session, errors } = this.opts.createSession(text, seed);
    if (!session) {
      // The last good run keeps going untouched.
      this.reply(id, { kind: 'loaded', ok: false, errors });
      return;
    }
    this.loadedText = text;
    this.loadedSeed = seed;
    this.tape.start(text, seed);
    this.install(session);
    this.postRecord();
    this.reply(id, { kind: 'loaded', ok: true, errors });
  }

  /** replay rebuilds a recorded run up to `time` and leaves it paused there. */
  private replay({ id, text, seed, log, time }: Extract<ToWorker, { type: 'replay' }>): void {
    const { session, errors } = this.opts.createSession(text, seed);
    if (!session) return this.reply(id, { kind: 'loaded', ok: false, errors });
    this.stop();
    this.loadedText = text;
    this.loadedSeed = seed;
    this.tape.start(text, seed, log);
    this.tape.runTo(session, Math.max(0, time));
    this.install(session);
    this.postRecord();
    this.reply(id, { kind: 'loaded', ok: true, errors });
  }

  /** seek moves to `time`, paused: forward runs on, back rebuilds from t = 0 (time never runs backwards). */
  private seek(id: number, time: number): void {
    const current = this.session;
    if (!current) return this.reply(id, { kind: 'loaded', ok: false, errors: [] });
    this.stop();
    const target = Math.max(0, time);
    if (target >= current.now()) {
      this.tape.runTo(current, target);
      this.flush();
      this.postClock();
    } else {
      const { session, errors } = this.opts.createSession(this.tape.text, this.tape.seed);
      if (!session) return this.reply(id, { kind: 'loaded', ok: false, errors });
      this.tape.reached(current.now());
      this.tape.rewind(current.commandLog());
      this.tape.runTo(session, target);
      this.install(session);
    }
    this.postRecord();
    this.reply(id, { kind: 'loaded', ok: true, errors: [] });
  }

  /** install makes `session` the running one and sends the page its whole cluster. */
  private install(session: EngineSession): void {
    this.endWatch();
    this.session = session;
    // The first batch of changes is the whole cluster; the reset below already carries it.
    session.takeChanges();
    const events = session.eventLog();
    this.eventIndex = events.length;
    this.lastWall = this.opts.timers.now();
    this.lastPostedTime = session.now();
    this.opts.post({
      type: 'reset',
      objects: session.snapshot(),
      events: [...events],
      scenario: session.scenario,
      clock: this.clock(),
    });
    this.postLesson();
  }

  /** noteCommand tells the tape about a command the user ran, if the session logged one. */
  private noteCommand(line: string, loggedBefore: number): void {
    const session = this.session;
    if (!session || session.commandLog().length === loggedBefore) return;
    this.tape.commandRan(line, session.now());
    this.postRecord();
  }

  private postRecord(): void {
    const session = this.session;
    if (session)
      this.opts.post({ type: 'record', record: this.tape.record(session.commandLog(), session.now()) });
  }

  private apply(id: number, text: string): void {
    if (!this.session) {
      this.reply(id, { kind: 'applied', ok: false, errors: [], output: 'error: no scenario is loaded' });
      return;
    }
    const logged = this.session.commandLog().length;
    const { errors, output, scenario = true } = this.session.apply(text);
    // Restart replays the last text that applied cleanly, so it matches what the editor shows;
    // but a lesson's editor shows only its cluster, and Restart there starts the lesson over.
    if (errors.length === 0 && (scenario || !this.session.scenario?.lesson)) this.loadedText = text;
    this.noteCommand('kubectl apply -f -', logged);
    this.reply(id, { kind: 'applied', ok: errors.length === 0, errors, output });
    this.flush();
  }

  private command(id: number, line: string, stdin: string | undefined): void {
    // A new command ends the running watch, as a new prompt would in a terminal.
    this.endWatch();
    if (!this.session) {
      const result = { stdout: '', stderr: 'error: no scenario is loaded', exitCode: 1, watching: false };
      this.reply(id, { kind: 'command', result });
      return;
    }
    // Changes made before the command belong to earlier frames, not to the watch's first lines.
    this.flush();
    const logged = this.session.commandLog().length;
    const out = this.session.run(line, stdin);
    this.watch = out.watch ?? null;
    const result = { stdout: out.stdout, stderr: out.stderr, exitCode: out.exitCode, watching: !!out.watch };
    this.noteCommand(line, logged);
    this.reply(id, { kind: 'command', result });
    this.flush();
  }

  private step(id: number): void {
    if (this.playing) this.pause();
    const moved = this.session ? this.tape.step(this.session) : false;
    this.reply(id, { kind: 'stepped', moved });
    this.flush();
  }

  private play(): void {
    if (this.playing) return;
    this.playing = true;
    this.lastWall = this.opts.timers.now();
    this.schedule();
    this.postClock();
  }

  private pause(): void {
    if (!this.playing) return;
    this.tick(false);
    this.stop();
    this.postClock();
  }

  /** stop ends the play loop without running the time since the last tick. */
  private stop(): void {
    this.playing = false;
    if (this.timer !== null) this.opts.timers.clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(): void {
    this.timer = this.opts.timers.setTimeout(() => {
      this.timer = null;
      try {
        this.tick(true);
      } catch (err) {
        this.crash(err, undefined);
      }
    }, TICK_MS);
  }

  /** tick advances virtual time by speed × the wall time since the last tick, then posts the batch. */
  private tick(reschedule: boolean): void {
    if (!this.playing) return;
    const wall = this.opts.timers.now();
    const seconds = Math.min(Math.max(0, (wall - this.lastWall) / 1000), MAX_TICK_WALL_SECONDS);
    this.lastWall = wall;
    if (this.session && seconds > 0) this.tape.advance(this.session, seconds * this.speed);
    this.flush();
    if (reschedule && this.playing) this.schedule();
  }

  /** flush posts what changed since the last flush: one message, never the whole cluster. */
  private flush(): void {
    const session = this.session;
    if (!session) return;
    this.postLesson();
    const diff = session.takeChanges();
    const log = session.eventLog();
    const events = log.slice(this.eventIndex);
    this.eventIndex = log.length;
    if (this.watch) {
      const text = this.watch.format(diff);
      if (text) this.opts.post({ type: 'watch', text });
      // The command exited by itself (`rollout status` saw the rollout done): the prompt is back.
      if (this.watch.finished?.()) this.endWatch();
    }
    if (isEmptyDiff(diff) && events.length === 0) {
      if (diff.time !== this.lastPostedTime) this.postClock();
      return;
    }
    this.lastPostedTime = diff.time;
    // A rollout wave at 5,000 nodes changes a thousand pods in one tick; in several messages the
    // page decodes each in its own task instead of one long one. Events ride with the last.
    let rest: ClusterDiff | null = diff;
    while (rest) {
      const [now, later]: [ClusterDiff, ClusterDiff | null] = splitDiff(rest, MAX_OBJECTS_PER_MESSAGE);
      this.opts.post({ type: 'diff', diff: now, events: later ? [] : events, clock: this.clock() });
      rest = later;
    }
  }

  /** postLesson sends the lesson's progress when it changed, and the scenario steps that ran. */
  private postLesson(): void {
    const status = this.session?.takeLessonStatus?.();
    if (status) this.opts.post({ type: 'lesson', status });
    const steps = this.session?.takeStepRecords?.();
    if (steps?.length) this.opts.post({ type: 'steps', steps });
  }

  private endWatch(): void {
    if (!this.watch) return;
    this.watch = null;
    this.opts.post({ type: 'watch', text: '', ended: true });
  }

  private clock(): ClockState {
    return { time: this.session?.now() ?? 0, playing: this.playing, speed: this.speed };
  }

  private postClock(): void {
    this.lastPostedTime = this.session?.now() ?? 0;
    this.opts.post({ type: 'clock', clock: this.clock() });
  }

  private reply(id: number, reply: Reply): void {
    this.opts.post({ type: 'reply', id, reply });
  }

  private crash(err: unknown, id: number | undefined): void {
    this.stop();
    const { message, stack } = errorText(err);
    this.opts.post({ type: 'crash', message, ...(stack ? { stack } : {}) });
    if (id !== undefined) this.reply(id, { kind: 'failed', message });
    this.postClock();
  }
}
