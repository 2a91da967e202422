// The engine worker imports kubectl only after the page has drawn its first cluster (kubectl is
// about a third of the worker's JavaScript; src/kubectl/link.ts). Until it is in, the gate lets
// one kind of message through: a first `load` whose scenario builds without kubectl (no lesson,
// no command at t = 0, as the default scenario). Everything else waits, in the order it came,
// and runs as soon as kubectl is in; a load that turns out to need kubectl waits with it.
//
// After such an early load the import itself waits for the page's `painted` message, so the
// fetch never competes with the paint: the play/pause/speed messages the page sends meanwhile
// wait with it. Anything else (a command typed at once, a request for a pod's logs) starts the
// import straight away, and so does PAINT_WAIT_MS without a paint (an embed without a grid).
import type { ToWorker } from './protocol';

type LoadMessage = Extract<ToWorker, { type: 'load' }>;

/** PAINT_WAIT_MS: how long an early load waits for the page's first paint before importing anyway. */
export const PAINT_WAIT_MS = 5_000;

// Messages that only move the clock: after an early load they wait for the paint like the import.
const CLOCK_ONLY = new Set<ToWorker['type']>(['play', 'pause', 'speed']);

export interface KubectlGateOptions {
  /** Imports kubectl; called once. */
  importKubectl(): Promise<unknown>;
  /** Whether kubectl's code is in. */
  linked(): boolean;
  /** Runs a load without kubectl, or returns false (having run nothing) when it needs kubectl. */
  tryLoadEarly(msg: LoadMessage): boolean;
  handle(msg: ToWorker): void;
  /** kubectl's chunk could not be imported (the page reports it as a crash). */
  failed(err: unknown): void;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** KubectlGate holds the page's messages until kubectl is in, except an early first load. */
export class KubectlGate {
  private waiting: ToWorker[] = [];
  private importing: Promise<void> | null = null;
  private paintTimer: unknown = null;

  constructor(private readonly opts: KubectlGateOptions) {}

  receive(msg: ToWorker): void {
    if (this.opts.linked() && this.waiting.length === 0) return this.opts.handle(msg);
    if (msg.type === 'load' && this.waiting.length === 0 && !this.importing && this.opts.tryLoadEarly(msg)) {
      this.paintTimer ??= this.opts.setTimeout(() => void this.ready(), PAINT_WAIT_MS);
      return;
    }
    this.waiting.push(msg);
    if (this.paintTimer === null || !CLOCK_ONLY.has(msg.type)) void this.ready();
  }

  /** painted: the page shows its first grid, so kubectl may be fetched now. */
  painted(): void {
    void this.ready();
  }

  /** ready imports kubectl (once) and then runs what waited; it settles when that is done. */
  ready(): Promise<void> {
    if (this.paintTimer !== null) this.opts.clearTimeout(this.paintTimer);
    this.paintTimer = null;
    this.importing ??= this.opts.importKubectl().then(
      () => this.drain(),
      (err: unknown) => this.opts.failed(err),
    );
    return this.importing;
  }

  private drain(): void {
    while (this.waiting.length > 0) this.opts.handle(this.waiting.shift() as ToWorker);
  }
}
