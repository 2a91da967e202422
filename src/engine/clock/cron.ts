// CronJob schedules as the API server and the CronJob controller read them: robfig/cron v3's
// ParseStandard (parser.go: five fields — minute, hour, day of month, month, day of week — with
// `*`/`?`, lists, ranges, steps and the names JAN–DEC / SUN–SAT, or a descriptor such as @hourly
// or `@every 1h30m`) and SpecSchedule.Next / ConstantDelaySchedule.Next (spec.go, constantdelay.go).
// Errors read as robfig/cron's, since the API server returns them verbatim
// (`spec.schedule: Invalid value: "…": expected exactly 5 fields, found 1: [bad]`).
import { fromWall, loadLocation, wallTime } from './timeZone';

/** CronSchedule answers "when, after this instant, does the schedule fire next?" in epoch ms. */
export interface CronSchedule {
  /** The next activation strictly after `ms`; undefined (Go's zero time) when none within five years. */
  next(ms: number): number | undefined;
}

export type ParseResult = { ok: true; schedule: CronSchedule } | { ok: false; error: string };

interface Bounds {
  min: number;
  max: number;
  names?: Readonly<Record<string, number>>;
}

const MINUTES: Bounds = { min: 0, max: 59 };
const HOURS: Bounds = { min: 0, max: 23 };
const DOM: Bounds = { min: 1, max: 31 };
const MONTHS: Bounds = {
  min: 1,
  max: 12,
  names: {
    jan: 1,
    feb: 2,
    mar: 3,
    apr: 4,
    may: 5,
    jun: 6,
    jul: 7,
    aug: 8,
    sep: 9,
    oct: 10,
    nov: 11,
    dec: 12,
  },
};
const DOW: Bounds = { min: 0, max: 6, names: { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } };

/** A field's allowed values; `star` records a bare `*` or `?` (it changes how the two day fields combine). */
interface FieldSet {
  values: Set<number>;
  star: boolean;
}

class FieldError extends Error {}

// strconv.Atoi's acceptance and its error text.
function atoi(expr: string): number {
  if (!/^[+-]?\d+$/.test(expr))
    throw new FieldError(
      `failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: invalid syntax`,
    );
  const n = Number(expr);
  if (!Number.isSafeInteger(n))
    throw new FieldError(
      `failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: value out of range`,
    );
  if (n < 0) throw new FieldError(`negative number (${n}) not allowed: ${expr}`);
  return n;
}

function intOrName(expr: string, b: Bounds): number {
  const named = b.names?.[expr.toLowerCase()];
  return named ?? atoi(expr);
}

// One comma-separated piece: `*`, `?`, `N`, `N-M`, each optionally `/step` (`N/step` runs to the maximum).
function parseRange(expr: string, b: Bounds, into: FieldSet): void {
  const slash = expr.split('/');
  const span = slash[0]!.split('-');
  let start: number;
  let end: number;
  let star = false;
  if (span[0] === '*' || span[0] === '?') {
    start = b.min;
    end = b.max;
    star = true;
  } else {
    start = intOrName(span[0]!, b);
    if (span.length === 1) end = start;
    else if (span.length === 2) end = intOrName(span[1]!, b);
    else throw new FieldError(`too many hyphens: ${expr}`);
  }
  let step = 1;
  if (slash.length === 2) {
    step = atoi(slash[1]!);
    if (span.length === 1) end = b.max;
    // `*/2` is a list of values, not "any": it combines with the other day field like one.
    if (step > 1) star = false;
  } else if (slash.length > 2) throw new FieldError(`too many slashes: ${expr}`);
  if (start < b.min) throw new FieldError(`beginning of range (${start}) below minimum (${b.min}): ${expr}`);
  if (end > b.max) throw new FieldError(`end of range (${end}) above maximum (${b.max}): ${expr}`);
  if (start > end)
    throw new FieldError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new FieldError(`step of range should be a positive number: ${expr}`);
  for (let v = start; v <= end; v += step) into.values.add(v);
  if (star) into.star = true;
}

