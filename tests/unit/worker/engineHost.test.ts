import { beforeEach, describe, expect, it } from 'vitest';
import { EngineHost, TICK_MS } from '../../../src/worker/engineHost';
import type { FromWorker } from '../../../src/worker/protocol';
import { newPod } from '../../fixtures/builders';
import { FakeSession, fakeFactory } from './fakeSession';

// Manual timers: the test decides when wall time passes and when the tick fires.
class ManualTimers {
  wall = 0;
  private fn: (() => void) | null = null;
  now = () => this.wall;
  setTimeout = (fn: () => void) => {
    this.fn = fn;
    return 1;
  };
  clearTimeout = () => {
    this.fn = null;
  };
  get armed(): boolean {
    return this.fn !== null;
  }
  /** elapse moves wall time and fires the pending tick, if any. */
  elapse(ms: number): void {
    this.wall += ms;
    const fn = this.fn;
    this.fn = null;
    fn?.();
  }
}

describe('EngineHost', () => {
  let posted: FromWorker[];
  let timers: ManualTimers;
  let session: FakeSession;
  let host: EngineHost;

  beforeEach(() => {
    posted = [];
    timers = new ManualTimers();
    session = new FakeSession();
    host = new EngineHost({ createSession: fakeFactory(() => session), post: (m) => posted.push(m), timers });
  });

  const ofType = <T extends FromWorker['type']>(t: T) =>
    posted.filter((m): m is Extract<FromWorker, { type: T }> => m.type === t);

  it('sends the whole cluster once on load, then replies', () => {
    host.handle({ type: 'load', id: 1, text: 'ok' });
    expect(ofType('reset')).toHaveLength(1);
    expect(ofType('reset')[0]?.objects.map((o) => o.metadata.name)).toEqual(['n1']);
    expect(posted.at(-1)).toEqual({ type: 'reply', id: 1, reply: { kind: 'loaded', ok: true, errors: [] } });
  });

  it('keeps the last good run when a new text does not load', () => {
    host.handle({ type: 'load', id: 1, text: 'ok' });
    posted = [];
    host.handle({ type: 'load', id: 2, text: 'invalid' });
    expect(ofType('reset')).toHaveLength(0);
    expect(posted).toEqual([
      {
        type: 'reply',
        id: 2,
        reply: { kind: 'loaded', ok: false, errors: [expect.objectContaining({ message: 'invalid' })] },
      },
    ]);
  });

  it('advances virtual time by speed × wall time on each tick and posts one diff per tick', () => {
    host.handle({ type: 'load', id: 1, text: 'ok' });
    host.handle({ type: 'speed', speed: 10 });
    host.handle({ type: 'play' });
    session.change(newPod('p1'));
    session.change(newPod('p2'));
    posted = [];
    timers.elapse(TICK_MS);
    expect(session.advanced).toEqual([(TICK_MS / 1000) * 10]);
    const diffs = ofType('diff');
    expect(diffs).toHaveLength(1);
    expect(diffs[0]?.diff.upserted.map((o) => o.metadata.name)).toEqual(['p1', 'p2']);
    expect(diffs[0]?.clock).toEqual({ time: session.time, playing: true, speed: 10 });
    expect(timers.armed).toBe(true);
  });

  it('caps one tick to a quarter second of wall time, so a throttled tab does not jump ahead', () => {
    host.handle({ type: 'load', id: 1, text: 'ok' });
    host.handle({ type: 'play' });
    timers.elapse(5000);
    expect(session.advanced).toEqual([0.25]);
  });

  it('stops ticking on pause and reports the clock', () => {
    host.handle({ type: 'load', id: 1, text: 'ok' });
    host.handle({ type: 'play' });
    posted = [];
    host.handle({ type: 'pause' });
    expect(timers.armed).toBe(false);
    expect(ofType('clock').at(-1)?.clock.playing).toBe(false);
  });

  it('steps while paused and replies whether time moved', () => {
    host.handle({ type: 'load', id: 1, text: 'ok' });
    host.handle({ type: 'play' });
    host.handle({ type: 'step', id: 7 });
    expect(timers.armed).toBe(false);
    expect(posted).toContainEqual({ type: 'reply', id: 7, reply: { kind: 'stepped', moved: true } });
    expect(session.time).toBe(1);
  });

  it('replies to a command with its output and posts the changes it made', () => {
    host.handle({ type: 'load', id: 1, text: 'ok' });
    posted = [];
    session.change(newPod('p1'));
    host.handle({ type: 'command', id: 3, line: 'kubectl cordon n1' });
    expect(session.ran).toEqual(['kubectl cordon n1']);
    expect(posted).toContainEqual({
      type: 'reply',
      id: 3,
      reply: {
        kind: 'command',
        result: { stdout: 'ran kubectl cordon n1\n', stderr: '', exitCode: 0, watching: false },
      },
    });
    expect(ofType('diff')).toHaveLength(1);
  });

  it('streams watch lines each frame until another command or a cancel ends it', () => {
    host.handle({ type: 'load', id: 1, text: 'ok' });
    session.watch = { format: (d) => d.upserted.map((o) => `${o.metadata.name}\n`).join('') };
    host.handle({ type: 'command', id: 2, line: 'kubectl get pods -w' });
    host.handle({ type: 'play' });
    session.change(newPod('p1'));
    posted = [];
    timers.elapse(TICK_MS);
    expect(ofType('watch')).toEqual([{ type: 'watch', text: 'p1\n' }]);
    posted = [];
    host.handle({ type: 'command', id: 3, line: 'kubectl get nodes' });
    expect(ofType('watch')).toEqual([{ type: 'watch', text: '', ended: true }]);
    session.change(newPod('p2'));
    posted = [];
    timers.elapse(TICK_MS);
    expect(ofType('watch')).toEqual([]);
  });

  it('ends a watch by itself when its command finishes, as rollout status does once the rollout is done', () => {
    host.handle({ type: 'load', id: 1, text: 'ok' });
    let done = false;
    session.watch = {
      format: (d) => {
        if (d.upserted.length === 0) return '';
        done = true;
        return 'daemon set "fluentd" successfully rolled out\n';
      },
      finished: () => done,
    };
    host.handle({ type: 'command', id: 2, line: 'kubectl rollout status ds/fluentd -w' });
    host.handle({ type: 'play' });
    posted = [];
    timers.elapse(TICK_MS);
    expect(ofType('watch')).toEqual([]);
    session.change(newPod('p1'));
    timers.elapse(TICK_MS);
    expect(ofType('watch')).toEqual([
      { type: 'watch', text: 'daemon set "fluentd" successfully rolled out\n' },
      { type: 'watch', text: '', ended: true },
    ]);
    posted = [];
    session.change(newPod('p2'));
    timers.elapse(TICK_MS);
    expect(ofType('watch')).toEqual([]);
  });

  it('applies edits and makes them what a restart replays', () => {
    let made = 0;
    host = new EngineHost({
      createSession: (text) => {
        made++;
        expect(text).toBe(made === 1 ? 'ok' : 'ok edited');
        return { session: new FakeSession(), errors: [] };
      },
      post: (m) => posted.push(m),
      timers,
    });
    host.handle({ type: 'load', id: 1, text: 'ok' });
    host.handle({ type: 'apply', id: 2, text: 'ok edited' });
    host.handle({ type: 'apply', id: 3, text: 'bad' });
    expect(posted).toContainEqual({
      type: 'reply',
      id: 3,
      reply: {
        kind: 'applied',
        ok: false,
        errors: [expect.objectContaining({ message: 'bad' })],
        output: '',
      },
    });
    host.handle({ type: 'restart', id: 4 });
    expect(made).toBe(2);
  });

  it('pauses and reports a crash when the engine throws, answering the request', () => {
    host.handle({ type: 'load', id: 1, text: 'ok' });
    host.handle({ type: 'play' });
    session.throwOnAdvance = true;
    posted = [];
    timers.elapse(TICK_MS);
    expect(ofType('crash')[0]?.message).toBe('controllers did not settle');
    expect(timers.armed).toBe(false);
    expect(ofType('clock').at(-1)?.clock.playing).toBe(false);
  });

  it('answers completion from the session', () => {
    host.handle({ type: 'load', id: 1, text: 'ok' });
    host.handle({ type: 'complete', id: 9, line: 'kubectl get no' });
    expect(posted.at(-1)).toEqual({
      type: 'reply',
      id: 9,
      reply: { kind: 'completions', completions: ['kubectl get nox'] },
    });
  });

  it('forwards new events once, with the diff of their frame', () => {
    host.handle({ type: 'load', id: 1, text: 'ok' });
    const ev = {
      t: 1,
      type: 'Normal' as const,
      reason: 'Scheduled',
      object: 'Pod/default/p1',
      message: 'x',
      source: 'default-scheduler',
    };
    session.events.push(ev);
    host.handle({ type: 'play' });
    posted = [];
    timers.elapse(TICK_MS);
    timers.elapse(TICK_MS);
    expect(ofType('diff').flatMap((d) => d.events)).toEqual([ev]);
  });
});
