import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_EVENTS } from '../../../src/app/store/clusterSlice';
import type { ClusterMirror } from '../../../src/app/store/clusterMirror';
import { createClusterMirror } from '../../../src/app/store/clusterMirror';
import { MAX_CONSOLE_LINES } from '../../../src/app/store/consoleSlice';
import type { AppStore } from '../../../src/app/store/createAppStore';
import { createAppStore } from '../../../src/app/store/createAppStore';
import { MAX_OBJECTS_PER_FRAME, createPushHandler } from '../../../src/app/store/workerSync';
import type { FeedEvent } from '../../../src/worker/protocol';
import { newNode, newPod } from '../../fixtures/builders';

function event(t: number, reason = 'Scheduled'): FeedEvent {
  return { t, type: 'Normal', reason, object: `Pod/default/p${t}`, message: '', source: 'default-scheduler' };
}

describe('app store', () => {
  let store: AppStore;
  let mirror: ClusterMirror;
  beforeEach(() => {
    store = createAppStore();
    mirror = createClusterMirror();
  });

  describe('cluster slice', () => {
    it('counts runs, marks the page loaded and keeps the objects out of the store', () => {
      store.getState().resetCluster([event(0)], null);
      const s = store.getState();
      expect(s.runId).toBe(1);
      expect(s.loaded).toBe(true);
      expect(s.events).toHaveLength(1);
      expect(Object.keys(s)).not.toContain('objects');
    });

    it('appends events and counts them; no events leave the state as it was', () => {
      store.getState().resetCluster([event(0)], null);
      const before = store.getState();
      store.getState().appendEvents([]);
      expect(store.getState()).toBe(before);
      store.getState().appendEvents([event(1), event(2)]);
      expect(store.getState().events.map((e) => e.t)).toEqual([0, 1, 2]);
      expect(store.getState().eventSeq).toBe(3);
    });

    it('keeps only the newest MAX_EVENTS events', () => {
      const many = Array.from({ length: MAX_EVENTS + 5 }, (_, i) => event(i));
      store.getState().resetCluster(many, null);
      expect(store.getState().events).toHaveLength(MAX_EVENTS);
      expect(store.getState().events[0]?.t).toBe(5);
    });
  });

  describe('console slice', () => {
    it('numbers lines, drops empty ones and keeps at most MAX_CONSOLE_LINES', () => {
      const s = store.getState();
      s.appendConsole([
        { kind: 'input', text: 'kubectl get nodes' },
        { kind: 'stdout', text: '' },
      ]);
      expect(store.getState().lines).toEqual([{ id: 1, kind: 'input', text: 'kubectl get nodes' }]);
      s.appendConsole(
        Array.from({ length: MAX_CONSOLE_LINES + 10 }, (_, i) => ({
          kind: 'stdout' as const,
          text: `l${i}`,
        })),
      );
      expect(store.getState().lines).toHaveLength(MAX_CONSOLE_LINES);
      expect(store.getState().lines.at(-1)?.id).toBe(MAX_CONSOLE_LINES + 11);
    });

    it('does not repeat the last history entry', () => {
      const s = store.getState();
      s.pushHistory('kubectl get pods');
      s.pushHistory('kubectl get pods');
      s.pushHistory('  ');
      s.pushHistory('kubectl get nodes');
      expect(store.getState().history).toEqual(['kubectl get pods', 'kubectl get nodes']);
    });
  });

  describe('editor slice', () => {
    it('marks the text dirty when it changes, not when it is set to the same text', () => {
      store.getState().setApplyResult('applied', [], '');
      store.getState().setEditorText('');
      expect(store.getState().applyState).toBe('applied');
      store.getState().setEditorText('kind: Node');
      expect(store.getState().applyState).toBe('dirty');
    });
  });

  describe('notice slice', () => {
    it('shows the same notice once when it repeats, and dismisses by id', () => {
      const s = store.getState();
      const a = s.pushNotice('error', 'The simulation stopped: x');
      const b = s.pushNotice('error', 'The simulation stopped: x');
      expect(a).toBe(b);
      const c = s.pushNotice('info', 'other');
      expect(store.getState().notices.map((n) => n.id)).toEqual([a, c]);
      s.dismissNotice(a);
      expect(store.getState().notices.map((n) => n.id)).toEqual([c]);
    });
  });

  describe('worker sync', () => {
    function setup() {
      const frames: (() => void)[] = [];
      const handle = createPushHandler(store, mirror, (fn) => frames.push(fn));
      const runFrames = () => frames.splice(0).forEach((f) => f());
      return { handle, frames, runFrames };
    }

    it('squashes every diff that arrives between two frames into one mirror update, events and clock into the store', () => {
      const { handle, frames, runFrames } = setup();
      handle({
        type: 'reset',
        objects: [newNode('n1')],
        events: [],
        scenario: null,
        clock: { time: 0, playing: true, speed: 1 },
      });
      let updates = 0;
      let applied = 0;
      const unsubscribe = store.subscribe(() => updates++);
      const stopMirror = mirror.subscribe(() => applied++);
      const clock = (time: number) => ({ time, playing: true, speed: 1 });
      handle({
        type: 'diff',
        diff: { time: 1, upserted: [newPod('p1')], removed: [] },
        events: [event(1)],
        clock: clock(1),
      });
      handle({
        type: 'diff',
        diff: { time: 2, upserted: [newPod('p1', { phase: 'Running' })], removed: [] },
        events: [],
        clock: clock(2),
      });
      expect(frames).toHaveLength(1);
      expect(updates).toBe(0);
      expect(applied).toBe(0);
      runFrames();
      unsubscribe();
      stopMirror();
      expect(updates).toBe(2); // the events, then the clock
      expect(applied).toBe(1);
      const s = store.getState();
      expect((mirror.objects['pod-uid-p1'] as { status?: { phase?: string } }).status?.phase).toBe('Running');
      expect(s.clock.time).toBe(2);
      expect(s.events).toHaveLength(1);
    });

    it(`applies at most MAX_OBJECTS_PER_FRAME (${MAX_OBJECTS_PER_FRAME}) objects a frame, the rest in the next`, () => {
      const { handle, frames, runFrames } = setup();
      handle({
        type: 'reset',
        objects: [],
        events: [],
        scenario: null,
        clock: { time: 0, playing: true, speed: 1 },
      });
      const pods = Array.from({ length: MAX_OBJECTS_PER_FRAME + 100 }, (_, i) => newPod(`p${i}`));
      handle({
        type: 'diff',
        diff: { time: 1, upserted: pods, removed: [] },
        events: [],
        clock: { time: 1, playing: true, speed: 1 },
      });
      runFrames();
      expect(Object.keys(mirror.objects)).toHaveLength(MAX_OBJECTS_PER_FRAME);
      expect(frames).toHaveLength(1);
      runFrames();
      expect(Object.keys(mirror.objects)).toHaveLength(MAX_OBJECTS_PER_FRAME + 100);
      expect(frames).toHaveLength(0);
    });

    it('drops buffered diffs of the old run on reset and forgets a pod selection that is gone', () => {
      const { handle, runFrames } = setup();
      store.getState().select({ kind: 'pod', uid: 'pod-uid-old' });
      handle({
        type: 'diff',
        diff: { time: 1, upserted: [newPod('old')], removed: [] },
        events: [],
        clock: { time: 1, playing: true, speed: 1 },
      });
      handle({
        type: 'reset',
        objects: [newNode('n1')],
        events: [],
        scenario: null,
        clock: { time: 0, playing: true, speed: 1 },
      });
      runFrames();
      expect(Object.keys(mirror.objects)).toEqual(['node-uid-n1']);
      expect(store.getState().selection).toBeNull();
      expect(store.getState().clock.time).toBe(0);
    });

    it('prints watch output and a crash in the console, and the crash as a notice', () => {
      const { handle } = setup();
      store.getState().setWatching(true);
      handle({ type: 'watch', text: 'fluentd-abc   0/1   Pending\n' });
      handle({ type: 'watch', text: '', ended: true });
      handle({ type: 'crash', message: 'boom' });
      const s = store.getState();
      expect(s.lines.map((l) => [l.kind, l.text])).toEqual([
        ['watch', 'fluentd-abc   0/1   Pending'],
        ['stderr', 'error: the simulation stopped: boom'],
      ]);
      expect(s.watching).toBe(false);
      expect(s.notices[0]?.text).toBe('The simulation stopped: boom');
    });
  });
});
