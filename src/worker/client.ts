// The main-thread side of the engine worker: request ids, one promise per request, and a
// callback for everything the worker pushes (resets, diffs, clock, watch output, crashes).
import type { FromWorker, LoggedCommand, Reply, ToWorker } from './protocol';

/** WorkerPort is the part of a Worker the client uses (a fake one in tests). */
export interface WorkerPort {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((ev: MessageEvent<FromWorker>) => void) | null;
  onerror: ((ev: ErrorEvent) => void) | null;
  onmessageerror?: ((ev: MessageEvent) => void) | null;
}

/** Pushed is every worker message that is not a reply to a request. */
export type Pushed = Exclude<FromWorker, { type: 'reply' }>;

export interface EngineClientHandlers {
  onPush(message: Pushed): void;
  /** The worker itself failed (script error, crash outside the engine host): nothing runs any more. */
  onFailure(message: string): void;
}

type Request = ToWorker extends infer M ? (M extends { id: number } ? Omit<M, 'id'> : never) : never;
type ReplyOf<K extends Reply['kind']> = Extract<Reply, { kind: K }>;

interface Pending {
  resolve(reply: Reply): void;
  reject(err: Error): void;
}

/** EngineClient talks to the engine worker; every mutation and query goes through it. */
export class EngineClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();

  private port: WorkerPort;

  constructor(
    port: WorkerPort,
    private readonly handlers: EngineClientHandlers,
  ) {
    this.port = port;
    this.attach(port);
  }

  /**
   * reconnect replaces a failed worker with a fresh one: the old one is stopped and forgotten
   * (a late message from it is ignored), requests still waiting on it fail, and everything
   * from here on goes to `port`. The caller loads or replays a run into it.
   */
  reconnect(port: WorkerPort): void {
    const old = this.port;
    old.onmessage = null;
    old.onerror = null;
    old.onmessageerror = null;
    old.terminate();
    this.rejectAll('the simulation worker was restarted');
    this.port = port;
    this.attach(port);
    if (this.pagePainted) port.postMessage({ type: 'painted' });
    if (this.schemasWanted) port.postMessage({ type: 'loadSchemas' });
  }

  private pagePainted = false;

  /** painted tells the worker the page has drawn its first grid (and a restarted worker, again). */
  painted(): void {
    this.pagePainted = true;
    this.port.postMessage({ type: 'painted' });
  }

  private schemasWanted = false;

  /** loadSchemas has the worker load `kubectl explain`'s schemas now (and again after a restart). */
  loadSchemas(): void {
    this.schemasWanted = true;
    this.port.postMessage({ type: 'loadSchemas' });
  }

  private attach(port: WorkerPort): void {
    port.onmessage = (ev) => {
      if (port === this.port) this.receive(ev.data);
    };
    port.onerror = (ev) => {
      ev.preventDefault?.();
      if (port === this.port) this.fail(ev.message || 'the simulation worker failed to start');
    };
    port.onmessageerror = () => {
      if (port === this.port) this.fail('a message from the simulation worker could not be read');
    };
  }

  /** debugCrash makes the worker throw outside the engine's guard (the `?test-hooks` page hook). */
  debugCrash(): void {
    this.port.postMessage({ type: 'debugCrash' });
  }

  load(text: string, seed?: number): Promise<ReplyOf<'loaded'>> {
    return this.request({ type: 'load', text, ...(seed !== undefined ? { seed } : {}) }, 'loaded');
  }

  apply(text: string): Promise<ReplyOf<'applied'>> {
    return this.request({ type: 'apply', text }, 'applied');
  }

  command(line: string, stdin?: string): Promise<ReplyOf<'command'>> {
    return this.request({ type: 'command', line, ...(stdin !== undefined ? { stdin } : {}) }, 'command');
  }

  complete(line: string): Promise<ReplyOf<'completions'>> {
    return this.request({ type: 'complete', line }, 'completions');
  }

  step(): Promise<ReplyOf<'stepped'>> {
    return this.request({ type: 'step' }, 'stepped');
  }

  podDetails(namespace: string, name: string): Promise<ReplyOf<'podDetails'>> {
    return this.request({ type: 'podDetails', namespace, name }, 'podDetails');
  }

  /** checkWork asks for the current lesson task's unmet conditions ("Check my work"). */
  checkWork(): Promise<ReplyOf<'checkWork'>> {
    return this.request({ type: 'checkWork' }, 'checkWork');
  }

  restart(): Promise<ReplyOf<'loaded'>> {
    return this.request({ type: 'restart' }, 'loaded');
  }

  /** replay rebuilds a recorded run (a share link, a reload) and leaves it paused at `time`. */
  replay(run: {
    text: string;
    seed?: number;
    log: LoggedCommand[];
    time: number;
  }): Promise<ReplyOf<'loaded'>> {
    const { text, seed, log, time } = run;
    return this.request(
      { type: 'replay', text, ...(seed !== undefined ? { seed } : {}), log, time },
      'loaded',
    );
  }

  /** seek moves the run to simulated `time` and pauses there. */
  seek(time: number): Promise<ReplyOf<'loaded'>> {
    return this.request({ type: 'seek', time }, 'loaded');
  }

  play(): void {
    this.port.postMessage({ type: 'play' });
  }

  pause(): void {
    this.port.postMessage({ type: 'pause' });
  }

  setSpeed(speed: number): void {
    this.port.postMessage({ type: 'speed', speed });
  }

  cancelWatch(): void {
    this.port.postMessage({ type: 'cancelWatch' });
  }

  terminate(): void {
    this.port.terminate();
    this.rejectAll('the simulation worker was stopped');
  }

  private request<K extends Reply['kind']>(msg: Request, kind: K): Promise<ReplyOf<K>> {
    const id = this.nextId++;
    return new Promise<ReplyOf<K>>((resolve, reject) => {
      this.pending.set(id, {
        resolve: (reply) => {
          if (reply.kind === kind) resolve(reply as ReplyOf<K>);
          else if (reply.kind === 'failed') reject(new Error(reply.message));
          else reject(new Error(`expected a ${kind} reply, got ${reply.kind}`));
        },
        reject,
      });
      this.port.postMessage({ ...msg, id } as ToWorker);
    });
  }

  private receive(msg: FromWorker): void {
    if (msg.type !== 'reply') {
      this.handlers.onPush(msg);
      return;
    }
    const pending = this.pending.get(msg.id);
    this.pending.delete(msg.id);
    pending?.resolve(msg.reply);
  }

  private fail(message: string): void {
    this.rejectAll(message);
    this.handlers.onFailure(message);
  }

  private rejectAll(message: string): void {
    for (const p of this.pending.values()) p.reject(new Error(message));
    this.pending.clear();
  }
}

/**
 * RestartBudget guards against a crash loop: a worker that fails again right after each restart
 * is restarted at most `max` times within `windowMs`, then left stopped until the user asks.
 */
export class RestartBudget {
  private restarts: number[] = [];

  constructor(
    readonly max = 3,
    readonly windowMs = 30_000,
    private readonly now: () => number = () => Date.now(),
  ) {}

  /** take spends one restart; false when the budget for the current window is used up. */
  take(): boolean {
    const t = this.now();
    this.restarts = this.restarts.filter((r) => t - r < this.windowMs);
    if (this.restarts.length >= this.max) return false;
    this.restarts.push(t);
    return true;
  }

  /** reset forgets past restarts (the user restarted the engine by hand). */
  reset(): void {
    this.restarts = [];
  }
}

/** createEngineWorker starts the engine worker as an ES module worker bundled by Vite. */
export function createEngineWorker(): WorkerPort {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), { type: 'module', name: 'engine' });
}
