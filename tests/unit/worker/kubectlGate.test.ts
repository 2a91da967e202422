// The engine worker paints its first cluster before kubectl's chunk is imported (issue 15's
// first-paint budget). The gate's order rules with fakes, then the real scenario layer in a
// module graph where kubectl has not been evaluated yet (vi.resetModules drops the setup's link).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SCENARIO } from '../../../src/app/defaultScenario';
import { KubectlGate, PAINT_WAIT_MS } from '../../../src/worker/kubectlGate';
import type { ToWorker } from '../../../src/worker/protocol';

const load = (id: number, text = 'nodes'): ToWorker => ({ type: 'load', id, text });

function gateWith(opts: { needsKubectl?: (text: string) => boolean; importFails?: boolean } = {}) {
  const handled: string[] = [];
  let linked = false;
  let finishImport: () => void = () => undefined;
  let imports = 0;
  const failures: unknown[] = [];
  let timer: { fn: () => void; ms: number } | null = null;
  const gate = new KubectlGate({
    setTimeout: (fn, ms) => (timer = { fn, ms }),
    clearTimeout: (handle) => {
      if (handle === timer) timer = null;
    },
    importKubectl: () => {
      imports++;
      return new Promise<void>((resolve, reject) => {
        finishImport = () => {
          if (opts.importFails) return reject(new Error('chunk failed'));
          linked = true;
          resolve();
        };
      });
    },
    linked: () => linked,
    tryLoadEarly: (msg) => {
      if (opts.needsKubectl?.(msg.text)) return false;
      handled.push(`early load ${msg.id}`);
      return true;
    },
    handle: (msg) => handled.push(`${msg.type}${'id' in msg ? ` ${msg.id}` : ''}`),
    failed: (e) => failures.push(e),
  });
  return {
    gate,
    handled,
    failures,
    imports: () => imports,
    finish: () => finishImport(),
    /** fires the gate's pending timer, as PAINT_WAIT_MS passing would */
    timeout: () => {
      expect(timer?.ms).toBe(PAINT_WAIT_MS);
      timer?.fn();
    },
  };
}

describe('KubectlGate', () => {
  it('answers a first load that needs no kubectl at once, imports kubectl once the page has painted, then runs what waited in order', async () => {
    const t = gateWith();
    t.gate.receive(load(1));
    expect(t.handled).toEqual(['early load 1']);
    // The clock's messages wait with the import for the paint.
    t.gate.receive({ type: 'speed', speed: 5 });
    t.gate.receive({ type: 'play' });
    expect(t.imports()).toBe(0);
    t.gate.painted();
    expect(t.imports()).toBe(1);
    t.gate.receive({ type: 'command', id: 2, line: 'get pods' });
    t.gate.receive(load(3));
    expect(t.handled).toEqual(['early load 1']);
    t.finish();
    await t.gate.ready();
    expect(t.handled).toEqual(['early load 1', 'speed', 'play', 'command 2', 'load 3']);
    t.gate.receive({ type: 'pause' });
    expect(t.handled.at(-1)).toBe('pause');
    expect(t.imports()).toBe(1);
  });

  it('imports at once for a command typed before the paint, and without a paint after PAINT_WAIT_MS', async () => {
    const typed = gateWith();
    typed.gate.receive(load(1));
    typed.gate.receive({ type: 'play' });
    typed.gate.receive({ type: 'complete', id: 2, line: 'get po' });
    expect(typed.imports()).toBe(1);
    typed.finish();
    await typed.gate.ready();
    expect(typed.handled).toEqual(['early load 1', 'play', 'complete 2']);

    const noGrid = gateWith();
    noGrid.gate.receive(load(1));
    noGrid.gate.receive({ type: 'play' });
    expect(noGrid.imports()).toBe(0);
    noGrid.timeout();
    expect(noGrid.imports()).toBe(1);
    noGrid.finish();
    await noGrid.gate.ready();
    expect(noGrid.handled).toEqual(['early load 1', 'play']);
  });

  it('holds a load that needs kubectl (a lesson, a command at t = 0) until kubectl is in', async () => {
    const t = gateWith({ needsKubectl: (text) => text === 'lesson' });
    t.gate.receive(load(1, 'lesson'));
    t.gate.receive({ type: 'play' });
    expect(t.handled).toEqual([]);
    t.finish();
    await t.gate.ready();
    expect(t.handled).toEqual(['load 1', 'play']);
  });

  it('tries a load early only when nothing waits before it, so messages keep their order', async () => {
    const t = gateWith();
    t.gate.receive({ type: 'speed', speed: 5 });
    t.gate.receive(load(1));
    expect(t.handled).toEqual([]);
    t.finish();
    await t.gate.ready();
    expect(t.handled).toEqual(['speed', 'load 1']);
  });

  it('reports a kubectl chunk that cannot be imported and runs nothing that needed it', async () => {
    const t = gateWith({ importFails: true });
    t.gate.receive(load(1));
    t.gate.receive({ type: 'command', id: 2, line: 'get pods' });
    t.finish();
    await t.gate.ready();
    expect(t.handled).toEqual(['early load 1']);
    expect(String(t.failures[0])).toMatch(/chunk failed/);
    expect(t.imports()).toBe(1);
  });
});

describe('the scenario layer before kubectl is linked', () => {
  const lessonText = readFileSync(
    join(__dirname, '../../../src/scenario/gallery/lesson-first-daemonset.yaml'),
    'utf8',
  );

  it('builds the default scenario without kubectl, refuses a lesson until kubectl is imported', async () => {
    vi.resetModules();
    const link = await import('../../../src/kubectl/link');
    const { createScenarioSession } = await import('../../../src/worker/scenarioSession');
    expect(link.kubectlLinked()).toBe(false);
    const first = createScenarioSession(DEFAULT_SCENARIO);
    expect(first.errors).toEqual([]);
    first.session?.advance(30);
    const phases = first.session
      ?.snapshot()
      .filter((o) => o.kind === 'Pod')
      .map((o) => (o as { status?: { phase?: string } }).status?.phase);
    expect(phases?.length).toBe(4);
    expect(new Set(phases)).toEqual(new Set(['Running']));
    expect(() => createScenarioSession(lessonText)).toThrow(link.KubectlNotLoaded);
    expect(() => first.session?.run('kubectl get pods')).toThrow(link.KubectlNotLoaded);

    await import('../../../src/kubectl');
    expect(link.kubectlLinked()).toBe(true);
    expect(createScenarioSession(lessonText).session?.scenario?.lesson).toBeDefined();
    expect(first.session?.run('kubectl get ds -A').stdout).toMatch(/fluentd|DESIRED/);
  });
});
