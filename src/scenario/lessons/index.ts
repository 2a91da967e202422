// Workshop lessons: the `spec.lesson` block of a Scenario, its checks and the learner's progress.
export type { CheckReport, Expectation, Lesson } from './types';
export { checkCommandProblem, lessonInfo, parseLesson } from './parse';
export { meetsExpectation } from './checks';
export { LessonTracker } from './progress';
export { clusterText } from './source';
