// The engine worker imports kubectl only after the page has its first cluster (kubectl is about a
// third of the worker's JavaScript; src/kubectl/link.ts). Until it is in, the gate lets one kind
// of message through: a first `load` whose scenario builds without kubectl (no lesson, no command
// at t = 0, as the default scenario). Everything else waits, in the order it came, and runs as
// soon as kubectl is in; a load that turns out to need kubectl waits with it.
import type { ToWorker } from './protocol';

type LoadMessage = Extract<ToWorker, { type: 'load' }>;

export interface KubectlGateOptions {
  /** Imports kubectl; called once, by the first message that needs it or right after an early load. */
  importKubectl(): Promise<unknown>;
  /** Whether kubectl's code is in. */
  linked(): boolean;
  /** Runs a load without kubectl, or returns false (having run nothing) when it needs kubectl. */
  tryLoadEarly(msg: LoadMessage): boolean;
  handle(msg: ToWorker): void;
  /** kubectl's chunk could not be imported (the page reports it as a crash). */
  failed(err: unknown): void;
}

/** KubectlGate holds the page's messages until kubectl is in, except an early first load. */
export class KubectlGate {
  private waiting: ToWorker[] = [];
  private importing: Promise<void> | null = null;

  constructor(private readonly opts: KubectlGateOptions) {}

  receive(msg: ToWorker): void {
    if (this.opts.linked() && this.waiting.length === 0) return this.opts.handle(msg);
    if (msg.type === 'load' && this.waiting.length === 0 && this.opts.tryLoadEarly(msg)) {
      void this.ready();
      return;
    }
    this.waiting.push(msg);
    void this.ready();
  }

  /** ready imports kubectl (once) and then runs what waited; it settles when that is done. */
  ready(): Promise<void> {
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
