// robfig/cron v3 as the API server and the CronJob controller use it: parser.go ParseStandard
// (getField, getRange, parseDescriptor, normalizeFields) and spec.go SpecSchedule.Next /
// dayMatches, constantdelay.go Every; time zones as formatSchedule's `TZ=<spec.timeZone>`.
import { describe, expect, it } from 'vitest';
import { parseGoDuration, parseStandard } from '../../../../src/engine/clock/cron';

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | undefined) =>
  ms === undefined ? 'zero time' : new Date(ms).toISOString().replace('.000Z', 'Z');

function nextTimes(spec: string, from: string, n: number, zone?: string): string[] {
  const parsed = parseStandard(spec, zone);
  if (!parsed.ok) throw new Error(parsed.error);
  const out: string[] = [];
  let t = at(from);
  for (let i = 0; i < n; i++) {
    const next = parsed.schedule.next(t);
    out.push(iso(next));
    if (next === undefined) break;
    t = next;
  }
  return out;
}

describe('cron · SpecSchedule.Next: five fields, lists, ranges, steps and names', () => {
  it.each([
    ['0 * * * *', '2025-01-01T00:00:00Z', ['2025-01-01T01:00:00Z', '2025-01-01T02:00:00Z']],
    ['*/15 * * * *', '2025-01-01T00:07:30Z', ['2025-01-01T00:15:00Z', '2025-01-01T00:30:00Z']],
    ['5,35 2 * * *', '2025-01-01T02:10:00Z', ['2025-01-01T02:35:00Z', '2025-01-02T02:05:00Z']],
    ['0 9-17/4 * * *', '2025-01-01T10:00:00Z', ['2025-01-01T13:00:00Z', '2025-01-01T17:00:00Z']],
    ['30 3 * * MON-FRI', '2025-01-03T04:00:00Z', ['2025-01-06T03:30:00Z', '2025-01-07T03:30:00Z']],
    ['0 0 1 JAN,jul *', '2025-01-01T00:00:00Z', ['2025-07-01T00:00:00Z', '2026-01-01T00:00:00Z']],
    ['0 12 * * sun', '2025-01-01T00:00:00Z', ['2025-01-05T12:00:00Z', '2025-01-12T12:00:00Z']],
    ['0 0 29 2 *', '2025-01-01T00:00:00Z', ['2028-02-29T00:00:00Z']],
    ['? * * * ?', '2025-01-01T00:00:59Z', ['2025-01-01T00:01:00Z', '2025-01-01T00:02:00Z']],
  ])('%s after %s', (spec, from, expected) => {
    expect(nextTimes(spec, from, expected.length)).toEqual(expected);
  });

  it.each([
    // dayMatches: with either day field `*`, both must hold; with both restricted, either one does.
    [
      '0 0 13 * FRI',
      '2025-01-01T00:00:00Z',
      ['2025-01-03T00:00:00Z', '2025-01-10T00:00:00Z', '2025-01-13T00:00:00Z'],
    ],
    [
      '0 0 * * FRI',
      '2025-01-01T00:00:00Z',
      ['2025-01-03T00:00:00Z', '2025-01-10T00:00:00Z', '2025-01-17T00:00:00Z'],
    ],
    // `*/2` is not a star: with a restricted weekday, odd days and Mondays both fire.
    [
      '0 0 */2 * MON',
      '2025-01-01T00:00:00Z',
      ['2025-01-03T00:00:00Z', '2025-01-05T00:00:00Z', '2025-01-06T00:00:00Z'],
    ],
  ])('dayMatches %s', (spec, from, expected) => {
    expect(nextTimes(spec, from, expected.length)).toEqual(expected);
  });

  it('a schedule that never fires (31 February) gives the zero time after five years', () => {
    expect(nextTimes('0 0 31 2 *', '2025-01-01T00:00:00Z', 1)).toEqual(['zero time']);
  });
});

