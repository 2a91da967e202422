// Local persistence of the run: one versioned localStorage key, written at most once a second
// (the store changes every animation frame while the clock runs) and at once when the page is
// hidden or closed. The value read back is validated like a share link before it is used.

/** STORAGE_KEY holds the saved run; the version lives inside the value (zustand persist). */
export const STORAGE_KEY = 'daemonset-playground:run';
export const STORAGE_VERSION = 1;
/** WRITE_DELAY_MS: the longest a change waits before it reaches localStorage. */
export const WRITE_DELAY_MS = 1000;

/** StoredValue is what zustand's persist middleware hands its storage: the state and its version. */
export interface StoredValue<S> {
  state: S;
  version?: number;
}

/** RunStorage has the shape of zustand's PersistStorage, plus `flush` for page hide. */
export interface RunStorage<S> {
  getItem(name: string): StoredValue<S> | null;
  setItem(name: string, value: StoredValue<S>): void;
  removeItem(name: string): void;
  flush(): void;
}

/** KeyValue is the part of `Storage` used here (a Map-backed fake in tests). */
export interface KeyValue {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const browserTimers: Timers = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/**
 * createThrottledStorage keeps the latest value in memory and serializes it to `backing` after
 * `delayMs`, or on flush. A missing or failing backing store (private mode, quota) only means
 * nothing survives a reload; the page keeps working.
 */
export function createThrottledStorage<S>(
  backing: () => KeyValue | undefined,
  delayMs = WRITE_DELAY_MS,
  timers: Timers = browserTimers,
): RunStorage<S> {
  let pending: { name: string; value: StoredValue<S> } | null = null;
  let timer: unknown = null;

  function write(): void {
    if (timer !== null) timers.clearTimeout(timer);
    timer = null;
    if (!pending) return;
    const { name, value } = pending;
    pending = null;
    try {
      backing()?.setItem(name, JSON.stringify(value));
    } catch {
      // Quota exceeded or storage disabled: the run simply is not saved.
    }
  }

  return {
    getItem(name) {
      try {
        const raw = backing()?.getItem(name);
        return raw ? (JSON.parse(raw) as StoredValue<S>) : null;
      } catch {
        return null;
      }
    },
    setItem(name, value) {
      pending = { name, value };
      if (timer === null) timer = timers.setTimeout(write, delayMs);
    },
    removeItem(name) {
      if (pending?.name === name) pending = null;
      try {
        backing()?.removeItem(name);
      } catch {
        // Nothing stored, nothing to clear.
      }
    },
    flush: write,
  };
}

/** browserStorage is localStorage when the page may use it. */
export function browserStorage(): KeyValue | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    // Reading localStorage throws when cookies are blocked.
    return undefined;
  }
}
