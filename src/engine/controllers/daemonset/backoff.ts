/**
 * Backoff is client-go's flowcontrol.Backoff: per key, the delay doubles from `initial` up to
 * `max`; an entry untouched for twice `max` starts over.
 */
export class Backoff {
  private readonly entries = new Map<string, { delay: number; lastUpdate: number }>();

  constructor(
    private readonly initial: number,
    private readonly max: number,
  ) {}

  get(key: string): number {
    return this.entries.get(key)?.delay ?? 0;
  }

  /** next records an attempt at `now` and grows the delay. */
  next(key: string, now: number): void {
    const e = this.entries.get(key);
    if (!e || now - e.lastUpdate > 2 * this.max) {
      this.entries.set(key, { delay: this.initial, lastUpdate: now });
      return;
    }
    e.delay = Math.min(e.delay * 2, this.max);
    e.lastUpdate = now;
  }

  /** until is when the current back-off of `key` ends (last attempt + delay); undefined without one. */
  until(key: string): number | undefined {
    const e = this.entries.get(key);
    return e ? e.lastUpdate + e.delay : undefined;
  }

  /** isInBackOffSinceUpdate: less than the current delay has passed since the last attempt. */
  isInBackOffSinceUpdate(key: string, now: number): boolean {
    const e = this.entries.get(key);
    return !!e && now - e.lastUpdate < e.delay;
  }
}