function parseField(field: string, b: Bounds): FieldSet {
  const set: FieldSet = { values: new Set(), star: false };
  for (const piece of field.split(',').filter((p) => p !== '')) parseRange(piece, b, set);
  return set;
}

function only(value: number): FieldSet {
  return { values: new Set([value]), star: false };
}

function every(b: Bounds): FieldSet {
  const values = new Set<number>();
  for (let v = b.min; v <= b.max; v++) values.add(v);
  return { values, star: true };
}

interface Fields {
  minute: FieldSet;
  hour: FieldSet;
  dom: FieldSet;
  month: FieldSet;
  dow: FieldSet;
}

// dayMatches: both day fields must match when either is `*`; otherwise either one is enough
// (`0 0 1 * MON` is the 1st of the month and every Monday).
function dayMatches(f: Fields, day: number, weekday: number): boolean {
  const domOk = f.dom.values.has(day);
  const dowOk = f.dow.values.has(weekday);
  return f.dom.star || f.dow.star ? domOk && dowOk : domOk || dowOk;
}

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/**
 * nextActivation walks forward field by field, as SpecSchedule.Next does: find the month, then the
 * day, hour, minute and second, resetting the smaller fields the first time a larger one moves and
 * starting over when a field wraps around. Hours and minutes advance on the instant line, so a
 * wall-clock hour skipped by DST is skipped and one repeated is visited twice, as in Go.
 */
function nextActivation(f: Fields, fromMs: number, zone: string | undefined): number | undefined {
  let t = Math.floor(fromMs / 1000) * 1000 + 1000;
  let reset = false;
  const yearLimit = wallTime(t, zone).year + 5;
  outer: for (;;) {
    let w = wallTime(t, zone);
    if (w.year > yearLimit) return undefined;
    while (!f.month.values.has(w.month)) {
      if (!reset) {
        reset = true;
        t = fromWall(w.year, w.month, 1, 0, 0, 0, zone);
        w = wallTime(t, zone);
      }
      t = fromWall(w.year, w.month + 1, w.day, w.hour, w.minute, w.second, zone);
      w = wallTime(t, zone);
      if (w.month === 1) continue outer;
    }
    while (!dayMatches(f, w.day, w.weekday)) {
      if (!reset) {
        reset = true;
        t = fromWall(w.year, w.month, w.day, 0, 0, 0, zone);
        w = wallTime(t, zone);
      }
      t = fromWall(w.year, w.month, w.day + 1, w.hour, w.minute, w.second, zone);
      w = wallTime(t, zone);
      // A DST change at midnight moves "the start of the day" by an hour: put it back on 00:00.
      if (w.hour !== 0) {
        t += (w.hour > 12 ? 24 - w.hour : -w.hour) * HOUR_MS;
        w = wallTime(t, zone);
      }
      if (w.day === 1) continue outer;
    }
    while (!f.hour.values.has(w.hour)) {
      if (!reset) {
        reset = true;
        t = fromWall(w.year, w.month, w.day, w.hour, 0, 0, zone);
      }
      t += HOUR_MS;
      w = wallTime(t, zone);
      if (w.hour === 0) continue outer;
    }
    while (!f.minute.values.has(w.minute)) {
      if (!reset) {
        reset = true;
        t = Math.floor(t / MINUTE_MS) * MINUTE_MS;
      }
      t += MINUTE_MS;
      w = wallTime(t, zone);
      if (w.minute === 0) continue outer;
    }
    // The standard parser fixes the seconds field at 0.
    while (w.second !== 0) {
      if (!reset) {
        reset = true;
        t = Math.floor(t / 1000) * 1000;
      }
      t += 1000;
      w = wallTime(t, zone);
      if (w.second === 0) continue outer;
    }
    return t;
  }
}

function specSchedule(f: Fields, zone: string | undefined): CronSchedule {
  return { next: (ms) => nextActivation(f, ms, zone) };
}

