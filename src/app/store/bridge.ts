// The worker bridge: module-level actions that talk to the engine worker and write the store.
// Components call these from event handlers; nothing here needs a hook (zustand's
// "practice with no store actions").
import type { WorkerPort } from '../../worker/client';
import type { PodDetails } from '../../worker/protocol';
import { EngineClient, createEngineWorker } from '../../worker/client';
import { appStore } from './index';
import { createPushHandler } from './workerSync';

let client: EngineClient | null = null;

/** engine is the started worker client, for bridge modules beside this one. */
export function engine(): EngineClient {
  if (!client) throw new Error('the engine is not started');
  return client;
}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** startEngine starts the worker once and wires its messages into the store. */
export function startEngine(port: WorkerPort = createEngineWorker()): void {
  if (client) return;
  const handlePush = createPushHandler(appStore, (fn) => requestAnimationFrame(fn));
  client = new EngineClient(port, {
    onPush: handlePush,
    onFailure: (text) => {
      appStore.getState().pushNotice('error', `The simulation worker failed: ${text}`);
      appStore.getState().setClock({ ...appStore.getState().clock, playing: false });
    },
  });
}

/** loadScenario starts a new run from `text`; on errors the current run keeps going. */
export async function loadScenario(text: string, opts: { play?: boolean } = {}): Promise<boolean> {
  const s = appStore.getState();
  s.setEditorText(text);
  s.setApplyResult('applying', [], '');
  try {
    const reply = await engine().load(text);
    if (!reply.ok) {
      s.setApplyResult('invalid', reply.errors, errorSummary(reply.errors.length));
      return false;
    }
    if (appStore.getState().editorText === text) s.setApplyResult('applied', [], 'Loaded at t = 0.');
    if (opts.play) engine().play();
    return true;
  } catch (err) {
    s.setApplyResult('failed', [], message(err));
    return false;
  }
}

function errorSummary(n: number): string {
  return `${n} error${n === 1 ? '' : 's'}: nothing was applied; the cluster keeps running as it was.`;
}

// Output lines of an apply that changed something ("unchanged" lines are noise in the console).
function changedLines(output: string): string[] {
  return output.split('\n').filter((l) => l.trim() && !/ unchanged$/.test(l));
}

/** applyEditorText sends the editor's whole text to the cluster, as `kubectl apply -f -`. */
export async function applyEditorText(): Promise<void> {
  const s = appStore.getState();
  const text = s.editorText;
  s.setApplyResult('applying', s.editorErrors, '');
  try {
    const reply = await engine().apply(text);
    const stale = appStore.getState().editorText !== text;
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

const HELP = [
  'Type kubectl commands, e.g. kubectl get pods -A -o wide, kubectl describe ds fluentd -n kube-system,',
  'kubectl set image ds/fluentd fluentd=fluent/fluentd:v1.15 -n kube-system, kubectl get pods -n kube-system -w.',
  'Playground actions: sim node add|fail|recover|remove <name>. Tab completes, ↑/↓ walk the history,',
  'Ctrl+C stops a watch, "clear" empties the console.',
];

/** runCommand runs one command line and prints it and its output in the console. */
export async function runCommand(line: string, source: 'console' | 'grid' = 'console'): Promise<void> {
  const trimmed = line.trim();
  const s = appStore.getState();
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
export async function fetchPodDetails(namespace: string, name: string): Promise<PodDetails | null> {
  try {
    return (await engine().podDetails(namespace, name)).details;
  } catch {
    return null;
  }
}

/** completeLine asks the kubectl layer (in the worker) how the line could go on. */
export async function completeLine(line: string): Promise<string[]> {
  try {
    return (await engine().complete(line)).completions;
  } catch {
    return [];
  }
}

/** stopWatch ends a `-w` stream, as Ctrl+C does in a terminal. */
export function stopWatch(): void {
  const s = appStore.getState();
  if (!s.watching) return;
  engine().cancelWatch();
  s.appendConsole([{ kind: 'info', text: '^C' }]);
  s.setWatching(false);
}

export function play(): void {
  engine().play();
}

export function pause(): void {
  engine().pause();
}

export function setSpeed(speed: number): void {
  engine().setSpeed(speed);
}

/** stepOnce pauses and runs time to the next thing that happens. */
export async function stepOnce(): Promise<void> {
  try {
    const { moved } = await engine().step();
    if (!moved) appStore.getState().pushNotice('info', 'Nothing is scheduled: the cluster is quiet.');
  } catch (err) {
    appStore.getState().pushNotice('error', message(err));
  }
}

/** restart runs the last text that applied cleanly again from t = 0. */
export async function restart(): Promise<void> {
  try {
    const reply = await engine().restart();
    if (reply.ok) appStore.getState().appendConsole([{ kind: 'info', text: '# restarted from t = 0' }]);
  } catch (err) {
    appStore.getState().pushNotice('error', message(err));
  }
}
