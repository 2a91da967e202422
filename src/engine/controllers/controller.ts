import type { ApiServer } from '../apiserver/apiServer';
import type { VirtualClock } from '../clock/clock';
import type { EventQueue } from '../clock/eventQueue';
import type { Rng } from '../clock/rng';
import type { EventRecorder } from '../events/recorder';
import type { Tracer } from '../events/tracer';

/** ControllerContext is what every controller gets: the API, time, chance and the event recorder. */
export interface ControllerContext {
  api: ApiServer;
  clock: VirtualClock;
  queue: EventQueue;
  rng: Rng;
  recorder: EventRecorder;
  tracer: Tracer;
}

/**
 * Controller is a reconcile loop over keys, as a client-go work queue drives one: watch handlers
 * enqueue keys, `sync(key)` reconciles one. Keys are processed in insertion order, so runs are
 * deterministic; a key enqueued while pending is not duplicated.
 */
export abstract class Controller {
  abstract readonly name: string;
  // A FIFO of keys plus a set for membership: taking the first key of a Set that has seen many
  // deletions walks its holes, which was quadratic at thousands of pods.
  private readonly pending = new Set<string>();
  private order: string[] = [];
  private head = 0;
  private readonly delayed = new Map<string, number>();

  constructor(protected readonly ctx: ControllerContext) {}

  /** enqueue schedules a sync of key at the current instant. */
  enqueue(key: string): void {
    if (this.pending.has(key)) return;
    this.pending.add(key);
    this.order.push(key);
  }

  /**
   * enqueueAfter schedules a sync after a delay (the work queue's AddAfter); the earliest request
   * wins. A `periodic` wake-up (a CronJob's next start time) does not keep a run from being quiet.
   */
  enqueueAfter(key: string, seconds: number, periodic = false): void {
    const at = this.ctx.clock.now() + Math.max(0, seconds);
    const existing = this.delayed.get(key);
    if (existing !== undefined) {
      if (existing <= at) return;
    }
    this.delayed.set(key, at);
    this.ctx.queue.schedule(
      at,
      `${this.name}:${key}`,
      () => {
        if (this.delayed.get(key) === at) this.delayed.delete(key);
        this.enqueue(key);
      },
      periodic,
    );
  }

  /** hasWork tells whether keys are waiting. */
  hasWork(): boolean {
    return this.pending.size > 0;
  }

  /** processOne syncs the oldest pending key; false when there was none. */
  processOne(): boolean {
    if (this.head >= this.order.length) return false;
    const key = this.order[this.head++]!;
    if (this.head === this.order.length) {
      this.order = [];
      this.head = 0;
    } else if (this.head > 4096 && this.head * 2 > this.order.length) {
      this.order = this.order.slice(this.head);
      this.head = 0;
    }
    this.pending.delete(key);
    this.sync(key);
    return true;
  }

  protected abstract sync(key: string): void;
}
