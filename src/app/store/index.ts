// The page's store instance and the hook components select from.
import { useStore } from 'zustand';
import { createAppStore } from './createAppStore';
import type { AppState } from './types';

export const appStore = createAppStore();

/** useAppStore subscribes a component to one narrow slice of the store. */
export function useAppStore<T>(selector: (state: AppState) => T): T {
  return useStore(appStore, selector);
}

export type { AppState };
