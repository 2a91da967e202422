// Time formatting for the clock, ages and the events feed, in kubectl's short style.

/** formatClock prints simulated seconds as the clock shows them: `t = 1m32s`, `t = 0s`, `t = 1h02m05s`. */
export function formatClock(seconds: number): string {
  return `t = ${formatDuration(seconds)}`;
}

/** formatDuration prints whole seconds as `45s`, `1m32s`, `1h02m05s` (fractions are dropped). */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds + 1e-9));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = s % 60;
  if (h > 0) return `${h}h${String(m).padStart(2, '0')}m${String(sec).padStart(2, '0')}s`;
  if (m > 0) return `${m}m${sec}s`;
  return `${sec}s`;
}

/**
 * formatAge prints an age as kubectl does (duration.HumanDuration, simplified): `12s`, `5m3s`
 * under 10 minutes, `42m`, `3h5m`, `2d4h`.
 */
export function formatAge(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return s % 60 ? `${m}m${s % 60}s` : `${m}m`;
  if (m < 60) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 24) return m % 60 ? `${h}h${m % 60}m` : `${h}h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d}d${h % 24}h` : `${d}d`;
}
