// What the engine host needs from a run, whatever builds it. The real one wraps the scenario
// layer's ScenarioSession (scenarioSession.ts); unit tests pass a fake, so the host's play loop,
// batching and watch streaming are tested in Node without the engine.
import type { KubeObject } from '../engine/api/types';
import type { ClusterDiff, FeedEvent, LoadError, LoggedCommand, PodDetails, ScenarioInfo } from './protocol';
import type { CheckReport, LessonStatus } from '../scenario/lessons/types';
import type { StepRecord } from '../scenario/stepRunner';

/** WatchStream formats the changes of one frame as `kubectl … -w` would print them. */
export interface WatchStream {
  format(changes: ClusterDiff): string;
  /** True once the command would have exited (a finished `rollout status`): the watch ends. */
  finished?(): boolean;
}

/** RunOutput is one command line's result; `watch` is set when it streams. */
export interface RunOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
  watch?: WatchStream;
}

/** EngineSession is one loaded scenario, running on its virtual clock. */
export interface EngineSession {
  readonly scenario: ScenarioInfo | null;
  now(): number;
  /** Returns and forgets what changed since the last call; the host is its only caller. */
  takeChanges(): ClusterDiff;
  snapshot(): KubeObject[];
  /** The event log, oldest first; the host reads what was added since it last looked. */
  eventLog(): readonly FeedEvent[];
  /** `scenario`: the text holds a Scenario document (absent from fakes: taken as true). */
  apply(text: string): { errors: LoadError[]; output: string; scenario?: boolean };
  run(line: string, stdin?: string): RunOutput;
  advance(seconds: number): void;
  /** runTo runs to exactly simulated time `t` (replays need the recorded instant, not a sum). */
  runTo(t: number): void;
  /** nextEventTime is when the simulation's next timer fires, if any. */
  nextEventTime(): number | undefined;
  /** commandLog is every command line run so far, at its simulated time. */
  commandLog(): readonly LoggedCommand[];
  stepToNextEvent(): boolean;
  complete(line: string): string[];
  /** takeLessonStatus returns the lesson's progress when it changed since the last call (none without a lesson). */
  takeLessonStatus?(): LessonStatus | null;
  /** checkWork evaluates the current lesson task for "Check my work" (none without a lesson). */
  checkWork?(): CheckReport | null;
  /** takeStepRecords returns the scenario steps that ran since the last call. */
  takeStepRecords?(): StepRecord[];
  /** podDetails reads what the inspector needs beyond the pod object; optional so fakes may skip it. */
  podDetails?(namespace: string, name: string): PodDetails | null;
}

/** SessionResult is a loaded session, or the errors that kept it from loading. */
export interface SessionResult {
  session: EngineSession | null;
  errors: LoadError[];
}

/** SessionFactory loads a scenario text; on errors there is no session and nothing runs. */
export type SessionFactory = (text: string, seed?: number) => SessionResult;
