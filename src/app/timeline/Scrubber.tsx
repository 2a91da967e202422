// The timeline under the time controls: drag to any simulated moment the run has reached.
// Going back rebuilds the run from t = 0 and replays the command log up to there (the engine is
// deterministic, so it is the same moment); going forward runs on. Commands recorded after the
// chosen moment are kept and run again at their times when time moves on, until the user
// changes the cluster from the earlier moment: that starts a new future and drops the old one.
import { useMemo, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { formatClock, formatDuration } from '../model/format';
import { useAppStore } from '../store';
import { TID } from '../testIds';
import { seekTo } from './seek';

// More marks than this would blur into one bar; the first ones still say where commands ran.
const MAX_MARKS = 200;

interface Mark {
  t: number;
  line: string;
}

export function Scrubber() {
  const time = useAppStore((s) => s.clock.time);
  const horizon = useAppStore((s) => s.record?.horizon ?? 0);
  const log = useAppStore((s) => s.record?.log);
  const marks = useMemo((): Mark[] => (log ?? []).slice(0, MAX_MARKS), [log]);
  const [drag, setDrag] = useState<number | null>(null);
  const latest = useRef<number | null>(null);

  const end = Math.max(horizon, time, 1);
  const value = Math.min(drag ?? time, end);

  function go(t: number): void {
    const clamped = Math.min(Math.max(0, t), end);
    latest.current = clamped;
    setDrag(clamped);
    void seekTo(clamped).then(() => {
      // Keep showing the dragged position until the moment it asked for has arrived.
      if (latest.current === clamped) setDrag(null);
    });
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>): void {
    const stepSize = e.shiftKey ? 10 : 1;
    const keys: Record<string, number> = {
      ArrowLeft: value - stepSize,
      ArrowDown: value - stepSize,
      ArrowRight: value + stepSize,
      ArrowUp: value + stepSize,
      Home: 0,
      End: end,
    };
    const next = keys[e.key];
    if (next === undefined) return;
    e.preventDefault();
    go(next);
  }

  return (
    <div className="timeline">
      <span className="timeline__label" aria-hidden="true">
        0s
      </span>
      <div className="timeline__track">
        <div
          className="timeline__future"
          style={{ left: `${(time / end) * 100}%`, width: `${(Math.max(0, horizon - time) / end) * 100}%` }}
        />
        {marks.map((m, i) => (
          <span
            key={i}
            className="timeline__mark"
            style={{ left: `${(m.t / end) * 100}%` }}
            title={`${formatClock(m.t)}: ${m.line}`}
          />
        ))}
        <input
          type="range"
          className="timeline__range"
          data-testid={TID.timeline}
          min={0}
          max={end}
          step="any"
          value={value}
          aria-label="Simulated time"
          aria-valuetext={formatClock(value)}
          title="Drag to any moment of the run: back replays from the start, commands included"
          onChange={(e) => go(Number(e.target.value))}
          onKeyDown={onKeyDown}
        />
      </div>
      <span className="timeline__label timeline__label--end">{formatDuration(end)}</span>
    </div>
  );
}
