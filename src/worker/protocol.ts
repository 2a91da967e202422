// The typed messages between the page and the engine worker. The page never runs the simulation:
// it sends intents (load, apply, a command line, play/pause/step/speed/restart) and renders what
// comes back. The worker sends the cluster once per load, then only what changed, keyed by uid,
// squashed per frame, so a 5,000-node cluster never crosses the boundary
// per event.
import type { KubeObject } from '../engine/api/types';
import type { CheckReport, LessonInfo, LessonStatus } from '../scenario/lessons/types';
import type { StepRecord } from '../scenario/stepRunner';

/** ObjectRef names an object that went away; the uid is the key the grid animates by. */
export interface ObjectRef {
  uid: string;
  kind: string;
  namespace?: string;
  name: string;
}

/** ClusterDiff is what changed between two frames: whole objects upserted, refs removed. */
export interface ClusterDiff {
  /** Simulated seconds at the end of the batch. */
  time: number;
  upserted: KubeObject[];
  removed: ObjectRef[];
}

/** FeedEvent is one line of the event log (the engine's RecordedEvent), as the Events feed shows it. */
export interface FeedEvent {
  t: number;
  type: 'Normal' | 'Warning';
  reason: string;
  /** `Kind/namespace/name`, or `Kind/name` for cluster-scoped objects. */
  object: string;
  message: string;
  source: string;
}

/** LoadError is a manifest or scenario error with its place in the text (1-based document, line, column). */
export interface LoadError {
  document: number;
  line: number;
  column: number;
  path: string;
  message: string;
}

/** ScenarioInfo is the Scenario document's title and description, shown beside the grid. */
export interface ScenarioInfo {
  name: string;
  title: string;
  description: string;
  /** The workshop lesson's tasks, without their checks (the worker evaluates those). */
  lesson?: LessonInfo;
}

/**
 * SPEEDS are the play speeds the time controls offer (virtual seconds per wall second). 60× and
 * 600× make schedules watchable: an hourly CronJob fires within a minute of wall time, or six seconds.
 */
export const SPEEDS = [0.5, 1, 2, 5, 10, 20, 60, 600] as const;

/** ClockState is the virtual clock as the page shows it. */
export interface ClockState {
  time: number;
  playing: boolean;
  speed: number;
}

/** LoggedCommand is one command line a user ran, at its simulated time (stdin for `apply -f -`). */
export interface LoggedCommand {
  t: number;
  line: string;
  stdin?: string;
}

/**
 * RunRecord rebuilds the current run: the text and seed it was loaded with and every command
 * at its time, including commands recorded after the present when the page has rewound.
 * `horizon` is the furthest simulated time the run has reached.
 */
export interface RunRecord {
  text: string;
  seed?: number;
  log: LoggedCommand[];
  horizon: number;
}

/** ContainerLogs is the tail of one container's log: this run, and the run before a restart. */
export interface ContainerLogs {
  name: string;
  /** The `kubectl logs` line that read `logs`; `previousCommand` adds `-p`. */
  command: string;
  logs: string;
  previousCommand: string;
  previousLogs: string;
}

/** PodDetails is what only the worker knows about a pod: the kubelet's retry time and the logs. */
export interface PodDetails {
  uid: string;
  /** Simulated seconds when the details were read. */
  time: number;
  /** When the kubelet retries a backed-off container or image pull (simulated seconds). */
  backoffUntil?: number;
  /** When the DaemonSet controller replaces this Failed daemon pod (end of its failed-pods back-off). */
  daemonRetryAt?: number;
  containers: ContainerLogs[];
}

// ---- page → worker ----

export type ToWorker =
  | { type: 'load'; id: number; text: string; seed?: number }
  | { type: 'apply'; id: number; text: string }
  | { type: 'command'; id: number; line: string; stdin?: string }
  | { type: 'complete'; id: number; line: string }
  | { type: 'cancelWatch' }
  | { type: 'play' }
  | { type: 'pause' }
  | { type: 'step'; id: number }
  | { type: 'speed'; speed: number }
  | { type: 'restart'; id: number }
  /** Rebuild a run (a share link, a reload): load `text`, run `log` at its times, stop at `time`, paused. */
  | { type: 'replay'; id: number; text: string; seed?: number; log: LoggedCommand[]; time: number }
  /** Move the run to simulated `time`, paused: back is a rebuild from t = 0, forward runs on. */
  | { type: 'seek'; id: number; time: number }
  /** What the inspector shows about one pod beyond the object: back-off timer and logs. */
  | { type: 'podDetails'; id: number; namespace: string; name: string }
  /** "Check my work": the current lesson task's check, with each condition not met yet. */
  | { type: 'checkWork'; id: number }
  /**
   * Load the Kubernetes schemas `kubectl explain` reads (~70 kB gzip): the page asks after its
   * first paint, so the fetch never competes with it; a console command asks too.
   */
  | { type: 'loadSchemas' }
  /**
   * The page has painted its first grid: the worker may now import kubectl's chunk (it waits for
   * this after a first load that needed no kubectl, so the fetch never competes with the paint).
   */
  | { type: 'painted' }
  /** Test hook (pages opened with `?test-hooks` only): the worker throws outside the engine's guard. */
  | { type: 'debugCrash' };

// ---- worker → page ----

/** CommandResult is what a command line printed, kubectl-style. */
export interface CommandResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** True when the command streams (`-w`): more output follows as `watch` messages. */
  watching: boolean;
}

/** Reply is the answer to one request, matched by id. */
export type Reply =
  | { kind: 'loaded'; ok: boolean; errors: LoadError[] }
  | { kind: 'applied'; ok: boolean; errors: LoadError[]; output: string }
  | { kind: 'command'; result: CommandResult }
  | { kind: 'completions'; completions: string[] }
  | { kind: 'stepped'; moved: boolean }
  /** null when the pod is gone. */
  | { kind: 'podDetails'; details: PodDetails | null }
  /** null without a lesson, or once every task has passed. */
  | { kind: 'checkWork'; report: CheckReport | null }
  /** The engine threw while handling the request (a `crash` message says more). */
  | { kind: 'failed'; message: string };

export type FromWorker =
  /** The whole cluster, sent only when a run starts (load, restart). */
  | {
      type: 'reset';
      objects: KubeObject[];
      events: FeedEvent[];
      scenario: ScenarioInfo | null;
      clock: ClockState;
    }
  /** What changed since the last frame, with the events recorded meanwhile. */
  | { type: 'diff'; diff: ClusterDiff; events: FeedEvent[]; clock: ClockState }
  | { type: 'clock'; clock: ClockState }
  | { type: 'reply'; id: number; reply: Reply }
  /** Output of the running `-w` command; `ended` when the watch stopped. */
  | { type: 'watch'; text: string; ended?: boolean }
  /** The engine threw: the run is paused and the page says so. */
  | { type: 'crash'; message: string; stack?: string }
  /** What rebuilds the current run; sent when it starts and after every command. */
  | { type: 'record'; record: RunRecord }
  /** The lesson's progress: after a load, then whenever a task passes. */
  | { type: 'lesson'; status: LessonStatus }
  /** Scenario steps that ran since the last message, with their output, for the console. */
  | { type: 'steps'; steps: StepRecord[] };
