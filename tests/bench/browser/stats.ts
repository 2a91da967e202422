// Summaries of timing samples for the browser benchmark: pure functions, unit-tested in
// tests/unit/bench/stats.test.ts.

/**
 * percentile returns the p-th percentile (0–100) of the samples by linear interpolation between
 * the closest ranks (the method of numpy's default and of most spreadsheets). NaN for no samples.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return NaN;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0..100, got ${p}`);
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  const a = sorted[lo]!;
  const b = sorted[hi]!;
  return a + (b - a) * (rank - lo);
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

export function p95(samples: readonly number[]): number {
  return percentile(samples, 95);
}

/** round keeps `digits` decimals, so printed figures do not carry timer noise. */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** FrameSummary is what one sampling window of frame times and long tasks comes to. */
export interface FrameSummary {
  frames: number;
  medianMs: number;
  p95Ms: number;
  longTasksOver50ms: number;
  longestTaskMs: number;
}

/**
 * summarizeFrames reduces requestAnimationFrame deltas and long-task durations (ms) to the
 * figures the bench prints. Long-task entries are by definition over 50 ms; the filter keeps the
 * count honest should an entry of exactly 50 ms ever be reported.
 */
export function summarizeFrames(deltas: readonly number[], taskDurations: readonly number[]): FrameSummary {
  return {
    frames: deltas.length,
    medianMs: round(median(deltas)),
    p95Ms: round(p95(deltas)),
    longTasksOver50ms: taskDurations.filter((d) => d > 50).length,
    longestTaskMs: round(Math.max(0, ...taskDurations)),
  };
}
