// The engine bridge as an explicit object: each one has its own worker, store, mirror, engine
// status and crash budget, so a test (or a second page) makes a fresh one that shares nothing.
import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/app/store/createAppStore';
import { createClusterMirror } from '../../../src/app/store/clusterMirror';
import { createBridge } from '../../../src/app/store/engineBridge';
import type { ToWorker } from '../../../src/worker/protocol';
import { FakePort } from '../../fixtures/fakeWorkerPort';
import { newNode } from '../../fixtures/builders';

function setup() {
  const store = createAppStore();
  const mirror = createClusterMirror();
  const ports: FakePort[] = [];
  const frames: (() => void)[] = [];
  const bridge = createBridge({
    store,
    mirror,
    createPort: () => {
      const port = new FakePort();
      ports.push(port);
      return port;
    },
    requestFrame: (fn) => frames.push(fn),
  });
  const port = () => ports[ports.length - 1]!;
  const runFrames = () => frames.splice(0).forEach((f) => f());
  return { store, mirror, bridge, ports, port, runFrames };
}

function lastRequest(port: FakePort): Extract<ToWorker, { id: number }> {
  const sent = port.sent.filter((m): m is Extract<ToWorker, { id: number }> => 'id' in m);
  return sent[sent.length - 1]!;
}

const clock = { time: 0, playing: false, speed: 1 };

describe('createBridge: two bridges share nothing', () => {
  it('each starts its own worker, once', () => {
    const a = setup();
    const b = setup();
    expect(() => a.bridge.engine()).toThrow('the engine is not started');
    a.bridge.startEngine();
    a.bridge.startEngine();
    expect(a.ports).toHaveLength(1);
    expect(b.ports).toHaveLength(0);
    expect(() => b.bridge.engine()).toThrow('the engine is not started');
  });

  it("a worker's pushes reach only its own bridge's mirror and store", () => {
    const a = setup();
    const b = setup();
    a.bridge.startEngine();
    b.bridge.startEngine();
    a.port().deliver({ type: 'reset', objects: [newNode('a1')], events: [], scenario: null, clock });
    a.runFrames();
    b.runFrames();
    expect(Object.keys(a.mirror.objects)).toEqual(['node-uid-a1']);
    expect(a.store.getState().runId).toBe(1);
    expect(Object.keys(b.mirror.objects)).toEqual([]);
    expect(b.store.getState().runId).toBe(0);
  });

  it('a command goes to its own worker and prints in its own console', async () => {
    const a = setup();
    const b = setup();
    a.bridge.startEngine();
    b.bridge.startEngine();
    const done = a.bridge.runCommand('kubectl get nodes');
    const req = lastRequest(a.port());
    expect(req).toMatchObject({ type: 'command', line: 'kubectl get nodes' });
    a.port().deliver({
      type: 'reply',
      id: req.id,
      reply: {
        kind: 'command',
        result: { stdout: 'a1   Ready\n', stderr: '', exitCode: 0, watching: false },
      },
    });
    await done;
    expect(a.store.getState().lines.map((l) => l.text)).toEqual(['kubectl get nodes', 'a1   Ready']);
    expect(b.port().sent).toEqual([]);
    expect(b.store.getState().lines).toEqual([]);
  });

  it('a crash restarts only the crashed bridge, and its crash budget is its own', async () => {
    const a = setup();
    const b = setup();
    a.bridge.startEngine();
    b.bridge.startEngine();
    const seen: string[] = [];
    a.bridge.subscribeEngineStatus(() => seen.push(a.bridge.engineStatus()));
    // RestartBudget(3, 30 s): the fourth crash in a row halts a bridge.
    for (let crash = 1; crash <= 4; crash++) {
      a.port().fail(`boom ${crash}`);
      if (a.bridge.engineStatus() !== 'recovering') break;
      const req = lastRequest(a.port());
      a.port().deliver({ type: 'reply', id: req.id, reply: { kind: 'loaded', ok: true, errors: [] } });
      await Promise.resolve();
      await Promise.resolve();
    }
    expect(a.bridge.engineStatus()).toBe('halted');
    expect(a.ports).toHaveLength(4);
    expect(seen).toEqual([
      'recovering',
      'running',
      'recovering',
      'running',
      'recovering',
      'running',
      'halted',
    ]);
    expect(b.bridge.engineStatus()).toBe('running');
    expect(b.ports).toHaveLength(1);
    expect(b.store.getState().notices).toEqual([]);
    // b still has its whole budget: a crash is recovered from.
    b.port().fail('boom');
    expect(b.bridge.engineStatus()).toBe('recovering');
    expect(b.ports).toHaveLength(2);
  });
});
