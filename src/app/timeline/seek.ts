// Moving the run to a simulated moment. A drag fires many input events; rewinding rebuilds the
// run from t = 0, so only one seek is in flight and, when it returns, the latest target wins.
import { appStore } from '../store';
import { appServices } from '../store/services';

let inFlight: Promise<void> | null = null;
let target: number | null = null;

async function drain(): Promise<void> {
  try {
    while (target !== null) {
      const t = target;
      target = null;
      try {
        const reply = await appServices.bridge.engine().seek(t);
        if (!reply.ok)
          appStore.getState().pushNotice('error', 'The run could not be rebuilt at that moment.');
      } catch (err) {
        appStore.getState().pushNotice('error', err instanceof Error ? err.message : String(err));
      }
    }
  } finally {
    // Same microtask as the loop's last check: a target set after it starts a new drain.
    inFlight = null;
  }
}

/** seekTo asks the worker to show simulated time `t`, paused; resolves once the latest target is shown. */
export function seekTo(t: number): Promise<void> {
  target = t;
  inFlight ??= drain();
  return inFlight;
}
