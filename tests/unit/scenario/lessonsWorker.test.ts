// The lesson across the worker boundary: the real scenario session inside the engine host sends
// the lesson's tasks with the reset, its progress after each change that passes a task, and the
// scenario's steps for the console; a rebuilt run (a seek back) finds its progress again.
import { describe, expect, it } from 'vitest';
import { EngineHost } from '../../../src/worker/engineHost';
import type { FromWorker } from '../../../src/worker/protocol';
import { createScenarioSession } from '../../../src/worker/scenarioSession';
import { galleryText } from './galleryFiles';

function startHost(name: string) {
  const posted: FromWorker[] = [];
  const host = new EngineHost({
    createSession: createScenarioSession,
    post: (m) => posted.push(m),
    // Nothing here plays in real time: the test steps the run with commands and `step`.
    timers: { now: () => 0, setTimeout: () => 0, clearTimeout: () => undefined },
  });
  host.handle({ type: 'load', id: 1, text: galleryText(name) });
  let id = 2;
  const ofType = <T extends FromWorker['type']>(t: T) =>
    posted.filter((m): m is Extract<FromWorker, { type: T }> => m.type === t);
  return {
    posted,
    ofType,
    run: (line: string) => host.handle({ type: 'command', id: id++, line }),
    step: (times: number) => {
      for (let i = 0; i < times; i++) host.handle({ type: 'step', id: id++ });
    },
    seek: (time: number) => host.handle({ type: 'seek', id: id++, time }),
    checkWork: () => {
      const at = id++;
      host.handle({ type: 'checkWork', id: at });
      const reply = posted.find((m) => m.type === 'reply' && m.id === at);
      return reply?.type === 'reply' && reply.reply.kind === 'checkWork' ? reply.reply.report : undefined;
    },
    lastProgress: () => ofType('lesson').at(-1)?.status.done,
  };
}

describe('lessons in the worker', () => {
  it('sends the tasks without their checks, then progress only when a task passes', () => {
    const h = startHost('lesson-node-maintenance');
    const reset = h.ofType('reset')[0];
    expect(reset?.scenario?.lesson?.tasks.map((t) => t.title)).toEqual([
      'Stop new pods from landing on node-2',
      'Move the web pods off node-2, keep its logging agent',
      'Bring node-2 back into service',
    ]);
    expect(reset?.scenario?.lesson?.tasks.some((t) => 'check' in t)).toBe(false);
    expect(h.ofType('lesson').map((m) => m.status.done)).toEqual([0]);
    h.run('kubectl get nodes');
    expect(h.ofType('lesson')).toHaveLength(1);
    h.run('kubectl cordon node-2');
    expect(h.lastProgress()).toBe(1);
    h.run('kubectl drain node-2 --ignore-daemonsets');
    h.step(40);
    expect(h.lastProgress()).toBe(2);
    h.run('kubectl uncordon node-2');
    expect(h.ofType('lesson').at(-1)?.status).toMatchObject({ done: 3, total: 3, current: null });
  });

  it('keeps the progress made before a seek back that still lies in the past', () => {
    const h = startHost('lesson-node-maintenance');
    h.step(5);
    h.run('kubectl cordon node-2');
    h.step(20);
    expect(h.lastProgress()).toBe(1);
    // Back to a moment after the cordon: the run is rebuilt from t = 0 with the command log.
    const cordonAt = h.ofType('record').at(-1)?.record.log[0]?.t ?? 0;
    h.seek(cordonAt + 1);
    expect(h.lastProgress()).toBe(1);
  });

  it('answers "Check my work" in the words of the check, and ticks a task that passes', () => {
    const h = startHost('lesson-node-maintenance');
    expect(h.checkWork()).toEqual({
      passed: false,
      unmet: ['the scheduler may still place new pods on node-2'],
    });
    h.run('kubectl cordon node-2');
    h.run('kubectl drain node-2 --ignore-daemonsets');
    // Straight after the drain: the evicted pods are terminating, their replacements not ready.
    expect(h.checkWork()?.unmet).toEqual([
      expect.stringMatching(/^web pods are still on node-2: pod\/web-/),
      expect.stringMatching(/^web has (\d|none) of 4 replicas available$/),
    ]);
    h.step(40);
    h.run('kubectl uncordon node-2');
    expect(h.lastProgress()).toBe(3);
    expect(h.checkWork()).toBeNull();
  });

  it('replays a finished run to the same ticks and predictions: the share link is the proof of completion', () => {
    const h = startHost('lesson-taints-tolerations');
    h.run('lesson predict 1');
    h.run('kubectl taint node node-1 dedicated=db:NoSchedule');
    h.run(
      `kubectl patch ds log-agent -n logging -p '{"spec":{"template":{"spec":{"tolerations":[{"key":"dedicated","operator":"Exists","effect":"NoSchedule"}]}}}}'`,
    );
    h.step(60);
    h.run('lesson predict 2');
    h.run('kubectl taint node node-3 repair=true:NoExecute');
    h.step(40);
    h.run(
      `kubectl patch ds log-agent -n logging --type json -p '[{"op":"add","path":"/spec/template/spec/tolerations/-","value":{"key":"repair","operator":"Exists"}}]'`,
    );
    h.step(40);
    const finished = h.ofType('lesson').at(-1)?.status;
    expect(finished).toMatchObject({ done: 4, current: null });
    const record = h.ofType('record').at(-1)?.record;
    if (!record) throw new Error('no record');

    // A teacher opens the link: a fresh worker replays the run.
    const posted: FromWorker[] = [];
    const opened = new EngineHost({
      createSession: createScenarioSession,
      post: (m) => posted.push(m),
      timers: { now: () => 0, setTimeout: () => 0, clearTimeout: () => undefined },
    });
    // The link is made once the lesson is done: its time is at least the last tick's.
    const time = Math.max(...(finished?.tasks.map((t) => t.passedAt ?? 0) ?? [0]));
    opened.handle({ type: 'replay', id: 1, text: record.text, log: record.log, time });
    const lessons = posted.filter((m): m is Extract<FromWorker, { type: 'lesson' }> => m.type === 'lesson');
    const replayed = lessons.at(-1)?.status;
    expect(replayed?.tasks.map((t) => [t.passed, t.predicted])).toEqual(
      finished?.tasks.map((t) => [t.passed, t.predicted]),
    );
    expect(replayed?.tasks.map((t) => t.passedAt)).toEqual(finished?.tasks.map((t) => t.passedAt));
  });

  it("sends the scenario's steps with their output, for the console", () => {
    const h = startHost('kube-bench-rejected');
    h.step(10);
    const steps = h.ofType('steps').flatMap((m) => m.steps);
    const apply = steps.find((s) => s.step === 'kubectl: apply -f -');
    expect(apply).toMatchObject({ ok: false, t: 5 });
    expect(apply?.output).toContain('Unsupported value: "OnFailure": supported values: "Always"');
  });
});
