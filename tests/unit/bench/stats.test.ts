import { describe, expect, it } from 'vitest';
import { median, p95, percentile, round, summarizeFrames } from '../../bench/browser/stats';

describe('percentiles of frame-time samples', () => {
  it.each([
    { name: 'one sample is every percentile', samples: [7], p: 95, want: 7 },
    { name: 'odd count: the median is the middle sample', samples: [3, 1, 2], p: 50, want: 2 },
    { name: 'even count: the median interpolates the middle two', samples: [4, 1, 3, 2], p: 50, want: 2.5 },
    { name: 'p0 is the minimum', samples: [5, 9, 1], p: 0, want: 1 },
    { name: 'p100 is the maximum', samples: [5, 9, 1], p: 100, want: 9 },
    {
      name: 'p95 of 1..21 lands on 20',
      samples: Array.from({ length: 21 }, (_, i) => i + 1),
      p: 95,
      want: 20,
    },
    { name: 'p95 interpolates between ranks', samples: [10, 20], p: 95, want: 19.5 },
  ])('$name', ({ samples, p, want }) => {
    expect(percentile(samples, p)).toBeCloseTo(want, 10);
  });

  it('does not reorder the caller’s samples', () => {
    const samples = [3, 1, 2];
    median(samples);
    expect(samples).toEqual([3, 1, 2]);
  });

  it('is NaN without samples, and refuses a percentile outside 0..100', () => {
    expect(median([])).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], Number.NaN)).toThrow(RangeError);
  });

  it('p95 and median agree with percentile', () => {
    const samples = [16.6, 16.7, 16.8, 33.4, 16.7, 100];
    expect(p95(samples)).toBe(percentile(samples, 95));
    expect(median(samples)).toBe(percentile(samples, 50));
  });
});

describe('summarizeFrames', () => {
  it('reduces frame deltas and long tasks to the printed figures', () => {
    const deltas = [16.7, 16.6, 16.8, 16.7, 50.1, 16.7, 16.7, 16.6, 16.8, 16.7];
    expect(summarizeFrames(deltas, [51.234, 120, 50])).toEqual({
      frames: 10,
      medianMs: 16.7,
      p95Ms: round(percentile(deltas, 95)),
      longTasksOver50ms: 2,
      longestTaskMs: 120,
    });
  });

  it('reports no long task as a count of 0 and a longest task of 0 ms', () => {
    expect(summarizeFrames([16.7], [])).toMatchObject({ longTasksOver50ms: 0, longestTaskMs: 0 });
  });
});

describe('round', () => {
  it.each([
    [16.66666, 2, 16.67],
    [305.44, 1, 305.4],
    [665.5, 0, 666],
  ])('%d to %d digits is %d', (value, digits, want) => {
    expect(round(value, digits)).toBe(want);
  });
});
