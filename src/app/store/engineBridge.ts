// The worker bridge: one object per page that starts the engine worker, restarts it after a
// crash, and turns user actions into worker requests whose replies it writes to the store; the
// worker's pushes reach the store and the cluster mirror through workerSync.ts. Components take
// the page's bridge from context (useBridge in services.ts) and call it from event handlers;
// nothing here needs a hook (zustand's "practice with no store actions"). Each test makes its own.
import type { WorkerPort } from '../../worker/client';
import type { PodDetails } from '../../worker/protocol';
import { EngineClient, RestartBudget, createEngineWorker } from '../../worker/client';
import { clusterTextOf } from '../lessons/lessonCluster';
import { formatClock } from '../model/format';
import type { ClusterMirror } from './clusterMirror';
import type { AppStore } from './createAppStore';
import { createPushHandler } from './workerSync';

/** EngineStatus: running, being restarted after a crash, or stopped after too many crashes. */
export type EngineStatus = 'running' | 'recovering' | 'halted';

export interface BridgeDeps {
  store: AppStore;
  mirror: ClusterMirror;
  /** Makes a worker: the first one, and a fresh one after each crash. */
  createPort?: () => WorkerPort;
  /** Schedules the per-frame application of worker pushes (requestAnimationFrame on the page). */
  requestFrame?: (fn: () => void) => void;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function errorSummary(n: number): string {
  return `${n} error${n === 1 ? '' : 's'}: nothing was applied; the cluster keeps running as it was.`;
}

// Output lines of an apply that changed something ("unchanged" lines are noise in the console).
function changedLines(output: string): string[] {
  return output.split('\n').filter((l) => l.trim() && !/ unchanged$/.test(l));
}

const HELP = [
  'Type kubectl commands, e.g. kubectl get pods -A -o wide, kubectl describe ds fluentd -n kube-system,',
  'kubectl set image ds/fluentd fluentd=fluent/fluentd:v1.15-1 -n kube-system, kubectl get pods -n kube-system -w.',
  'Playground actions: sim node add|fail|recover|remove <name>. Tab completes, ↑/↓ walk the history,',
  'Ctrl+C stops a watch, "clear" empties the console.',
  'Pipes work as in bash: … | grep, jq, awk, cut, head, tail, sort, uniq, wc, | xargs kubectl …, | kubectl apply -f -.',
];

/** Bridge is the page's link to the engine worker. Its methods need no `this`: pass them around freely. */
export type Bridge = ReturnType<typeof createBridge>;

/** createBridge makes a bridge over `store` and `mirror`; nothing runs until `start`. */
export function createBridge({
  store,
  mirror,
  createPort = createEngineWorker,
  requestFrame = (fn) => requestAnimationFrame(fn),
}: BridgeDeps) {
  let client: EngineClient | null = null;
  const budget = new RestartBudget(3, 30_000);
  // Bumped by every restart, so a restart overtaken by a newer one stays quiet.
  let generation = 0;
  let status: EngineStatus = 'running';
  const statusListeners = new Set<() => void>();

  function setStatus(next: EngineStatus): void {
    status = next;
    for (const fn of statusListeners) fn();
  }

  /** engineStatus and subscribeEngineStatus feed useSyncExternalStore (the "Restart engine" button). */
  function engineStatus(): EngineStatus {
    return status;
  }

  function subscribeEngineStatus(fn: () => void): () => void {
    statusListeners.add(fn);
    return () => statusListeners.delete(fn);
  }

  /** engine is the started worker client, for page modules that send their own requests. */
  function engine(): EngineClient {
    if (!client) throw new Error('the engine is not started');
    return client;
  }

  /**
 * startEngine starts the worker once and wires its messages into the store. A worker that fails
 * (an engine exception, an uncaught error) is replaced by a fresh one running the same run.
  /**
   * startEngine starts the worker once and wires its messages into the store and the mirror. A
   * worker that fails (an engine exception, an uncaught error) is replaced by a fresh one running
   * the same run.
   */
  function startEngine(): void {
    if (client) return;
    const handlePush = createPushHandler(store, mirror, requestFrame);
    client = new EngineClient(createPort(), {
      onPush: (msg) => {
        handlePush(msg);
        if (msg.type === 'crash') void recoverEngine(msg.message);
      },
      onFailure: (text) => void recoverEngine(text),
    });
  }

  /**
   * recoverEngine starts a fresh worker and replays the last good run into it (the text that
   * loaded, its seed and command log, up to the current time), as a reload does; the editor is
   * left alone. After `budget.max` restarts within its window it stops and waits for the user.
   */
  async function recoverEngine(reason: string, manual = false): Promise<void> {
    const c = client;
    if (!c || (status === 'halted' && !manual)) return;
    const s = store.getState();
    const { record, clock, editorText } = s;
    if (!manual) {
      s.pushNotice('error', `The simulation engine crashed: ${reason}`);
      if (!budget.take()) {
        setStatus('halted');
        s.setClock({ ...clock, playing: false });
        s.pushNotice(
          'error',
          `The engine crashed ${budget.max} times within ${budget.windowMs / 1000} s and was not restarted ` +
            'again. Press “Restart engine” to try once more.',
        );
        return;
      }
    }
    const gen = ++generation;
    setStatus('recovering');
    s.setWatching(false);
    c.reconnect(createPort());
    try {
      const { seed } = record ?? {};
      const reply = record
        ? await c.replay({
            text: record.text,
            ...(seed !== undefined ? { seed } : {}),
            log: record.log,
            time: clock.time,
          })
        : await c.load(editorText);
      if (gen !== generation) return;
      if (!reply.ok) throw new Error(reply.errors[0]?.message ?? 'the run did not load');
      c.setSpeed(clock.speed);
      if (clock.playing) c.play();
      setStatus('running');
      store.getState().appendConsole([
        {
          kind: 'info',
          text: `# the simulation engine was restarted and replayed to ${formatClock(clock.time)}`,
        },
      ]);
      store
        .getState()
        .pushNotice(
          'info',
          `The simulation engine was restarted; your run is back at ${formatClock(clock.time)}.`,
        );
    } catch (err) {
      if (gen !== generation) return;
      setStatus('halted');
      store.getState().pushNotice('error', `The simulation engine could not be restarted: ${message(err)}`);
    }
  }

  /** restartEngine is the "Restart engine" button: a fresh worker and a fresh crash budget. */
  function restartEngine(): Promise<void> {
    budget.reset();
    return recoverEngine('restarted by hand', true);
  }

  /** installTestHooks exposes `window.__playground` to Playwright, only on pages opened with `?test-hooks`. */
  function installTestHooks(search: string, hooks: Record<string, (...args: never[]) => void> = {}): void {
    if (!new URLSearchParams(search).has('test-hooks')) return;
    (window as unknown as { __playground?: unknown }).__playground = {
      crashWorker: () => engine().debugCrash(),
      ...hooks,
    };
  }

  /** loadScenario starts a new run from `text`; on errors the current run keeps going. */
  async function loadScenario(text: string, opts: { play?: boolean } = {}): Promise<boolean> {
    // A lesson's tasks and checks stay out of the editor: it shows the cluster only.
    const shown = await clusterTextOf(text);
    const s = store.getState();
    s.setEditorText(shown);
    s.setApplyResult('applying', [], '');
    try {
      const reply = await engine().load(text);
      if (!reply.ok) {
        s.setApplyResult('invalid', reply.errors, errorSummary(reply.errors.length));
        return false;
      }
      if (store.getState().editorText === shown) s.setApplyResult('applied', [], 'Loaded at t = 0.');
      if (opts.play) engine().play();
      return true;
    } catch (err) {
      s.setApplyResult('failed', [], message(err));
      return false;
    }
  }

  /** applyEditorText sends the editor's whole text to the cluster, as `kubectl apply -f -`. */
  async function applyEditorText(): Promise<void> {
    const s = store.getState();
    const text = s.editorText;
    s.setApplyResult('applying', s.editorErrors, '');
    try {
      const reply = await engine().apply(text);
      const stale = store.getState().editorText !== text;
      if (!reply.ok) {
        const errors = reply.errors;
        if (!stale)
          s.setApplyResult(
            errors.length ? 'invalid' : 'failed',
            errors,
            errors.length ? errorSummary(errors.length) : reply.output,
          );
        return;
      }
      if (!stale) s.setApplyResult('applied', [], reply.output);
      const changed = changedLines(reply.output);
      if (changed.length > 0) {
        s.appendConsole([
          { kind: 'input', text: 'kubectl apply -f scenario.yaml', source: 'grid' },
          ...changed.map((text) => ({ kind: 'stdout' as const, text })),
        ]);
      }
    } catch (err) {
      s.setApplyResult('failed', [], message(err));
    }
  }

  /** runCommand runs one command line and prints it and its output in the console. */
  async function runCommand(line: string, source: 'console' | 'grid' = 'console'): Promise<void> {
    const trimmed = line.trim();
    const s = store.getState();
    if (!trimmed) return;
    s.pushHistory(trimmed);
    if (trimmed === 'clear') return s.clearConsole();
    s.appendConsole([{ kind: 'input', text: trimmed, source }]);
    if (trimmed === 'help') return s.appendConsole(HELP.map((text) => ({ kind: 'info' as const, text })));
    if (s.watching) s.setWatching(false);
    try {
      const { result } = await engine().command(trimmed);
      s.appendConsole([
        { kind: 'stdout', text: result.stdout.replace(/\n$/, '') },
        { kind: 'stderr', text: result.stderr.replace(/\n$/, '') },
      ]);
      s.setWatching(result.watching);
    } catch (err) {
      s.appendConsole([{ kind: 'stderr', text: `error: ${message(err)}` }]);
    }
  }

  /** fetchPodDetails asks the worker for a pod's back-off timer and logs; null when it is gone or the worker fails. */
  async function fetchPodDetails(namespace: string, name: string): Promise<PodDetails | null> {
    try {
      return (await engine().podDetails(namespace, name)).details;
    } catch {
      return null;
    }
  }

  /** completeLine asks the kubectl layer (in the worker) how the line could go on. */
  async function completeLine(line: string): Promise<string[]> {
    try {
      return (await engine().complete(line)).completions;
    } catch {
      return [];
    }
  }

  /** stopWatch ends a `-w` stream, as Ctrl+C does in a terminal. */
  function stopWatch(): void {
    const s = store.getState();
    if (!s.watching) return;
    engine().cancelWatch();
    s.appendConsole([{ kind: 'info', text: '^C' }]);
    s.setWatching(false);
  }

  /** stepOnce pauses and runs time to the next thing that happens. */
  async function stepOnce(): Promise<void> {
    try {
      const { moved } = await engine().step();
      if (!moved) store.getState().pushNotice('info', 'Nothing is scheduled: the cluster is quiet.');
    } catch (err) {
      store.getState().pushNotice('error', message(err));
    }
  }

  /** restart runs the last text that applied cleanly again from t = 0. */
  async function restart(): Promise<void> {
    try {
      const reply = await engine().restart();
      if (reply.ok) store.getState().appendConsole([{ kind: 'info', text: '# restarted from t = 0' }]);
    } catch (err) {
      store.getState().pushNotice('error', message(err));
    }
  }

  return {
    startEngine,
    engine,
    engineStatus,
    subscribeEngineStatus,
    restartEngine,
    installTestHooks,
    loadScenario,
    applyEditorText,
    runCommand,
    fetchPodDetails,
    completeLine,
    stopWatch,
    stepOnce,
    restart,
    play: (): void => engine().play(),
    pause: (): void => engine().pause(),
    setSpeed: (speed: number): void => engine().setSpeed(speed),
  };
}
