// The workshop lesson beside the grid: progress ("2 / 3"), the task list with a check mark on
// each task that passed, and the current task with its description and hints revealed one at a
// time. The worker evaluates the checks; this panel only shows what it reports.
import { useState } from 'react';
import type { LessonInfo, LessonStatus, TaskStatus } from '../../scenario/lessons/types';
import { useAppStore } from '../store';
import { TID } from '../testIds';
import { CheckWork } from './CheckWork';
import { LessonSourceButton } from './LessonSource';
import { Markdown } from './Markdown';
import { Prediction } from './Prediction';
import { ProofLink } from './ProofLink';
import './lessons.css';

function TaskList({
  lesson,
  status,
  shown,
  onShow,
}: {
  lesson: LessonInfo;
  status: LessonStatus | null;
  shown: number;
  onShow(i: number): void;
}) {
  return (
    <ol className="lesson__tasks">
      {lesson.tasks.map((task, i) => {
        const passed = status?.tasks[i]?.passed ?? false;
        const current = (status?.current ?? 0) === i;
        const state = passed ? 'done' : current ? 'current' : 'todo';
        return (
          <li key={i}>
            <button
              type="button"
              className={`lesson__task lesson__task--${state}${shown === i ? ' is-shown' : ''}`}
              data-passed={passed}
              aria-current={current ? 'step' : undefined}
              onClick={() => onShow(i)}
            >
              <span className="lesson__mark" aria-label={passed ? 'done' : `task ${i + 1}`}>
                {passed ? '✓' : i + 1}
              </span>
              <span className="lesson__task-title">{task.title}</span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}

function TaskDetail({
  task,
  status,
  current,
}: {
  task: LessonInfo['tasks'][number];
  status: TaskStatus | undefined;
  current: boolean;
}) {
  // Hints are revealed one by one; the panel is re-created for each task and each run.
  const [revealed, setRevealed] = useState(0);
  const passed = status?.passed ?? false;
  // A prediction comes first: what to do appears once the learner has committed to an answer.
  const waiting = !!task.predict && status?.predicted === undefined && !passed;
  return (
    <div className="lesson__detail" data-testid={TID.lessonTask}>
      <h3 className="lesson__title">
        {passed && (
          <span className="lesson__check" aria-label="done">
            ✓
          </span>
        )}
        {task.title}
      </h3>
      {task.predict && <Prediction predict={task.predict} status={status} current={current} />}
      {!waiting && <Markdown className="lesson__text" text={task.description} />}
      {!waiting && revealed > 0 && (
        <ol className="lesson__hints" aria-label="Hints">
          {task.hints.slice(0, revealed).map((hint, i) => (
            <li key={i}>
              <Markdown text={hint} />
            </li>
          ))}
        </ol>
      )}
      {!waiting && task.hints.length > 0 && (
        <button
          type="button"
          className="button button--small"
          data-testid={TID.lessonHint}
          disabled={revealed >= task.hints.length}
          onClick={() => setRevealed((n) => n + 1)}
        >
          {revealed >= task.hints.length ? 'No more hints' : `Hint ${revealed + 1} of ${task.hints.length}`}
        </button>
      )}
      {current && !passed && !waiting && <CheckWork />}
    </div>
  );
}

function LessonBody({ lesson }: { lesson: LessonInfo }) {
  const status = useAppStore((s) => s.lessonStatus);
  const total = lesson.tasks.length;
  const done = status?.done ?? 0;
  const current = status ? status.current : 0;
  // The task on show follows the current one until the learner picks another.
  const [picked, setPicked] = useState<{ task: number; whileCurrent: number | null } | null>(null);
  const shown = picked && picked.whileCurrent === current ? picked.task : (current ?? total - 1);
  const task = lesson.tasks[shown];
  return (
    <>
      <div className="pane-header">
        <h2 className="pane-title">Lesson</h2>
        <progress className="lesson__bar" max={total} value={done} aria-hidden="true" />
        <span className="lesson__progress" data-testid={TID.lessonProgress} aria-live="polite">
          {done} / {total}
        </span>
        <LessonSourceButton />
      </div>
      <div className="lesson__scroll">
        {current === null && (
          <>
            <p className="lesson__finished">All tasks done. Well done!</p>
            <ProofLink />
          </>
        )}
        <TaskList
          lesson={lesson}
          status={status}
          shown={shown}
          onShow={(i) => setPicked({ task: i, whileCurrent: current })}
        />
        {task && (
          <TaskDetail key={shown} task={task} status={status?.tasks[shown]} current={shown === current} />
        )}
      </div>
    </>
  );
}

/** LessonPanel shows the loaded scenario's lesson; it renders nothing for a scenario without one. */
export function LessonPanel() {
  const lesson = useAppStore((s) => s.scenario?.lesson);
  const runId = useAppStore((s) => s.runId);
  if (!lesson || lesson.tasks.length === 0) return null;
  return (
    <section className="panel lesson" data-testid={TID.lesson} aria-label="Lesson">
      <LessonBody key={runId} lesson={lesson} />
    </section>
  );
}
