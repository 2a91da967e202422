// Times as kubectl prints them: ages (duration.HumanDuration) and describe's RFC 1123 dates.
import { parseTimestamp } from '../../engine/clock/clock';

/**
 * humanDuration formats seconds as apimachinery's duration.HumanDuration: exact seconds below
 * 2 minutes, minutes+seconds below 10 minutes, then ever coarser units (`45s`, `3m12s`, `15m`,
 * `5h3m`, `10h`, `3d4h`, `12d`, `2y30d`, `9y`).
 */
export function humanDuration(seconds: number): string {
  const s = Math.trunc(seconds);
  // Up to two seconds in the future counts as now (clock skew tolerance upstream).
  if (s < -1) return '<invalid>';
  if (s < 0) return '0s';
  if (s < 120) return `${s}s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 10) {
    const rest = s % 60;
    return rest === 0 ? `${minutes}m` : `${minutes}m${rest}s`;
  }
  if (minutes < 180) return `${minutes}m`;
  const hours = Math.floor(s / 3600);
  if (hours < 8) {
    const rest = minutes % 60;
    return rest === 0 ? `${hours}h` : `${hours}h${rest}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const rest = hours % 24;
    return rest === 0 ? `${Math.floor(hours / 24)}d` : `${Math.floor(hours / 24)}d${rest}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.floor(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const days = Math.floor(hours / 24) % 365;
    const years = Math.floor(hours / 24 / 365);
    return days === 0 ? `${years}y` : `${years}y${days}d`;
  }
  return `${Math.floor(hours / 24 / 365)}y`;
}

/** ageOf is translateTimestampSince: the age of an API timestamp at `now`, or `<unknown>`. */
export function ageOf(timestamp: string | undefined, now: number): string {
  const t = parseTimestamp(timestamp);
  return Number.isNaN(t) ? '<unknown>' : humanDuration(now - t);
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number): string => String(n).padStart(2, '0');

/** rfc1123z formats an API timestamp as Go's time.RFC1123Z in UTC: `Wed, 01 Jan 2025 00:00:00 +0000`. */
export function rfc1123z(timestamp: string | undefined): string {
  const ms = timestamp ? Date.parse(timestamp) : NaN;
  // Go prints the zero time for an unset metav1.Time.
  if (Number.isNaN(ms)) return 'Mon, 01 Jan 0001 00:00:00 +0000';
  const d = new Date(ms);
  return (
    `${DAYS[d.getUTCDay()]}, ${pad2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ` +
    `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())} +0000`
  );
}
