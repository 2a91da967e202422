// Reset and Restart start a lesson over: ask first when the learner has ticked tasks off.
import { appStore } from '../store';

/** confirmDiscardLesson asks before `what` discards lesson progress; true when there is none or the learner agrees. */
export function confirmDiscardLesson(what: string): boolean {
  const status = appStore.getState().lessonStatus;
  if (!status || status.done === 0) return true;
  return window.confirm(
    `${what} discards your lesson progress (${status.done} of ${status.total} tasks done). Go on?`,
  );
}
