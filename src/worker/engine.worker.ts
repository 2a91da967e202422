// The engine worker's entry: one EngineHost fed by the page's messages through the kubectl gate
// (the first cluster is drawn before kubectl's code is imported, src/worker/kubectlGate.ts). Anything thrown outside the
// host's own guard is reported to the page instead of dying silently.
import { KubectlNotLoaded, kubectl, kubectlLinked } from '../kubectl/link';
import { loadManifestSchema } from '../manifests/schemas';
import { EngineHost } from './engineHost';
import type { SessionResult } from './engineSession';
import { KubectlGate } from './kubectlGate';
import type { FromWorker, ToWorker } from './protocol';
import { createScenarioSession } from './scenarioSession';

const scope = self as unknown as DedicatedWorkerGlobalScope;

function post(message: FromWorker): void {
  scope.postMessage(message);
}

// A session built by the gate's early try, handed to the host when it asks for the same text.
let early: { text: string; seed: number | undefined; result: SessionResult } | null = null;

const host = new EngineHost({
  createSession: (text, seed) => {
    const built = early;
    early = null;
    if (built && built.text === text && built.seed === seed) return built.result;
    return createScenarioSession(text, seed);
  },
  post,
  timers: {
    now: () => performance.now(),
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  },
});

const gate = new KubectlGate({
  importKubectl: () => import('../kubectl'),
  linked: kubectlLinked,
  tryLoadEarly: (msg) => {
    try {
      early = { text: msg.text, seed: msg.seed, result: createScenarioSession(msg.text, msg.seed) };
    } catch (e) {
      if (e instanceof KubectlNotLoaded) return false;
      // Any other failure happens again inside the host, which reports it.
    }
    host.handle(msg);
    return true;
  },
  handle: (msg) => host.handle(msg),
  failed: (e) => post({ type: 'crash', message: `could not load kubectl: ${String(e)}` }),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
});

let schemasRequested = false;

// `kubectl explain` reads the same schemas as the editor. They are fetched only when the page
// asks (after its first paint) or the console is used, so the first paint never waits for them;
// until they are in, explain says they are still loading.
function loadSchemas(): void {
  if (schemasRequested) return;
  schemasRequested = true;
  void Promise.all([loadManifestSchema(), gate.ready()]).then(
    ([schema]) => {
      if (kubectlLinked()) kubectl().setExplainSchema(schema);
    },
    (e: unknown) => post({ type: 'crash', message: `could not load the Kubernetes schemas: ${String(e)}` }),
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
  if (ev.data.type === 'painted') return gate.painted();
  if (ev.data.type === 'command' || ev.data.type === 'complete') loadSchemas();
  gate.receive(ev.data);
};

scope.addEventListener('unhandledrejection', (ev) => {
  post({ type: 'crash', message: String((ev as PromiseRejectionEvent).reason) });
});
