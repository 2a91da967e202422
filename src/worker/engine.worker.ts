// The engine worker's entry: one EngineHost fed by the page's messages. Anything thrown outside
// the host's own guard is reported to the page instead of dying silently.
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

scope.onmessage = (ev: MessageEvent<ToWorker>) => host.handle(ev.data);

scope.addEventListener('unhandledrejection', (ev) => {
  post({ type: 'crash', message: String((ev as PromiseRejectionEvent).reason) });
});
