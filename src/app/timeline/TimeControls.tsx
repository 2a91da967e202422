// Play, pause, step to the next event, speed, the simulated clock, and restart from t = 0.
import { SPEEDS } from '../../worker/protocol';
import { formatClock } from '../model/format';
import { confirmDiscardLesson } from '../lessons/confirmDiscard';
import { useAppStore } from '../store';
import { useBridge } from '../store/services';
import { TID } from '../testIds';
import { PauseIcon, PlayIcon, RestartIcon, StepIcon } from './icons';

export function TimeControls() {
  const { pause, play, restart, setSpeed, stepOnce } = useBridge();
  const playing = useAppStore((s) => s.clock.playing);
  const speed = useAppStore((s) => s.clock.speed);
  const time = useAppStore((s) => s.clock.time);
  return (
    <div className="time-controls" role="group" aria-label="Time controls">
      <button
        type="button"
        className={`tc-button${playing ? ' is-active' : ''}`}
        data-testid={TID.play}
        aria-pressed={playing}
        onClick={play}
        title="Play"
        aria-label="Play"
      >
        <PlayIcon /> <span className="tc-label">Play</span>
      </button>
      <button
        type="button"
        className={`tc-button${!playing ? ' is-active' : ''}`}
        data-testid={TID.pause}
        aria-pressed={!playing}
        onClick={pause}
        title="Pause"
        aria-label="Pause"
      >
        <PauseIcon /> <span className="tc-label">Pause</span>
      </button>
      <button
        type="button"
        className="tc-button"
        data-testid={TID.step}
        onClick={() => void stepOnce()}
        title="Pause and jump to the next thing that happens"
        aria-label="Step"
      >
        <StepIcon /> <span className="tc-label">Step</span>
      </button>
      <label className="tc-speed">
        <span className="visually-hidden">Speed</span>
        <select
          data-testid={TID.speed}
          value={String(speed)}
          onChange={(e) => setSpeed(Number(e.target.value))}
        >
          {SPEEDS.map((s) => (
            <option key={s} value={String(s)}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <output
        className="tc-clock"
        data-testid={TID.simClock}
        title={`${time.toFixed(3)} simulated seconds`}
        aria-live="off"
      >
        {formatClock(time)}
      </output>
      <button
        type="button"
        className="tc-button"
        data-testid={TID.restart}
        onClick={() => confirmDiscardLesson('Restart') && void restart()}
        title="Run the last valid scenario text again from t = 0"
        aria-label="Restart"
      >
        <RestartIcon /> <span className="tc-label">Restart</span>
      </button>
    </div>
  );
}
