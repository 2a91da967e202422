import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../../../src/app/defaultScenario';
import { createAppStore } from '../../../src/app/store/createAppStore';
import type { Persisted } from '../../../src/app/store/persistRun';
import type { KeyValue, Timers } from '../../../src/share/persistence';
import { STORAGE_KEY, createThrottledStorage } from '../../../src/share/persistence';

class MapStore implements KeyValue {
  readonly map = new Map<string, string>();
  writes = 0;
  getItem = (k: string) => this.map.get(k) ?? null;
  setItem = (k: string, v: string) => {
    this.writes++;
    this.map.set(k, v);
  };
  removeItem = (k: string) => void this.map.delete(k);
}

class ManualTimers implements Timers {
  private fn: (() => void) | null = null;
  setTimeout = (fn: () => void) => ((this.fn = fn), 1);
  clearTimeout = () => void (this.fn = null);
  fire(): void {
    const fn = this.fn;
    this.fn = null;
    fn?.();
  }
}

function setup(initial?: unknown) {
  const backing = new MapStore();
  if (initial !== undefined) backing.map.set(STORAGE_KEY, JSON.stringify(initial));
  const timers = new ManualTimers();
  const storage = createThrottledStorage<Persisted>(() => backing, 1000, timers);
  const store = createAppStore(storage);
  const saved = () =>
    JSON.parse(backing.map.get(STORAGE_KEY) ?? 'null') as { state: Persisted; version: number };
  return { backing, timers, storage, store, saved };
}

const record = { text: DEFAULT_SCENARIO, log: [{ t: 4, line: 'sim node add node-4' }], horizon: 9 };

describe('the saved run', () => {
  it('writes the run at most once per delay, with its version, in the link format', () => {
    const { backing, timers, store, saved } = setup();
    store.getState().setEditorText(DEFAULT_SCENARIO);
    store.getState().setRecord(record);
    for (let t = 1; t <= 30; t++) store.getState().setClock({ time: t, playing: true, speed: 5 });
    expect(backing.writes).toBe(0);
    timers.fire();
    expect(backing.writes).toBe(1);
    expect(saved()).toEqual({
      version: 1,
      state: { run: { text: DEFAULT_SCENARIO, log: [[4, 'sim node add node-4']], time: 30, speed: 5 } },
    });
  });

  it('writes at once on flush (the page is hidden or closed)', () => {
    const { backing, storage, store } = setup();
    store.getState().setRecord(record);
    storage.flush();
    expect(backing.writes).toBe(1);
  });

  it('reads a saved run back at startup, validated like a link', () => {
    const { store } = setup({ version: 1, state: { run: { text: 'a: 1', log: [[2, 'kubectl get pods']] } } });
    expect(store.getState().savedRun).toEqual({
      text: 'a: 1',
      log: [{ t: 2, line: 'kubectl get pods' }],
      time: 0,
      speed: 1,
    });
  });

  it.each([
    ['a damaged value', '{"state": '],
    ['an invalid run', { version: 1, state: { run: { text: 5 } } }],
    ['a version this page does not know', { version: 7, state: { run: { text: 'a: 1' } } }],
  ])('ignores %s', (_name, stored) => {
    const { backing, store } = setup();
    backing.map.set(STORAGE_KEY, typeof stored === 'string' ? stored : JSON.stringify(stored));
    store.persist.rehydrate();
    expect(store.getState().savedRun).toBeNull();
  });

  it('does not save an untouched default scenario', () => {
    const { timers, store, saved } = setup();
    store.getState().setRecord({ text: DEFAULT_SCENARIO, log: [], horizon: 0 });
    store.getState().setEditorText(DEFAULT_SCENARIO);
    store.getState().setClock({ time: 12, playing: true, speed: 1 });
    timers.fire();
    expect(saved().state).toEqual({ run: null });
  });

  it('keeps a run not yet restored while the page shows the untouched default', () => {
    const { timers, store, saved } = setup({ version: 1, state: { run: { text: 'a: 1' } } });
    store.getState().setRecord({ text: DEFAULT_SCENARIO, log: [], horizon: 0 });
    store.getState().setEditorText(DEFAULT_SCENARIO);
    timers.fire();
    expect(saved().state).toEqual({ run: { text: 'a: 1' } });
  });
});
