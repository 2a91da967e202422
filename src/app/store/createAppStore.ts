// The one store of the page, made of slices. Vanilla, so it is tested in
// Node and written from outside React by the worker bridge.
import { persist } from 'zustand/middleware';
import { createStore } from 'zustand/vanilla';
import type { RunStorage } from '../../share/persistence';
import { createClusterSlice } from './clusterSlice';
import { createConsoleSlice } from './consoleSlice';
import { createEditorSlice } from './editorSlice';
import { createLessonSlice } from '../lessons/lessonSlice';
import { createNoticeSlice } from './noticeSlice';
import type { Persisted } from './persistRun';
import { nullStorage, runPersistOptions } from './persistRun';
import { createRunSlice } from './runSlice';
import { createSelectionSlice } from './selectionSlice';
import { createTimeSlice } from './timeSlice';
import type { AppState } from './types';

/**
 * createAppStore builds a fresh store; the page has one (index.ts), each test its own. The run
 * persists through `storage` (nothing is kept by default).
 */
export function createAppStore(storage: RunStorage<Persisted> = nullStorage()) {
  return createStore<AppState>()(
    persist(
      (...a) => ({
        ...createClusterSlice(...a),
        ...createTimeSlice(...a),
        ...createSelectionSlice(...a),
        ...createConsoleSlice(...a),
        ...createEditorSlice(...a),
        ...createNoticeSlice(...a),
        ...createRunSlice(...a),
        ...createLessonSlice(...a),
      }),
      runPersistOptions(storage),
    ),
  );
}

export type AppStore = ReturnType<typeof createAppStore>;
