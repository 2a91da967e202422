// Worker messages → the cluster mirror (objects) and the store (everything else), from outside
// React. Diffs that arrive between two animation frames are squashed and applied once per frame,
// so the grid re-renders at most once a frame however fast the engine runs.
import type { Pushed } from '../../worker/client';
import type { ClockState, ClusterDiff, FeedEvent } from '../../worker/protocol';
import { splitDiff, squashDiffs } from '../../worker/squash';
import type { ClusterMirror } from './clusterMirror';
import type { AppStore } from './createAppStore';
import type { ConsoleLine } from './consoleSlice';
import type { StepRecord } from '../../scenario/stepRunner';

/**
 * stepLines shows a scenario step in the console as if it had been typed: `kubectl: cordon x`
 * becomes `kubectl cordon x` and its output. A wait that passed prints nothing; one that timed out, its error.
 */
function stepLines(step: StepRecord): Omit<ConsoleLine, 'id'>[] {
  const m = /^(kubectl|sim): (.*)$/s.exec(step.step);
  const output = step.output
    ? [{ kind: step.ok ? ('stdout' as const) : ('stderr' as const), text: step.output }]
    : [];
  if (!m) return step.ok ? [] : output;
  const line =
    m[1] === 'kubectl' && !/^kubectl\s/.test(m[2] ?? '') ? `kubectl ${m[2] ?? ''}` : `${m[1]} ${m[2] ?? ''}`;
  return [{ kind: 'input', text: line, source: 'scenario' }, ...output];
}

/**
 * MAX_OBJECTS_PER_FRAME bounds the objects one frame applies. A rollout wave at 5,000 nodes
 * changes a thousand pods at once; spread over a few frames, no frame's work (store, grid view,
 * drawing) becomes a long task. Diffs are squashed, so the parts are consistent.
 */
export const MAX_OBJECTS_PER_FRAME = 400;

/** createPushHandler returns the function that applies pushed worker messages to `store` and `mirror`. */
export function createPushHandler(
  store: AppStore,
  mirror: ClusterMirror,
  requestFrame: (fn: () => void) => void,
) {
  let diffs: ClusterDiff[] = [];
  let events: FeedEvent[] = [];
  let clock: ClockState | null = null;
  let framePending = false;

  function flush(): void {
    framePending = false;
    const s = store.getState();
    let rest: ClusterDiff | null = null;
    // Events first: the grid reads which pods were preempted from them as it folds in the diff.
    if (events.length > 0) s.appendEvents(events);
    if (diffs.length > 0) {
      const [now, later] = splitDiff(squashDiffs(diffs), MAX_OBJECTS_PER_FRAME);
      mirror.apply(now);
      rest = later;
    }
    if (clock) s.setClock(clock);
    diffs = rest ? [rest] : [];
    events = [];
    clock = null;
    if (rest) schedule();
  }

  function schedule(): void {
    if (framePending) return;
    framePending = true;
    requestFrame(flush);
  }

  return function handlePush(msg: Pushed): void {
    const s = store.getState();
    switch (msg.type) {
      case 'reset': {
        // Whatever was buffered belongs to the run being replaced.
        diffs = [];
        events = [];
        clock = null;
        s.resetCluster(msg.events, msg.scenario);
        mirror.reset(msg.objects);
        s.setClock(msg.clock);
        // A new run's lesson progress follows in its own message.
        s.setLessonStatus(null);
        const sel = s.selection;
        if (sel?.kind === 'pod' && !mirror.objects[sel.uid]) s.select(null);
        return;
      }
      case 'diff':
        diffs.push(msg.diff);
        events.push(...msg.events);
        clock = msg.clock;
        return schedule();
      case 'clock':
        clock = msg.clock;
        return schedule();
      case 'watch':
        if (msg.text) s.appendConsole([{ kind: 'watch', text: msg.text.replace(/\n$/, '') }]);
        if (msg.ended) s.setWatching(false);
        return;
      case 'record':
        s.setRecord(msg.record);
        return;
      case 'lesson':
        s.setLessonStatus(msg.status);
        return;
      case 'steps':
        s.appendConsole(msg.steps.flatMap(stepLines));
        return;
      case 'crash':
        s.pushNotice('error', `The simulation stopped: ${msg.message}`);
        s.appendConsole([{ kind: 'stderr', text: `error: the simulation stopped: ${msg.message}` }]);
        return;
    }
  };
}
