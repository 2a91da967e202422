// Workshop lessons: the `spec.lesson` block of a Scenario, its checks and the learner's progress.
export type {
  Check,
  CheckReport,
  Expectation,
  Lesson,
  LessonInfo,
  LessonStatus,
  LessonTask,
  LineOp,
  TaskStatus,
} from './types';
export { checkCommandProblem, lessonInfo, parseLesson } from './parse';
export { checkReport, evaluateCheck, expectationWords, meetsExpectation } from './checks';
export { LessonTracker } from './progress';
export { clusterText } from './source';
