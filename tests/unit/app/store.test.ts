import { beforeEach, describe, expect, it } from 'vitest';
import { MAX_EVENTS } from '../../../src/app/store/clusterSlice';
import { listCluster } from '../../../src/app/model/cluster';
import { objectsSnapshot } from '../../../src/app/store/objectsSnapshot';
import { MAX_CONSOLE_LINES } from '../../../src/app/store/consoleSlice';
import type { AppStore } from '../../../src/app/store/createAppStore';
import { createAppStore } from '../../../src/app/store/createAppStore';
import { createPushHandler } from '../../../src/app/store/workerSync';
import type { FeedEvent } from '../../../src/worker/protocol';
import { newNode, newPod } from '../../fixtures/builders';

function event(t: number, reason = 'Scheduled'): FeedEvent {
  return { t, type: 'Normal', reason, object: `Pod/default/p${t}`, message: '', source: 'default-scheduler' };
}

describe('app store', () => {
  let store: AppStore;
  beforeEach(() => {
    store = createAppStore();
  });

  describe('cluster slice', () => {
    it('indexes a reset by uid and counts runs', () => {
      store.getState().resetCluster([newNode('n1'), newPod('p1')], [event(0)], null);
      const s = store.getState();
      expect(Object.keys(s.objects).sort()).toEqual(['node-uid-n1', 'pod-uid-p1']);
      expect(s.runId).toBe(1);
      expect(s.loaded).toBe(true);
    });

    it('applies a diff: upserts by uid, removes by uid, appends events', () => {
      store.getState().resetCluster([newNode('n1'), newPod('p1')], [], null);
      const running = newPod('p1', { phase: 'Running', nodeName: 'n1' });
      store.getState().applyClusterDiff(
        {
          time: 3,
          upserted: [running, newPod('p2')],
          removed: [{ uid: 'node-uid-n1', kind: 'Node', name: 'n1' }],
        },
        [event(3)],
      );
      const s = store.getState();
      expect(s.objects['pod-uid-p1']).toBe(running);
      expect(s.objects['node-uid-n1']).toBeUndefined();
      expect(s.objects['pod-uid-p2']).toBeDefined();
      expect(s.events).toHaveLength(1);
    });

    it('keeps object identity when a diff only carries events', () => {
      store.getState().resetCluster([newNode('n1')], [], null);
      const before = store.getState().objects;
      store.getState().applyClusterDiff({ time: 1, upserted: [], removed: [] }, [event(1)]);
      expect(store.getState().objects).toBe(before);
    });

    it('changes the record in place, bumps its version, and leaves snapshots and listings as they were', () => {
      store.getState().resetCluster([newNode('n1'), newPod('p1')], [], null);
      const before = store.getState();
      const snapshot = objectsSnapshot(before);
      const pods = listCluster(before.objects).pods.length;
      expect(objectsSnapshot(before)).toBe(snapshot);
      store.getState().applyClusterDiff({ time: 1, upserted: [newPod('p2')], removed: [] }, []);
      const after = store.getState();
      expect(after.objects).toBe(before.objects);
      expect(after.objectsVersion).toBe(before.objectsVersion + 1);
      expect(Object.keys(snapshot)).toHaveLength(2);
      expect(Object.keys(objectsSnapshot(after))).toHaveLength(3);
      expect(listCluster(after.objects).pods).toHaveLength(pods + 1);
    });

    it('keeps only the newest MAX_EVENTS events', () => {
      const many = Array.from({ length: MAX_EVENTS + 5 }, (_, i) => event(i));
      store.getState().resetCluster([], many, null);
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
      const handle = createPushHandler(store, (fn) => frames.push(fn));
      const runFrames = () => frames.splice(0).forEach((f) => f());
      return { handle, frames, runFrames };
    }

    it('squashes every diff that arrives between two frames into one store update', () => {
      const { handle, frames, runFrames } = setup();
      handle({
        type: 'reset',
        objects: [newNode('n1')],
        events: [],
        scenario: null,
        clock: { time: 0, playing: true, speed: 1 },
      });
      let updates = 0;
      const unsubscribe = store.subscribe(() => updates++);
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
      runFrames();
      unsubscribe();
      expect(updates).toBe(2); // the cluster, then the clock
      const s = store.getState();
      expect((s.objects['pod-uid-p1'] as { status?: { phase?: string } }).status?.phase).toBe('Running');
      expect(s.clock.time).toBe(2);
      expect(s.events).toHaveLength(1);
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
      expect(Object.keys(store.getState().objects)).toEqual(['node-uid-n1']);
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