const DESCRIPTORS: Readonly<Record<string, () => Fields>> = {
  '@yearly': () => ({ minute: only(0), hour: only(0), dom: only(1), month: only(1), dow: every(DOW) }),
  '@annually': () => DESCRIPTORS['@yearly']!(),
  '@monthly': () => ({ minute: only(0), hour: only(0), dom: only(1), month: every(MONTHS), dow: every(DOW) }),
  '@weekly': () => ({ minute: only(0), hour: only(0), dom: every(DOM), month: every(MONTHS), dow: only(0) }),
  '@daily': () => ({
    minute: only(0),
    hour: only(0),
    dom: every(DOM),
    month: every(MONTHS),
    dow: every(DOW),
  }),
  '@midnight': () => DESCRIPTORS['@daily']!(),
  '@hourly': () => ({
    minute: only(0),
    hour: every(HOURS),
    dom: every(DOM),
    month: every(MONTHS),
    dow: every(DOW),
  }),
};

const DURATION_UNITS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: MINUTE_MS,
  h: HOUR_MS,
};

/** parseGoDuration is time.ParseDuration, in milliseconds, with its error texts. */
export function parseGoDuration(text: string): number | string {
  const quoted = JSON.stringify(text);
  let s = text;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    sign = s.startsWith('-') ? -1 : 1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') return `time: invalid duration ${quoted}`;
  let total = 0;
  while (s !== '') {
    const num = /^(\d*)(?:\.(\d*))?/.exec(s)!;
    if (num[0] === '' || num[0] === '.') return `time: invalid duration ${quoted}`;
    s = s.slice(num[0].length);
    const unit = /^[^\d.]*/.exec(s)![0];
    if (unit === '') return `time: missing unit in duration ${quoted}`;
    const scale = DURATION_UNITS[unit];
    if (scale === undefined) return `time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}`;
    s = s.slice(unit.length);
    total += Number(num[0].startsWith('.') ? `0${num[0]}` : num[0]) * scale;
  }
  return sign * total;
}

// ConstantDelaySchedule (constantdelay.go Every): at least one second, whole seconds, counted from
// the instant given with its sub-second part dropped.
function constantDelay(ms: number): CronSchedule {
  const delay = ms < 1000 ? 1000 : ms - (ms % 1000);
  return { next: (from) => Math.floor(from / 1000) * 1000 + delay };
}

function parseDescriptor(spec: string, zone: string | undefined): CronSchedule {
  const fixed = DESCRIPTORS[spec];
  if (fixed) return specSchedule(fixed(), zone);
  if (spec.startsWith('@every ')) {
    const d = parseGoDuration(spec.slice('@every '.length));
    if (typeof d === 'string') throw new FieldError(`failed to parse duration ${spec}: ${d}`);
    return constantDelay(d);
  }
  throw new FieldError(`unrecognized descriptor: ${spec}`);
}

/**
 * parseStandard is cron.ParseStandard. `zone` is the location the CronJob controller prefixes
 * as `TZ=<spec.timeZone>`; a `TZ=`/`CRON_TZ=` prefix in the text itself is read the same way.
 */
export function parseStandard(spec: string, zone?: string): ParseResult {
  try {
    if (spec.length === 0) throw new FieldError('empty spec string');
    let text = spec;
    let loc = zone;
    if (text.startsWith('TZ=') || text.startsWith('CRON_TZ=')) {
      const space = text.indexOf(' ');
      const name = text.slice(text.indexOf('=') + 1, space < 0 ? undefined : space);
      const bad = loadLocation(name);
      if (bad) throw new FieldError(`provided bad location ${name}: ${bad}`);
      loc = name === '' ? undefined : name;
      text = space < 0 ? '' : text.slice(space).trim();
    }
    if (text.startsWith('@')) return { ok: true, schedule: parseDescriptor(text, loc) };
    const fields = text.split(/\s+/).filter((f) => f !== '');
    if (fields.length !== 5)
      throw new FieldError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
    const parsed: Fields = {
      minute: parseField(fields[0]!, MINUTES),
      hour: parseField(fields[1]!, HOURS),
      dom: parseField(fields[2]!, DOM),
      month: parseField(fields[3]!, MONTHS),
      dow: parseField(fields[4]!, DOW),
    };
    return { ok: true, schedule: specSchedule(parsed, loc) };
  } catch (e) {
    if (e instanceof FieldError) return { ok: false, error: e.message };
    throw e;
  }
}
