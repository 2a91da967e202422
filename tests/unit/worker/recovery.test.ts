// Recovering from a failed engine worker: the client moves to a fresh worker without mixing up
// the two, and the restart budget stops a crash loop.
import { describe, expect, it } from 'vitest';
import type { Pushed } from '../../../src/worker/client';
import { EngineClient, RestartBudget } from '../../../src/worker/client';
import type { Reply, ToWorker } from '../../../src/worker/protocol';
import { FakePort } from '../../fixtures/fakeWorkerPort';

function setup() {
  const port = new FakePort();
  const pushed: Pushed[] = [];
  const failures: string[] = [];
  const client = new EngineClient(port, {
    onPush: (m) => pushed.push(m),
    onFailure: (m) => failures.push(m),
  });
  return { port, pushed, failures, client };
}

const loaded: Reply = { kind: 'loaded', ok: true, errors: [] };

describe('EngineClient.reconnect', () => {
  it('stops the old worker, fails its pending requests and talks to the new one', async () => {
    const { port, client } = setup();
    const pending = client.command('kubectl get pods');
    const fresh = new FakePort();
    client.reconnect(fresh);
    expect(port.terminated).toBe(true);
    await expect(pending).rejects.toThrow('the simulation worker was restarted');

    const replay = client.replay({
      text: 'kind: Scenario',
      seed: 7,
      log: [{ t: 2, line: 'kubectl get nodes' }],
      time: 5,
    });
    expect(port.sent).toHaveLength(1);
    const sent = fresh.sent[0] as Extract<ToWorker, { type: 'replay' }>;
    expect(sent).toMatchObject({ type: 'replay', text: 'kind: Scenario', seed: 7, time: 5 });
    fresh.deliver({ type: 'reply', id: sent.id, reply: loaded });
    await expect(replay).resolves.toEqual(loaded);
  });

  it('ignores whatever the old worker still sends, and reports the new one failing', () => {
    const { port, pushed, failures, client } = setup();
    const fresh = new FakePort();
    client.reconnect(fresh);
    // The handlers were detached; a message already queued from the old worker goes nowhere.
    expect(port.onmessage).toBeNull();
    expect(port.onerror).toBeNull();
    fresh.deliver({ type: 'clock', clock: { time: 1, playing: false, speed: 1 } });
    fresh.fail('boom');
    expect(pushed).toEqual([{ type: 'clock', clock: { time: 1, playing: false, speed: 1 } }]);
    expect(failures).toEqual(['boom']);
  });

  it('sends the crash test hook to the current worker', () => {
    const { port, client } = setup();
    client.debugCrash();
    expect(port.sent).toEqual([{ type: 'debugCrash' }]);
  });
});

describe('RestartBudget', () => {
  it('allows three restarts within 30 s, then refuses until the window has passed', () => {
    let now = 0;
    const budget = new RestartBudget(3, 30_000, () => now);
    const taken = [0, 10_000, 20_000].map((t) => {
      now = t;
      return budget.take();
    });
    expect(taken).toEqual([true, true, true]);
    now = 29_999;
    expect(budget.take()).toBe(false);
    // The first restart leaves the window; one more is allowed.
    now = 30_000;
    expect(budget.take()).toBe(true);
    expect(budget.take()).toBe(false);
  });

  it('starts afresh after reset (the user pressed "Restart engine")', () => {
    const budget = new RestartBudget(1, 30_000, () => 0);
    expect(budget.take()).toBe(true);
    expect(budget.take()).toBe(false);
    budget.reset();
    expect(budget.take()).toBe(true);
  });
});