describe('cron · descriptors (parseDescriptor) and @every (ConstantDelaySchedule)', () => {
  it.each([
    ['@hourly', '2025-01-01T00:30:00Z', ['2025-01-01T01:00:00Z']],
    ['@daily', '2025-01-01T00:30:00Z', ['2025-01-02T00:00:00Z']],
    ['@midnight', '2025-01-01T00:30:00Z', ['2025-01-02T00:00:00Z']],
    ['@weekly', '2025-01-01T00:30:00Z', ['2025-01-05T00:00:00Z']],
    ['@monthly', '2025-01-01T00:30:00Z', ['2025-02-01T00:00:00Z']],
    ['@yearly', '2025-01-01T00:30:00Z', ['2026-01-01T00:00:00Z']],
    ['@annually', '2025-01-01T00:30:00Z', ['2026-01-01T00:00:00Z']],
    ['@every 1h30m', '2025-01-01T00:00:00.250Z', ['2025-01-01T01:30:00Z', '2025-01-01T03:00:00Z']],
    ['@every 500ms', '2025-01-01T00:00:00Z', ['2025-01-01T00:00:01Z']],
  ])('%s', (spec, from, expected) => {
    expect(nextTimes(spec, from, expected.length)).toEqual(expected);
  });

  it.each([
    ['1h30m', 5_400_000],
    ['1.5h', 5_400_000],
    ['90s', 90_000],
    ['-2m', -120_000],
    ['0', 0],
    ['1d', 'time: unknown unit "d" in duration "1d"'],
    ['10', 'time: missing unit in duration "10"'],
    ['x', 'time: invalid duration "x"'],
  ])('time.ParseDuration(%j)', (text, expected) => {
    expect(parseGoDuration(text)).toBe(expected);
  });
});

describe('cron · time zones (formatSchedule prefixes TZ=<spec.timeZone>)', () => {
  it.each([
    ['30 2 * * *', 'Europe/Berlin', '2025-01-01T00:00:00Z', ['2025-01-01T01:30:00Z', '2025-01-02T01:30:00Z']],
    ['0 9 * * *', 'Asia/Kolkata', '2025-01-01T00:00:00Z', ['2025-01-01T03:30:00Z']],
    ['0 0 * * *', 'America/New_York', '2025-06-30T12:00:00Z', ['2025-07-01T04:00:00Z']],
  ])('%s in %s', (spec, zone, from, expected) => {
    expect(nextTimes(spec, from, expected.length, zone)).toEqual(expected);
  });

  it('a wall-clock time skipped by the spring DST change does not fire that day (New York, 9 March 2025)', () => {
    expect(nextTimes('30 2 * * *', '2025-03-08T08:00:00Z', 2, 'America/New_York')).toEqual([
      '2025-03-10T06:30:00Z',
      '2025-03-11T06:30:00Z',
    ]);
  });

  it('a wall-clock time repeated by the autumn DST change fires twice, as SpecSchedule.Next walks instants', () => {
    expect(nextTimes('30 1 * * *', '2025-11-02T00:00:00Z', 3, 'America/New_York')).toEqual([
      '2025-11-02T05:30:00Z',
      '2025-11-02T06:30:00Z',
      '2025-11-03T06:30:00Z',
    ]);
  });

  it('a TZ= prefix in the schedule text is read by the parser itself', () => {
    expect(nextTimes('TZ=Asia/Tokyo 0 9 * * *', '2025-01-01T00:00:00Z', 1)).toEqual(['2025-01-02T00:00:00Z']);
  });
});

describe('cron · ParseStandard errors, in robfig/cron words', () => {
  it.each([
    ['bad', 'expected exactly 5 fields, found 1: [bad]'],
    ['* * * * * *', 'expected exactly 5 fields, found 6: [* * * * * *]'],
    ['60 * * * *', 'end of range (60) above maximum (59): 60'],
    ['* 24 * * *', 'end of range (24) above maximum (23): 24'],
    ['* * 0 * *', 'beginning of range (0) below minimum (1): 0'],
    ['* * * 13 *', 'end of range (13) above maximum (12): 13'],
    ['* * * * 7', 'end of range (7) above maximum (6): 7'],
    ['5-1 * * * *', 'beginning of range (5) beyond end of range (1): 5-1'],
    ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
    ['*/2/3 * * * *', 'too many slashes: */2/3'],
    ['*/0 * * * *', 'step of range should be a positive number: */0'],
    ['x * * * *', 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ['* * * * MONDAY', 'failed to parse int from MONDAY: strconv.Atoi: parsing "MONDAY": invalid syntax'],
    ['@fortnightly', 'unrecognized descriptor: @fortnightly'],
    ['@every 1d', 'failed to parse duration @every 1d: time: unknown unit "d" in duration "1d"'],
    ['TZ=Mars/Olympus 0 * * * *', 'provided bad location Mars/Olympus: unknown time zone Mars/Olympus'],
  ])('%j → %s', (spec, error) => {
    expect(parseStandard(spec)).toEqual({ ok: false, error });
  });
});
