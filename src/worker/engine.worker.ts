// The engine worker's entry: one EngineHost fed by the page's messages. Anything thrown outside
// the host's own guard is reported to the page instead of dying silently.
import { setExplainSchema } from '../kubectl';
import { loadManifestSchema } from '../manifests/schemas';
import { EngineHost } from './engineHost';
import type { FromWorker, ToWorker } from './protocol';
import { createScenarioSession } from './scenarioSession';

const scope = self as unknown as DedicatedWorkerGlobalScope;

function post(message: FromWorker): void {
  scope.postMessage(message);
}

const host = new EngineHost({
  createSession: createScenarioSession,
  post,
  timers: {
    now: () => performance.now(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  },
});

let schemasRequested = false;

// `kubectl explain` reads the same schemas as the editor. They are fetched only when the page
// asks (after its first paint) or the console is used, so the first paint never waits for them;
// until they are in, explain says they are still loading.
function loadSchemas(): void {
  if (schemasRequested) return;
  schemasRequested = true;
  void loadManifestSchema().then(setExplainSchema, (e: unknown) =>
    post({ type: 'crash', message: `could not load the Kubernetes schemas: ${String(e)}` }),
  );
}

scope.onmessage = (ev: MessageEvent<ToWorker>) => {
  // The page sends this only from its `?test-hooks` hook; nothing in a link or a scenario can.
  // Thrown from a timer, it escapes every guard and reaches the page as the worker's error event.
  if (ev.data.type === 'debugCrash') {
    setTimeout(() => {
      throw new Error('debug crash requested by the test hook');
    });
    return;
  }
  if (ev.data.type === 'loadSchemas') return void loadSchemas();
  if (ev.data.type === 'command' || ev.data.type === 'complete') loadSchemas();
  host.handle(ev.data);
};

scope.addEventListener('unhandledrejection', (ev) => {
  post({ type: 'crash', message: String((ev as PromiseRejectionEvent).reason) });
});
