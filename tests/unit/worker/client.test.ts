import { describe, expect, it } from 'vitest';
import type { Pushed } from '../../../src/worker/client';
import { EngineClient } from '../../../src/worker/client';
import type { ToWorker } from '../../../src/worker/protocol';
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

describe('EngineClient', () => {
  it('matches replies to requests by id', async () => {
    const { port, client } = setup();
    const a = client.command('kubectl get nodes');
    const b = client.command('kubectl get pods');
    const [first, second] = port.sent as Extract<ToWorker, { id: number }>[];
    const result = (stdout: string) => ({ stdout, stderr: '', exitCode: 0, watching: false });
    port.deliver({ type: 'reply', id: second?.id ?? 0, reply: { kind: 'command', result: result('pods') } });
    port.deliver({ type: 'reply', id: first?.id ?? 0, reply: { kind: 'command', result: result('nodes') } });
    expect((await a).result.stdout).toBe('nodes');
    expect((await b).result.stdout).toBe('pods');
  });

  it('rejects a request the engine failed on', async () => {
    const { port, client } = setup();
    const p = client.step();
    port.deliver({ type: 'reply', id: 1, reply: { kind: 'failed', message: 'boom' } });
    await expect(p).rejects.toThrow('boom');
  });

  it('hands every other message to onPush', () => {
    const { port, pushed } = setup();
    port.deliver({ type: 'clock', clock: { time: 3, playing: true, speed: 2 } });
    expect(pushed).toEqual([{ type: 'clock', clock: { time: 3, playing: true, speed: 2 } }]);
  });

  it('reports a worker error to the page and rejects what was pending', async () => {
    const { port, client, failures } = setup();
    const p = client.load('x');
    port.onerror?.({ message: 'SyntaxError in worker', preventDefault() {} } as ErrorEvent);
    await expect(p).rejects.toThrow('SyntaxError in worker');
    expect(failures).toEqual(['SyntaxError in worker']);
  });

  it('sends fire-and-forget controls without an id', () => {
    const { port, client } = setup();
    client.play();
    client.setSpeed(5);
    client.cancelWatch();
    expect(port.sent).toEqual([{ type: 'play' }, { type: 'speed', speed: 5 }, { type: 'cancelWatch' }]);
  });
});
