import type { KubeObject } from '../engine/api/types';
import { Simulation } from '../engine/simulation';
import { kubectl } from '../kubectl/link';
import type { KubectlResult } from '../kubectl';
import { loadManifests } from '../manifests';
import type { ManifestError } from '../manifests';
import { LessonTracker } from './lessons/progress';
import { parseScenarioDoc } from './scenarioDoc';
import type { ScenarioDoc, Step } from './scenarioDoc';
import { runSimAction } from './simActions';
import { WAIT_TIMEOUT_SECONDS, stepText, waitCondition } from './stepRunner';
import type { StepRecord } from './stepRunner';

export type LoadError = ManifestError;

/** CommandLogEntry is one command a user ran, at its simulated time: replaying the log replays the run. */
export interface CommandLogEntry {
  t: number;
  line: string;
  stdin?: string;
}

export type CommandResult = KubectlResult;

// Objects are created in this order at t=0 so the controllers first see the nodes they place on.
const KIND_ORDER = [
  'PriorityClass',
  'Node',
  'DaemonSet',
  'Deployment',
  'StatefulSet',
  'Job',
  'CronJob',
  'Pod',
];

function kindRank(obj: KubeObject): number {
  const i = KIND_ORDER.indexOf(obj.kind);
  return i < 0 ? KIND_ORDER.length : i;
}

/**
 * ScenarioSession is one run of a scenario: the simulation, the scenario's timed steps, and the
 * log of commands a user typed. The console, the worker and the headless runner all drive a
 * session, so they cannot disagree.
 */
export class ScenarioSession {
  readonly steps: StepRecord[] = [];
  readonly commandLog: CommandLogEntry[] = [];
  private cursor = 0;
  private waitUntil: number | undefined;
  private waitFor: { check: () => boolean; deadline: number; step: Step } | undefined;

  /** The lesson's progress, when the scenario is a lesson. */
  readonly lesson: LessonTracker | null;

  private constructor(
    readonly sim: Simulation,
    readonly scenario: ScenarioDoc | null,
  ) {
    this.lesson = scenario?.lesson ? new LessonTracker(sim, scenario.lesson) : null;
  }

  /** create loads a scenario text; with errors nothing runs and `session` is null. */
  static create(
    text: string,
    opts: { seed?: number } = {},
  ): { session: ScenarioSession | null; errors: LoadError[] } {
    const loaded = loadManifests(text);
    const errors: LoadError[] = [...loaded.errors];
    let scenario: ScenarioDoc | null = null;
    if (loaded.scenario) {
      const parsed = parseScenarioDoc(loaded.scenario);
      errors.push(...parsed.errors);
      scenario = parsed.scenario;
    }
    if (errors.length > 0) return { session: null, errors };
    const sim = new Simulation({ seed: opts.seed ?? scenario?.seed ?? 1 });
    const objects = [...loaded.objects].sort((a, b) => kindRank(a.object) - kindRank(b.object));
    for (const { object, document, line } of objects) {
      const res = sim.api.create(object);
      if (!res.ok) {
        const fieldErrors = res.error.fieldErrors ?? [];
        errors.push({
          document,
          line,
          column: 1,
          path: fieldErrors[0]?.path ?? '',
          message: res.error.message,
        });
      }
    }
    if (errors.length > 0) return { session: null, errors };
    const session = new ScenarioSession(sim, scenario);
    session.runDueSteps();
    return { session, errors: [] };
  }

  /** stepsDone tells how many of the scenario's steps have run. */
  get stepsDone(): number {
    return this.cursor;
  }

  get stepsTotal(): number {
    return this.scenario?.steps.length ?? 0;
  }

  /**
   * apply applies edited YAML like `kubectl apply`: nothing is applied when the text has errors.
   * `scenario` tells whether the text holds a Scenario document (a new lesson to restart with).
   */
  apply(text: string): { errors: LoadError[]; output: string; scenario: boolean } {
    const loaded = loadManifests(text);
    const scenario = Boolean(loaded.scenario);
    if (loaded.errors.length > 0) return { errors: loaded.errors, output: '', scenario };
    const manifest = loaded.objects.length > 0 ? text : '';
    if (!manifest) return { errors: [], output: '', scenario };
    const res = this.run('kubectl apply -f -', manifest);
    return { errors: [], output: [res.stdout, res.stderr].filter(Boolean).join('\n'), scenario };
  }

  /** run executes a console line (`kubectl …` or a pipeline of it, a bare kubectl verb, or `sim …`) and logs it. */
  run(line: string, stdin?: string): CommandResult {
    const trimmed = line.trim();
    if (!trimmed) return { stdout: '', stderr: '', exitCode: 0 };
    this.commandLog.push({ t: this.sim.now(), line: trimmed, ...(stdin !== undefined ? { stdin } : {}) });
    const result = this.execute(trimmed, stdin);
    this.sim.settle();
    return result;
  }

