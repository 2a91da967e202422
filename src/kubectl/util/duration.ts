// Go durations (time.ParseDuration / Duration.String), the notation scenario steps and kubectl
// flags such as `--timeout=2m` use. Seconds are the playground's unit of simulated time.

/** DurationResult is a parsed duration in seconds, or Go's error text. */
export type DurationResult = { ok: true; seconds: number } | { ok: false; message: string };

// Nanoseconds per unit, as in Go's unitMap (both spellings of micro).
const UNITS: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  μs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

// Go's Duration is an int64 of nanoseconds: about 292 years.
const MAX_NANOS = 2 ** 63 - 1;

/**
 * parseDuration reads `500ms`, `10s`, `2m`, `1h30m`, `1.5h` or `0` into seconds, with Go's
 * errors: `time: invalid duration "x"`, `time: missing unit in duration "30"`,
 * `time: unknown unit "d" in duration "1d"`. It never throws.
 */
export function parseDuration(text: string): DurationResult {
  const quoted = JSON.stringify(text);
  const bad = (message: string): DurationResult => ({ ok: false, message });
  let s = text;
  let negative = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s.startsWith('-');
    s = s.slice(1);
  }
  if (s === '0') return { ok: true, seconds: 0 };
  if (s === '') return bad(`time: invalid duration ${quoted}`);
  let nanos = 0;
  while (s !== '') {
    const num = /^(\d*)(?:\.(\d*))?/.exec(s);
    const whole = num?.[1] ?? '';
    const frac = num?.[2];
    // Go needs a digit before or after the dot: "." and ".s" are invalid.
    if (whole === '' && (frac === undefined || frac === '')) return bad(`time: invalid duration ${quoted}`);
    s = s.slice(num?.[0].length ?? 0);
    const unit = /^[^\d.]*/.exec(s)?.[0] ?? '';
    if (unit === '') return bad(`time: missing unit in duration ${quoted}`);
    const scale = UNITS[unit];
    if (scale === undefined) return bad(`time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}`);
    s = s.slice(unit.length);
    nanos += Number(whole || '0') * scale + (frac ? Number(`0.${frac}`) * scale : 0);
    if (nanos > MAX_NANOS) return bad(`time: invalid duration ${quoted}`);
  }
  const seconds = Math.round(nanos) / 1e9;
  return { ok: true, seconds: negative ? -seconds : seconds };
}

// fmtFrac prints v / 10^prec with trailing zeros removed, as Go's fmtFrac does.
function fmtFrac(v: number, prec: number): { whole: number; text: string } {
  const p = 10 ** prec;
  const frac = v % p;
  const digits = String(frac).padStart(prec, '0').replace(/0+$/, '');
  return { whole: Math.floor(v / p), text: digits ? `.${digits}` : '' };
}

/**
 * formatDuration prints seconds as Go's Duration.String does: `1h30m0s`, `2m0s`, `1.5s`,
 * `500ms`, `0s`. Sub-nanosecond precision is rounded away.
 */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return String(seconds);
  let nanos = Math.round(Math.abs(seconds) * 1e9);
  const sign = seconds < 0 && nanos > 0 ? '-' : '';
  if (nanos === 0) return '0s';
  if (nanos < 1e9) {
    // Below a second Go picks the largest unit that keeps a whole part: ns, µs or ms.
    const [prec, unit] = nanos < 1e3 ? [0, 'ns'] : nanos < 1e6 ? [3, 'µs'] : [6, 'ms'];
    const { whole, text } = fmtFrac(nanos, prec);
    return `${sign}${whole}${text}${unit}`;
  }
  const { whole: totalSeconds, text } = fmtFrac(nanos, 9);
  nanos = totalSeconds;
  const h = Math.floor(nanos / 3600);
  const m = Math.floor((nanos % 3600) / 60);
  const sec = nanos % 60;
  const secText = `${sec}${text}s`;
  if (h > 0) return `${sign}${h}h${m}m${secText}`;
  if (m > 0) return `${sign}${m}m${secText}`;
  return `${sign}${secText}`;
}
