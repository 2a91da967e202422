// The page's store instance and the hook components select from.
import { useStore } from 'zustand';
import { browserStorage, createThrottledStorage } from '../../share/persistence';
import { EMBED } from '../embed';
import { createAppStore } from './createAppStore';
import type { Persisted } from './persistRun';
import type { AppState } from './types';

/**
 * runStorage writes the run to localStorage at most once a second; flush it when the page hides.
 * An embedded page has no backing store: it neither restores nor overwrites the visitor's run.
 */
export const runStorage = createThrottledStorage<Persisted>(EMBED ? () => undefined : browserStorage);

export const appStore = createAppStore(runStorage);

/** useAppStore subscribes a component to one narrow slice of the store. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}

export type { AppState };
