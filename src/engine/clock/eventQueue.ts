/** A timer on the virtual clock. */
export interface Timer {
  id: number;
  at: number;
  seq: number;
  label: string;
  run: () => void;
  /** Periodic timers (heartbeats, probes) do not keep a run "busy": the runner stops when only they remain. */
  periodic: boolean;
}

/**
 * EventQueue is the discrete-event queue: a binary heap ordered by time, then by insertion order,
 * so two timers due at the same instant always fire in the order they were set.
 */
export class EventQueue {
  private heap: Timer[] = [];
  private byId = new Map<number, Timer>();
  private cancelled = new Set<number>();
  private nextId = 1;
  private seq = 0;
  private live = 0;
  private liveBusy = 0;

  schedule(at: number, label: string, run: () => void, periodic = false): number {
    const timer: Timer = { id: this.nextId++, at, seq: this.seq++, label, run, periodic };
    this.heap.push(timer);
    this.byId.set(timer.id, timer);
    this.up(this.heap.length - 1);
    this.live++;
    if (!periodic) this.liveBusy++;
    return timer.id;
  }

  cancel(id: number | undefined): void {
    if (id === undefined) return;
    const timer = this.byId.get(id);
    if (!timer) return;
    this.byId.delete(id);
    this.cancelled.add(id);
    this.live--;
    if (!timer.periodic) this.liveBusy--;
  }

  /** peekTime is the time of the next live timer, or undefined when none is left. */
  peekTime(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.at;
  }

  pop(): Timer | undefined {
    this.dropCancelled();
    const top = this.heap[0];
    if (!top) return undefined;
    this.removeTop();
    this.byId.delete(top.id);
    this.live--;
    if (!top.periodic) this.liveBusy--;
    return top;
  }

  /** timeOf tells when a pending timer fires. */
  timeOf(id: number): number | undefined {
    return this.byId.get(id)?.at;
  }

  /** hasBusyTimers tells whether anything other than periodic timers is still pending. */
  hasBusyTimers(): boolean {
    return this.liveBusy > 0;
  }

  get size(): number {
    return this.live;
  }

  private dropCancelled(): void {
    while (this.heap[0] && this.cancelled.has(this.heap[0].id)) {
      this.cancelled.delete(this.heap[0].id);
      this.removeTop();
    }
  }

  private removeTop(): void {
    const last = this.heap.pop();
    if (last && this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
  }

  private less(a: Timer, b: Timer): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
      if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}
