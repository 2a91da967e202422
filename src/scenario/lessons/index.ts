// Workshop lessons: the `spec.lesson` block of a Scenario, its checks and the learner's progress.
export type {
  Check,
  Expectation,
  Lesson,
  LessonInfo,
  LessonStatus,
  LessonTask,
  LineOp,
  TaskStatus,
} from './types';
export { checkCommandProblem, lessonInfo, parseLesson } from './parse';
export { evaluateCheck, meetsExpectation } from './checks';
export { LessonTracker } from './progress';
