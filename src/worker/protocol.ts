// The typed messages between the page and the engine worker. The page never runs the simulation:
// it sends intents (load, apply, a command line, play/pause/step/speed/restart) and renders what
// comes back. The worker sends the cluster once per load, then only what changed, keyed by uid,
// squashed per frame (STYLE.md §3 habit 5), so a 5,000-node cluster never crosses the boundary
// per event.
import type { KubeObject } from '../engine/api/types';

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
}

/** SPEEDS are the play speeds the time controls offer (virtual seconds per wall second). */
export const SPEEDS = [0.5, 1, 2, 5, 10, 20] as const;
export type Speed = (typeof SPEEDS)[number];

/** ClockState is the virtual clock as the page shows it. */
export interface ClockState {
  time: number;
  playing: boolean;
  speed: number;
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
  | { type: 'restart'; id: number };

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
  | { type: 'crash'; message: string; stack?: string };

/** refKey renders a ref as the event log names objects: `Kind/namespace/name` or `Kind/name`. */
export function refKey(ref: { kind: string; namespace?: string; name: string }): string {
  return ref.namespace ? `${ref.kind}/${ref.namespace}/${ref.name}` : `${ref.kind}/${ref.name}`;
}
