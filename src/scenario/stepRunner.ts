import type { DaemonSet } from '../engine/api/types';
import type { Simulation } from '../engine/simulation';
import type { Step } from './scenarioDoc';

// `wait: rollout` gives up after 10 minutes (docs/scenario-format.md), as `kubectl rollout status --timeout=10m` would.
export const WAIT_TIMEOUT_SECONDS = 600;

/** StepRecord is one executed step, as the headless runner prints it. */
export interface StepRecord {
  t: number;
  step: string;
  ok: boolean;
  output: string;
}

/** stepText renders a step back to its YAML form for the report, e.g. `kubectl: set image ...`. */
export function stepText(step: Step): string {
  switch (step.kind) {
    case 'kubectl':
      return `kubectl: ${step.command}`;
    case 'sim':
      return `sim: ${step.action}`;
    case 'wait':
      return `wait: ${step.seconds}s`;
    case 'waitRollout':
      return `wait: rollout ${step.target}${step.namespace ? ` -n ${step.namespace}` : ''}`;
    case 'waitReady':
      return `wait: ready ${step.target}${step.namespace ? ` -n ${step.namespace}` : ''}`;
  }
}

function findDaemonSet(
  sim: Simulation,
  target: string,
  namespace: string | undefined,
): DaemonSet | undefined {
  const name = target.replace(/^(daemonsets?(\.apps)?|ds)\//, '');
  return sim.api.get<DaemonSet>('DaemonSet', namespace ?? 'default', name);
}

/**
 * rolloutComplete is the DaemonSet status viewer's "successfully rolled out" test
 * (kubectl polymorphichelpers rollout_status.go): the controller observed the latest generation
 * and every desired pod is updated and available.
 */
export function rolloutComplete(ds: DaemonSet): boolean {
  const st = ds.status;
  if (!st) return false;
  if ((st.observedGeneration ?? 0) < (ds.metadata.generation ?? 1)) return false;
  if ((st.updatedNumberScheduled ?? 0) < st.desiredNumberScheduled) return false;
  return (st.numberAvailable ?? 0) >= st.desiredNumberScheduled;
}

/** daemonSetReady: every node that should run the pod has a ready one. */
export function daemonSetReady(ds: DaemonSet): boolean {
  const st = ds.status;
  return (
    !!st &&
    st.currentNumberScheduled >= st.desiredNumberScheduled &&
    st.numberReady >= st.desiredNumberScheduled
  );
}

/** waitCondition returns the test a `wait: rollout|ready` step polls, or an error message when the target is unknown. */
export function waitCondition(sim: Simulation, step: Step): (() => boolean) | string {
  if (step.kind !== 'waitRollout' && step.kind !== 'waitReady') return () => true;
  const check = step.kind === 'waitRollout' ? rolloutComplete : daemonSetReady;
  if (!findDaemonSet(sim, step.target, step.namespace)) {
    return `Error from server (NotFound): daemonsets.apps "${step.target.replace(/^.*\//, '')}" not found`;
  }
  return () => {
    const ds = findDaemonSet(sim, step.target, step.namespace);
    return !!ds && check(ds);
  };
}
