// The one store of the page, made of slices (STYLE.md §3 habit 10). Vanilla, so it is tested in
// Node and written from outside React by the worker bridge.
import { createStore } from 'zustand/vanilla';
import { createClusterSlice } from './clusterSlice';
import { createConsoleSlice } from './consoleSlice';
import { createEditorSlice } from './editorSlice';
import { createNoticeSlice } from './noticeSlice';
import { createSelectionSlice } from './selectionSlice';
import { createTimeSlice } from './timeSlice';
import type { AppState } from './types';

/** createAppStore builds a fresh store; the page has one (index.ts), each test its own. */
export function createAppStore() {
  return createStore<AppState>()((...a) => ({
    ...createClusterSlice(...a),
    ...createTimeSlice(...a),
    ...createSelectionSlice(...a),
    ...createConsoleSlice(...a),
    ...createEditorSlice(...a),
    ...createNoticeSlice(...a),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;
