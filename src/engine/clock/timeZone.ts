// Wall-clock time in an IANA time zone, for CronJob schedules (spec.timeZone). Go reads the zone
// from the tz database with time.LoadLocation; the browser and Node read the same database through
// Intl. A schedule without a zone runs in the controller manager's local time, which is UTC in the
// kube-controller-manager images, and so UTC here.

/** WallTime is a moment as a clock on the wall of a zone reads it (month 1–12, weekday 0 = Sunday). */
export interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

const isUtc = (zone: string | undefined) => zone === undefined || zone === 'UTC' || zone === 'Etc/UTC';

/** loadLocation checks a zone name as time.LoadLocation does; the error reads as Go's. */
export function loadLocation(zone: string): string | undefined {
  // Go knows two names without the database: UTC, and Local (the machine's own zone).
  if (zone === 'UTC' || zone === 'Local' || zone === '') return undefined;
  let resolved: string;
  try {
    resolved = formatter(zone).resolvedOptions().timeZone;
  } catch {
    return `unknown time zone ${zone}`;
  }
  // Go opens the zoneinfo file by its name, so the name's case matters; Intl forgives it.
  if (resolved !== zone && resolved.toLowerCase() === zone.toLowerCase()) return `unknown time zone ${zone}`;
  return undefined;
}

/** wallTime reads an instant (epoch milliseconds) on a zone's clock. */
export function wallTime(ms: number, zone?: string): WallTime {
  if (isUtc(zone)) {
    const d = new Date(ms);
    return {
      year: d.getUTCFullYear(),
      month: d.getUTCMonth() + 1,
      day: d.getUTCDate(),
      hour: d.getUTCHours(),
      minute: d.getUTCMinutes(),
      second: d.getUTCSeconds(),
      weekday: d.getUTCDay(),
    };
  }
  const parts: Record<string, number> = {};
  for (const p of formatter(zone!).formatToParts(new Date(ms)))
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  const { year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return {
    year,
    month,
    day,
    hour,
    minute,
    second,
    weekday: new Date(Date.UTC(year, month - 1, day)).getUTCDay(),
  };
}

// The zone's offset from UTC at an instant, in milliseconds.
function offsetAt(ms: number, zone: string): number {
  const w = wallTime(ms, zone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/**
 * fromWall is time.Date in a zone: the instant a wall clock reading names. Out-of-range fields
 * carry over (month 13 is January of the next year). A reading skipped by a DST change, or one
 * that happens twice, resolves as Go does: with the offset in force just before the change.
 */
export function fromWall(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  zone?: string,
): number {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  if (isUtc(zone)) return asUtc;
  const first = offsetAt(asUtc, zone!);
  const guess = asUtc - first;
  const second2 = offsetAt(guess, zone!);
  return second2 === first ? guess : asUtc - second2;
}
