// A stand-in for a scenario session: a clock, a list of objects and an event log that tests
// drive by hand, so the engine host is tested without the engine.
import type { KubeObject } from '../../../src/engine/api/types';
import type {
  EngineSession,
  RunOutput,
  SessionFactory,
  WatchStream,
} from '../../../src/worker/engineSession';
import type { ClusterDiff, FeedEvent } from '../../../src/worker/protocol';
import { newNode } from '../../fixtures/builders';

export class FakeSession implements EngineSession {
  readonly scenario = { name: 'fake', title: 'Fake', description: '' };
  time = 0;
  objects: KubeObject[] = [newNode('n1')];
  events: FeedEvent[] = [];
  pending: ClusterDiff = { time: 0, upserted: [...this.objects], removed: [] };
  advanced: number[] = [];
  ran: string[] = [];
  watch: WatchStream | undefined;
  throwOnAdvance = false;

  now(): number {
    return this.time;
  }
  takeChanges(): ClusterDiff {
    const out = { ...this.pending, time: this.time };
    this.pending = { time: this.time, upserted: [], removed: [] };
    return out;
  }
  snapshot(): KubeObject[] {
    return [...this.objects];
  }
  eventLog(): readonly FeedEvent[] {
    return this.events;
  }
  apply(text: string) {
    if (text.includes('bad'))
      return { errors: [{ document: 1, line: 2, column: 3, path: 'spec', message: 'bad' }], output: '' };
    return { errors: [], output: 'node/n1 configured' };
  }
  run(line: string): RunOutput {
    this.ran.push(line);
    if (line.endsWith('-w'))
      return { stdout: 'NAME\n', stderr: '', exitCode: 0, ...(this.watch ? { watch: this.watch } : {}) };
    return { stdout: `ran ${line}\n`, stderr: '', exitCode: 0 };
  }
  runTo(t: number): void {
    this.time = Math.max(this.time, t);
  }
  nextEventTime(): number | undefined {
    return this.time + 1;
  }
  commandLog(): readonly { t: number; line: string }[] {
    return this.ran.map((line) => ({ t: this.time, line }));
  }
  advance(seconds: number): void {
    if (this.throwOnAdvance) throw new Error('controllers did not settle');
    this.advanced.push(seconds);
    this.time += seconds;
  }
  stepToNextEvent(): boolean {
    this.time += 1;
    return true;
  }
  complete(line: string): string[] {
    return [`${line}x`];
  }
  /** change records an object change as the simulation would. */
  change(obj: KubeObject): void {
    this.pending.upserted.push(obj);
  }
}

/** fakeFactory returns a factory that hands out `session`, or errors for a text containing "invalid". */
export function fakeFactory(session: () => FakeSession): SessionFactory {
  return (text) =>
    text.includes('invalid')
      ? { session: null, errors: [{ document: 1, line: 1, column: 1, path: '', message: 'invalid' }] }
      : { session: session(), errors: [] };
}
