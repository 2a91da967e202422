// "Predict, then watch": the question of a task, answered before acting. The answer is sent as
// the console line `lesson predict N`, so it is part of the run and a replayed link shows it too.
// The right answer and its explanation come from the worker once the task has passed.
import { useState } from 'react';
import type { LessonInfo, TaskStatus } from '../../scenario/lessons/types';
import { useBridge } from '../store/services';
import { TID } from '../testIds';
import { Markdown } from './Markdown';

type Predict = NonNullable<LessonInfo['tasks'][number]['predict']>;

function Choices({ predict, onPick }: { predict: Predict; onPick(i: number): void }) {
  const [choice, setChoice] = useState<number | null>(null);
  return (
    <fieldset className="lesson__predict-choices">
      <legend className="visually-hidden">Your prediction</legend>
      {predict.choices.map((text, i) => (
        <label key={i} className="lesson__choice">
          <input
            type="radio"
            name="lesson-prediction"
            value={i}
            data-testid={TID.lessonPredictChoice}
            checked={choice === i}
            onChange={() => setChoice(i)}
          />
          <Markdown text={text} />
        </label>
      ))}
      <button
        type="button"
        className="button button--small button--primary"
        data-testid={TID.lessonPredictSubmit}
        disabled={choice === null}
        onClick={() => choice !== null && onPick(choice)}
      >
        Lock in my prediction
      </button>
    </fieldset>
  );
}

/** Prediction shows a task's question: choices until answered, then the pick, then the answer. */
export function Prediction({
  predict,
  status,
  current,
}: {
  predict: Predict;
  status: TaskStatus | undefined;
  current: boolean;
}) {
  const { runCommand } = useBridge();
  const predicted = status?.predicted;
  const reveal = status?.reveal;
  return (
    <div className="lesson__predict" data-testid={TID.lessonPredict} data-predicted={predicted ?? ''}>
      <div className="lesson__question">
        <span className="lesson__badge">Predict</span>
        <Markdown text={predict.question} />
      </div>
      {predicted === undefined && current && (
        <Choices predict={predict} onPick={(i) => void runCommand(`lesson predict ${i + 1}`)} />
      )}
      {predicted !== undefined && (
        <p className="lesson__predicted">
          Your prediction: <strong>{predict.choices[predicted]}</strong>
        </p>
      )}
      {reveal && (
        <div
          className="lesson__reveal"
          data-testid={TID.lessonReveal}
          data-right={reveal.answer === predicted}
        >
          <p>
            {reveal.answer === predicted ? 'Right: ' : 'Not quite. The answer: '}
            <strong>{predict.choices[reveal.answer]}</strong>
          </p>
          <Markdown text={reveal.explain} />
        </div>
      )}
    </div>
  );
}
