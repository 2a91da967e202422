import { describe, expect, it } from 'vitest';
import { ageOf, humanDuration, rfc1123z } from '../../../../src/kubectl/printers/age';

describe('ages · duration.HumanDuration', () => {
  it.each([
    { seconds: 0, want: '0s' },
    { seconds: -1.5, want: '0s' },
    { seconds: -3, want: '<invalid>' },
    { seconds: 45.9, want: '45s' },
    { seconds: 119, want: '119s' },
    { seconds: 120, want: '2m' },
    { seconds: 192, want: '3m12s' },
    { seconds: 599, want: '9m59s' },
    { seconds: 600, want: '10m' },
    { seconds: 179 * 60, want: '179m' },
    { seconds: 3 * 3600, want: '3h' },
    { seconds: 5 * 3600 + 3 * 60, want: '5h3m' },
    { seconds: 10 * 3600 + 59 * 60, want: '10h' },
    { seconds: 47 * 3600, want: '47h' },
    { seconds: 3 * 86400 + 4 * 3600, want: '3d4h' },
    { seconds: 5 * 86400, want: '5d' },
    { seconds: 12 * 86400, want: '12d' },
    { seconds: 800 * 86400, want: '2y70d' },
    { seconds: 9 * 365 * 86400, want: '9y' },
  ])('prints $seconds seconds as $want', ({ seconds, want }) => {
    expect(humanDuration(seconds)).toBe(want);
  });

  it('measures an API timestamp from simulated now, and shows <unknown> when unset', () => {
    expect(ageOf('2025-01-01T00:00:00Z', 75)).toBe('75s');
    expect(ageOf(undefined, 75)).toBe('<unknown>');
  });

  it('formats describe dates as RFC 1123 with a numeric zone', () => {
    expect(rfc1123z('2025-01-01T00:01:05Z')).toBe('Wed, 01 Jan 2025 00:01:05 +0000');
  });
});
