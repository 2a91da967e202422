// A learner's progress through a lesson, kept beside the running simulation. Tasks complete in
// order: only the current task's check is evaluated, and a task that passed stays passed. In
// order, because a later task often undoes an earlier one ("cordon node-2", then "uncordon it")
// and its check would be true before the learner got there; and it keeps evaluation to one check.
import type { Simulation } from '../../engine/simulation';
import { checkReport, evaluateCheck } from './checks';
import type { CheckReport, Lesson, LessonStatus, TaskStatus } from './types';

/**
 * LessonTracker evaluates a lesson's current task after changes to the cluster. It watches the
 * object store only to notice that something changed, so a poll with no change costs nothing.
 */
export class LessonTracker {
  private readonly tasks: TaskStatus[];
  private changed = true;
  // Whether the current status has been handed out by takeStatus (the worker's report).
  private reported = false;

  constructor(
    private readonly sim: Simulation,
    readonly lesson: Lesson,
  ) {
    this.tasks = lesson.tasks.map(() => ({ passed: false, passedAt: null }));
    // Any write (objects and events alike) may change what a `kubectl get` prints.
    sim.api.store.watch('*', () => {
      this.changed = true;
    });
  }

  /** current is the index of the first task not passed yet, or null when all have passed. */
  get current(): number | null {
    const i = this.tasks.findIndex((t) => !t.passed);
    return i < 0 ? null : i;
  }

  /** status is the progress as it stands, without evaluating anything. */
  status(): LessonStatus {
    const done = this.tasks.filter((t) => t.passed).length;
    return {
      total: this.tasks.length,
      done,
      current: this.current,
      tasks: this.tasks.map((t) => ({ ...t })),
    };
  }

  /**
   * evaluate checks the current task, and the ones after it while they pass (the cluster may
   * already be in the state the next task asks for). It returns whether any task passed.
   */
  evaluate(): boolean {
    this.changed = false;
    let progressed = false;
    for (let i = this.current; i !== null; i = this.current) {
      const task = this.lesson.tasks[i];
      const status = this.tasks[i];
      // A prediction comes before the action: the check waits for it.
      if (!task || !status || (task.predict && status.predicted === undefined)) break;
      if (!evaluateCheck(this.sim, task.check)) break;
      this.tasks[i] = {
        ...status,
        passed: true,
        passedAt: this.sim.now(),
        ...(task.predict ? { reveal: { answer: task.predict.answer, explain: task.predict.explain } } : {}),
      };
      progressed = true;
    }
    if (progressed) this.reported = false;
    return progressed;
  }

  /**
   * checkWork is the "Check my work" button: the current task's check with every condition not
   * met yet, in words. A check that passes ticks the task off, as a poll would have. Null once
   * every task has passed.
   */
  checkWork(): CheckReport | null {
    const i = this.current;
    const task = i === null ? undefined : this.lesson.tasks[i];
    if (!task) return null;
    if (task.predict && this.tasks[i ?? 0]?.predicted === undefined)
      return { passed: false, unmet: ['pick your prediction first: the task is checked once you have'] };
    const report = checkReport(this.sim, task.check);
    if (report.passed) this.evaluate();
    return report;
  }

  /**
   * predict records the learner's answer (0-based) to the current task's question. It goes
   * through the run's command log (`lesson predict N`), so a replay shows the same prediction.
   */
  predict(choice: number): { ok: true; text: string } | { ok: false; error: string } {
    const i = this.current;
    const task = i === null ? undefined : this.lesson.tasks[i];
    const status = i === null ? undefined : this.tasks[i];
    if (!task || !status) return { ok: false, error: 'every task is done: there is nothing to predict' };
    const predict = task.predict;
    if (!predict) return { ok: false, error: `task ${(i ?? 0) + 1} asks no question` };
    if (status.predicted !== undefined) {
      const before = predict.choices[status.predicted] ?? '';
      return { ok: false, error: `task ${(i ?? 0) + 1}: you already predicted "${before}"` };
    }
    const text = predict.choices[choice];
    if (text === undefined)
      return { ok: false, error: `choose 1 to ${predict.choices.length}, the number of a choice` };
    this.tasks[i ?? 0] = { ...status, predicted: choice };
    // The check may already hold: it is evaluated at the next poll.
    this.changed = true;
    this.reported = false;
    return { ok: true, text };
  }

  /** takeStatus returns the status the first time, then again only after a task has passed. */
  takeStatus(): LessonStatus | null {
    if (this.reported) return null;
    this.reported = true;
    return this.status();
  }

  /**
   * poll re-evaluates only if the cluster changed since the last evaluation; it returns the new
   * status when a task passed, else null. The worker calls it after every tick.
   */
  poll(): LessonStatus | null {
    if (!this.changed || this.current === null) return null;
    return this.evaluate() ? this.status() : null;
  }
}