  private execute(line: string, stdin?: string): CommandResult {
    if (/^sim(\s|$)/.test(line)) return runSimAction(this.sim, line);
    if (/^lesson(\s|$)/.test(line)) return this.lessonCommand(line);
    return kubectl().runCommandLine(this.sim, line, stdin !== undefined ? { stdin } : {});
  }

  /** lessonCommand runs `lesson predict N`: the learner's answer to the current task's question. */
  private lessonCommand(line: string): CommandResult {
    const m = /^lesson\s+predict\s+(\d+)$/.exec(line);
    if (!m)
      return { stdout: '', stderr: 'error: usage: lesson predict <number of your choice>\n', exitCode: 1 };
    if (!this.lesson) return { stdout: '', stderr: 'error: this scenario is not a lesson\n', exitCode: 1 };
    const res = this.lesson.predict(Number(m[1]) - 1);
    return res.ok
      ? { stdout: `Your prediction: ${res.text}\nNow do the task and watch.\n`, stderr: '', exitCode: 0 }
      : { stdout: '', stderr: `error: ${res.error}\n`, exitCode: 1 };
  }

  /** advance moves virtual time forward, running the scenario's steps as they come due. */
  advance(seconds: number): void {
    this.runTo(this.sim.now() + Math.max(0, seconds));
  }

  /** runTo runs until simulated time t. */
  runTo(t: number): void {
    for (;;) {
      this.runDueSteps();
      const next = this.nextTime();
      if (next === undefined || next > t) break;
      this.advanceOne(next);
    }
    this.sim.runUntil(t);
    this.runDueSteps();
  }

  /** stepToNextEvent jumps to the next thing that happens; false when nothing is left. */
  stepToNextEvent(): boolean {
    this.runDueSteps();
    const next = this.nextTime();
    if (next === undefined) return false;
    this.advanceOne(next);
    this.runDueSteps();
    return true;
  }

  /** done: every step has run and the cluster is quiet. */
  done(): boolean {
    return (
      this.cursor >= this.stepsTotal && this.waitUntil === undefined && !this.waitFor && this.sim.isQuiet()
    );
  }

  /** runToCompletion runs until `done()` or the time limit (the headless runner's default mode). */
  runToCompletion(limit: number): void {
    for (;;) {
      this.runDueSteps();
      if (this.done()) return;
      const next = this.nextTime();
      if (next === undefined || next > limit) {
        this.sim.runUntil(Math.max(this.sim.now(), Math.min(limit, next ?? limit)));
        return;
      }
      this.advanceOne(next);
    }
  }

  private nextTime(): number | undefined {
    const candidates = [this.sim.nextEventTime(), this.waitUntil, this.waitFor?.deadline].filter(
      (x): x is number => x !== undefined,
    );
    return candidates.length ? Math.min(...candidates) : undefined;
  }

  private advanceOne(t: number): void {
    if (this.sim.nextEventTime() === t) this.sim.step();
    else this.sim.runUntil(t);
  }

  /** runDueSteps runs every step whose turn has come at the current instant. */
  private runDueSteps(): void {
    const steps = this.scenario?.steps ?? [];
    const now = this.sim.now();
    for (;;) {
      this.sim.settle();
      if (this.waitUntil !== undefined) {
        if (now < this.waitUntil) return;
        this.waitUntil = undefined;
      }
      if (this.waitFor) {
        if (this.waitFor.check()) {
          this.record(this.waitFor.step, true, '');
          this.waitFor = undefined;
        } else if (now >= this.waitFor.deadline) {
          this.record(this.waitFor.step, false, 'error: timed out waiting for the condition');
          this.waitFor = undefined;
        } else return;
      }
      const step = steps[this.cursor];
      if (!step) return;
      this.cursor++;
      this.startStep(step);
    }
  }

  private startStep(step: Step): void {
    const now = this.sim.now();
    switch (step.kind) {
      case 'kubectl': {
        // Scenario steps are part of the scenario, not of the user's command log (a replay runs both).
        const res = this.execute(
          step.command.startsWith('kubectl') ? step.command : `kubectl ${step.command}`,
          step.manifest,
        );
        this.sim.settle();
        this.record(step, res.exitCode === 0, [res.stdout, res.stderr].filter(Boolean).join('\n').trimEnd());
        return;
      }
      case 'sim': {
        const res = this.execute(`sim ${step.action}`);
        this.sim.settle();
        this.record(step, res.exitCode === 0, [res.stdout, res.stderr].filter(Boolean).join('\n').trimEnd());
        return;
      }
      case 'wait':
        this.record(step, true, '');
        this.waitUntil = now + step.seconds;
        return;
      case 'waitRollout':
      case 'waitReady': {
        const check = waitCondition(this.sim, step);
        if (typeof check === 'string') return this.record(step, false, check);
        this.waitFor = { check, deadline: now + WAIT_TIMEOUT_SECONDS, step };
        return;
      }
    }
  }

  private record(step: Step, ok: boolean, output: string): void {
    this.steps.push({ t: this.sim.now(), step: stepText(step), ok, output });
  }
}
