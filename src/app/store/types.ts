// The combined store's shape and the slice creator type, in one place so slices can read each other.
import type { StateCreator } from 'zustand/vanilla';
import type { ClusterSlice } from './clusterSlice';
import type { ConsoleSlice } from './consoleSlice';
import type { EditorSlice } from './editorSlice';
import type { LessonSlice } from '../lessons/lessonSlice';
import type { NoticeSlice } from './noticeSlice';
import type { RunSlice } from './runSlice';
import type { SelectionSlice } from './selectionSlice';
import type { TimeSlice } from './timeSlice';

export type AppState = ClusterSlice &
  TimeSlice &
  SelectionSlice &
  ConsoleSlice &
  EditorSlice &
  NoticeSlice &
  RunSlice &
  LessonSlice;

/** SliceCreator builds one slice of the combined store (zustand's slices pattern). */
export type SliceCreator<T> = StateCreator<AppState, [], [], T>;
