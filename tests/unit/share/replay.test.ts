// A run rebuilt from its record (text, seed, timed command log) is the same run, object for
// object: this is what share links, reloads and the timeline's rewind rely on. The real engine
// runs behind the worker's host, driven by manual timers, exactly as the page drives it.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../../../src/app/defaultScenario';
import type { KubeObject } from '../../../src/engine/api/types';
import { EngineHost } from '../../../src/worker/engineHost';
import type { FromWorker, RunRecord, ToWorker } from '../../../src/worker/protocol';
import { createScenarioSession } from '../../../src/worker/scenarioSession';
import { applyDiff, indexByUid } from '../../../src/worker/squash';

/** Page is what a page would know: the cluster rebuilt from resets and diffs, the clock, the record. */
class Page {
  objects: Record<string, KubeObject> = {};
  time = 0;
  record: RunRecord | null = null;
  private wall = 0;
  private tick: (() => void) | null = null;
  private id = 1;
  readonly host = new EngineHost({
    createSession: createScenarioSession,
    post: (m) => this.receive(m),
    timers: {
      now: () => this.wall,
      setTimeout: (fn) => ((this.tick = fn), 1),
      clearTimeout: () => (this.tick = null),
    },
  });

  send(msg: ToWorker extends infer M ? (M extends { id: number } ? Omit<M, 'id'> : M) : never): void {
    this.host.handle({ ...msg, id: this.id++ } as ToWorker);
  }

  /** playFor plays `wallMs` of wall time in 33 ms ticks. */
  playFor(wallMs: number): void {
    this.host.handle({ type: 'play' });
    for (let t = 0; t < wallMs; t += 33) {
      this.wall += 33;
      const fn = this.tick;
      this.tick = null;
      fn?.();
    }
    this.host.handle({ type: 'pause' });
  }

  /** state is the cluster in a comparable form: objects by kind/namespace/name. */
  state(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const o of Object.values(this.objects))
      out[`${o.kind}/${o.metadata.namespace ?? ''}/${o.metadata.name}`] = o;
    return out;
  }

  private receive(m: FromWorker): void {
    if (m.type === 'reset') {
      this.objects = indexByUid(m.objects);
      this.time = m.clock.time;
    } else if (m.type === 'diff') {
      this.objects = applyDiff(this.objects, m.diff);
      this.time = m.clock.time;
    } else if (m.type === 'clock') this.time = m.clock.time;
    else if (m.type === 'record') this.record = m.record;
    else if (m.type === 'crash') throw new Error(m.message);
  }
}

const EDITED = DEFAULT_SCENARIO.replace('fluent/fluentd:v1.14-1', 'fluent/fluentd:v1.15');

/** recordedRun plays the default scenario with commands issued between irregular stretches of play. */
function recordedRun(): Page {
  const page = new Page();
  page.send({ type: 'load', text: DEFAULT_SCENARIO });
  page.send({ type: 'speed', speed: 5 });
  page.playFor(2_000);
  page.send({ type: 'command', line: 'kubectl label nodes node-1 team=a' });
  page.playFor(1_300);
  page.send({ type: 'command', line: 'sim node add node-4 --label team=a' });
  page.send({ type: 'step' });
  page.send({ type: 'step' });
  page.send({ type: 'apply', text: EDITED });
  page.playFor(4_100);
  page.send({ type: 'command', line: 'kubectl get pods -A' });
  page.playFor(900);
  return page;
}

describe('replaying a recorded run', () => {
  it('rebuilds the same objects at the same simulated time', () => {
    const original = recordedRun();
    const record = original.record;
    expect(record?.log.map((c) => c.line)).toEqual([
      'kubectl label nodes node-1 team=a',
      'sim node add node-4 --label team=a',
      'kubectl apply -f -',
      'kubectl get pods -A',
    ]);
    const copy = new Page();
    copy.send({ type: 'replay', text: record!.text, log: record!.log, time: original.time });
    expect(copy.time).toBe(original.time);
    expect(copy.state()).toEqual(original.state());
    expect(copy.record?.log).toEqual(record?.log);
  });

  it('rewinds to an earlier moment and, played forward again, reaches the same state', () => {
    const page = recordedRun();
    const end = page.time;
    const final = page.state();
    page.send({ type: 'seek', time: 3 });
    expect(page.time).toBe(3);
    expect(Object.keys(page.state())).not.toContain('Node//node-4');
    // The commands after t = 3 s are kept: scrubbing forward runs them again at their times.
    expect(page.record?.log).toHaveLength(4);
    page.send({ type: 'seek', time: end });
    expect(page.state()).toEqual(final);
  });

  it('keeps the recorded future after a read-only command, drops it after a change', () => {
    const page = recordedRun();
    page.send({ type: 'seek', time: 1 });
    page.send({ type: 'command', line: 'kubectl get nodes' });
    expect(page.record?.log.map((c) => c.line)).toEqual([
      'kubectl get nodes',
      'kubectl label nodes node-1 team=a',
      'sim node add node-4 --label team=a',
      'kubectl apply -f -',
      'kubectl get pods -A',
    ]);
    page.send({ type: 'command', line: 'kubectl cordon node-2' });
    expect(page.record?.log.map((c) => c.line)).toEqual(['kubectl get nodes', 'kubectl cordon node-2']);
    expect(page.record?.horizon).toBe(1);
  });

  it('stops a step at the next recorded command', () => {
    const page = recordedRun();
    const labelledAt = page.record!.log[0]!.t;
    page.send({ type: 'seek', time: labelledAt - 0.01 });
    for (let i = 0; i < 20 && page.time < labelledAt; i++) page.send({ type: 'step' });
    expect(page.time).toBe(labelledAt);
    const node1 = Object.values(page.objects).find((o) => o.kind === 'Node' && o.metadata.name === 'node-1');
    expect(node1?.metadata.labels?.team).toBe('a');
  });
});
