// The simulated epoch: timestamps in objects read as real RFC 3339 times, yet every run starts
// at the same instant so output is byte-identical across replays.
export const SIM_EPOCH_MS = Date.UTC(2025, 0, 1, 0, 0, 0);

/** VirtualClock holds simulated time in seconds since the start of the run. */
export class VirtualClock {
  private t = 0;

  now(): number {
    return this.t;
  }

  /** advanceTo moves time forward; time never runs backwards. */
  advanceTo(t: number): void {
    if (t > this.t) this.t = t;
  }

  /**
   * timestamp renders simulated seconds in RFC 3339. Whole seconds print as metav1.Time does;
   * fractional instants keep their milliseconds so availability (minReadySeconds) stays exact.
   */
  timestamp(t = this.t): string {
    // Thousands of writes share one instant: format it once.
    if (t !== this.stampedAt) {
      this.stampedAt = t;
      this.stamp = formatTimestamp(t);
    }
    return this.stamp;
  }

  private stampedAt = NaN;
  private stamp = '';
}

function formatTimestamp(t: number): string {
  const ms = Math.round(t * 1000);
  const iso = new Date(SIM_EPOCH_MS + ms).toISOString();
  return ms % 1000 === 0 ? iso.replace('.000Z', 'Z') : iso;
}

/** parseTimestamp turns an API timestamp back into simulated seconds (NaN when absent or malformed). */
export function parseTimestamp(ts: string | undefined): number {
  if (!ts) return NaN;
  return (Date.parse(ts) - SIM_EPOCH_MS) / 1000;
}
