// The lesson's progress as the worker reports it, and presenter mode. The lesson's tasks come
// with the scenario (ScenarioInfo.lesson, in the cluster slice); only their status changes.
import type { LessonStatus } from '../../scenario/lessons/types';
import type { SliceCreator } from '../store/types';

export interface LessonSlice {
  /** The current run's lesson progress; null without a lesson or before the worker's first report. */
  lessonStatus: LessonStatus | null;
  /** Presenter mode: large type for projectors (the lesson text and the grid). */
  presenter: boolean;
  setLessonStatus(status: LessonStatus | null): void;
  setPresenter(on: boolean): void;
}

export const createLessonSlice: SliceCreator<LessonSlice> = (set) => ({
  lessonStatus: null,
  presenter: false,
  setLessonStatus: (lessonStatus) => set({ lessonStatus }),
  setPresenter: (presenter) => set({ presenter }),
});
