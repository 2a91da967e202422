import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from '../../../src/scenario/duration';

describe('parseDuration reads Go durations (time.ParseDuration)', () => {
  const ok = [
    { text: '500ms', seconds: 0.5 },
    { text: '10s', seconds: 10 },
    { text: '2m', seconds: 120 },
    { text: '1h30m', seconds: 5400 },
    { text: '1.5h', seconds: 5400 },
    { text: '1m30.5s', seconds: 90.5 },
    { text: '.5s', seconds: 0.5 },
    { text: '0', seconds: 0 },
    { text: '250us', seconds: 0.00025 },
    { text: '250µs', seconds: 0.00025 },
    { text: '-1m', seconds: -60 },
  ];
  it.each(ok)('reads $text as $seconds seconds', ({ text, seconds }) => {
    expect(parseDuration(text)).toEqual({ ok: true, seconds });
  });

  const bad = [
    { text: '30', message: 'time: missing unit in duration "30"' },
    { text: '1d', message: 'time: unknown unit "d" in duration "1d"' },
    { text: '', message: 'time: invalid duration ""' },
    { text: 'soon', message: 'time: invalid duration "soon"' },
    { text: '1h 30m', message: 'time: unknown unit "h " in duration "1h 30m"' },
    { text: '.s', message: 'time: invalid duration ".s"' },
  ];
  it.each(bad)('refuses "$text" with Go’s message', ({ text, message }) => {
    expect(parseDuration(text)).toEqual({ ok: false, message });
  });
});

describe('formatDuration prints as Go’s Duration.String', () => {
  const cases = [
    { seconds: 0, text: '0s' },
    { seconds: 0.5, text: '500ms' },
    { seconds: 0.0015, text: '1.5ms' },
    { seconds: 0.000001, text: '1µs' },
    { seconds: 1.5, text: '1.5s' },
    { seconds: 90, text: '1m30s' },
    { seconds: 120, text: '2m0s' },
    { seconds: 5400, text: '1h30m0s' },
    { seconds: 3723.5, text: '1h2m3.5s' },
    { seconds: -60, text: '-1m0s' },
  ];
  it.each(cases)('prints $seconds as $text', ({ seconds, text }) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('round-trips through parseDuration', () => {
    for (const s of [0.25, 42, 3600, 86400.125])
      expect(parseDuration(formatDuration(s))).toEqual({ ok: true, seconds: s });
  });
});
