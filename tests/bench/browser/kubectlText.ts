// Reading what the playground's console printed: pure functions, unit-tested in
// tests/unit/bench/kubectlText.test.ts.

/** DaemonSetRow is one row of `kubectl get ds`. */
export interface DaemonSetRow {
  desired: number;
  current: number;
  ready: number;
  upToDate: number;
  available: number;
}

/**
 * lastDaemonSetRow finds the last `kubectl get ds` table row for the DaemonSet `name` in console
 * text (NAME DESIRED CURRENT READY UP-TO-DATE AVAILABLE NODE SELECTOR AGE), or undefined.
 */
export function lastDaemonSetRow(text: string, name: string): DaemonSetRow | undefined {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const re = new RegExp(`^\\s*${escaped}\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s`, 'gm');
  const m = [...text.matchAll(re)].at(-1);
  if (!m) return undefined;
  const [desired, current, ready, upToDate, available] = m.slice(1, 6).map(Number) as [
    number,
    number,
    number,
    number,
    number,
  ];
  return { desired, current, ready, upToDate, available };
}
