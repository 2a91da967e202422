// What of the store survives a reload, as zustand persist options: the
// current run (text, editor text, seed, command log, time, speed) in the share codec's JSON
// form, validated on the way back in exactly like a link.
import type { PersistOptions } from 'zustand/middleware';
import type { RunStorage } from '../../share/persistence';
import { STORAGE_KEY, STORAGE_VERSION } from '../../share/persistence';
import { toWire, validateRun } from '../../share/run';
import { currentRun, isPristine } from './runSlice';
import type { AppState } from './types';

/** Persisted is the stored shape: the run's wire JSON, or null for "start fresh". */
export interface Persisted {
  run: unknown;
}

/** nullStorage keeps nothing: the default for stores made in tests. */
export function nullStorage(): RunStorage<Persisted> {
  return { getItem: () => null, setItem: () => {}, removeItem: () => {}, flush: () => {} };
}

function partialize(s: AppState): Persisted {
  const run = currentRun(s);
  // An untouched default scenario is not worth a reload's restore; until the user does
  // something, a run saved earlier and not yet restored (say a broken link opened the default
  // instead) stays in storage.
  if (run && !isPristine(run)) return { run: toWire(run) };
  return { run: s.savedRun ? toWire(s.savedRun) : null };
}

/** runPersistOptions wires the store to `storage` under the versioned key. */
export function runPersistOptions(storage: RunStorage<Persisted>): PersistOptions<AppState, Persisted> {
  return {
    name: STORAGE_KEY,
    version: STORAGE_VERSION,
    storage,
    partialize,
    // Only `savedRun` is written back, and only a run that passes the link validator.
    merge: (persisted, current) => {
      const raw = (persisted as Persisted | undefined)?.run;
      if (raw === null || raw === undefined) return current;
      const result = validateRun(raw);
      return result.ok ? { ...current, savedRun: result.run } : current;
    },
    // Version 1 is the first; a value from an unknown version is dropped rather than guessed at.
    migrate: (persisted, version) => (version === STORAGE_VERSION ? (persisted as Persisted) : { run: null }),
  };
}
