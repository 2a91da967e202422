import type { Container, Pod, Probe } from '../../api/types';
import { ANNOTATION_PLAYGROUND_BEHAVIOR, ANNOTATION_PLAYGROUND_STARTUP_SECONDS } from '../../api/wellKnown';

export type Behavior = 'healthy' | 'crash-loop' | 'image-pull-error' | 'never-ready';

const BEHAVIORS: readonly Behavior[] = ['healthy', 'crash-loop', 'image-pull-error', 'never-ready'];

/** PodBehavior is how the simulated containers of a pod act (docs/scenario-format.md, "How simulated containers behave"). */
export interface PodBehavior {
  behavior: Behavior;
  /** Seconds from scheduled to started: image pull plus container start. */
  startupSeconds: number;
}

// Without the annotation: a pull takes a couple of seconds, a cached image starts almost at once.
export const DEFAULT_PULL_SECONDS = 2;
export const CACHED_START_SECONDS = 0.5;

/** podBehavior reads the `playground/behavior` and `playground/startup-seconds` annotations. */
export function podBehavior(pod: Pod, imageCached: boolean): PodBehavior {
  const ann = pod.metadata.annotations ?? {};
  const raw = ann[ANNOTATION_PLAYGROUND_BEHAVIOR];
  const behavior = BEHAVIORS.includes(raw as Behavior) ? (raw as Behavior) : 'healthy';
  const startup = Number(ann[ANNOTATION_PLAYGROUND_STARTUP_SECONDS]);
  const startupSeconds =
    Number.isFinite(startup) && startup >= 0
      ? startup
      : imageCached
        ? CACHED_START_SECONDS
        : DEFAULT_PULL_SECONDS;
  return { behavior, startupSeconds };
}

/** ProbeTiming is a readiness probe with the API defaults applied (core/v1 defaults.go). */
export interface ProbeTiming {
  initialDelaySeconds: number;
  periodSeconds: number;
  successThreshold: number;
  failureThreshold: number;
}

/** probeTiming returns the readiness probe's timing, or undefined when the container has none. */
export function probeTiming(probe: Probe | undefined): ProbeTiming | undefined {
  if (!probe) return undefined;
  return {
    initialDelaySeconds: probe.initialDelaySeconds ?? 0,
    periodSeconds: probe.periodSeconds ?? 10,
    successThreshold: probe.successThreshold ?? 1,
    failureThreshold: probe.failureThreshold ?? 3,
  };
}

/** probeFailureMessage is what the kubelet's prober reports for a failing readiness probe of this kind. */
export function probeFailureMessage(container: Container, podIP: string): string {
  const p = container.readinessProbe;
  if (p?.tcpSocket)
    return `Readiness probe failed: dial tcp ${podIP}:${p.tcpSocket.port}: connect: connection refused`;
  if (p?.exec) return 'Readiness probe failed: command exited with non-zero status 1';
  return 'Readiness probe failed: HTTP probe failed with statuscode: 503';
}

/** pullsImage tells whether the kubelet pulls for this policy (IfNotPresent skips a cached image). */
export function pullsImage(container: Container, cached: boolean): boolean {
  const policy =
    container.imagePullPolicy ??
    (container.image.endsWith(':latest') || !container.image.includes(':') ? 'Always' : 'IfNotPresent');
  if (policy === 'Never') return false;
  return policy === 'Always' || !cached;
}

/** preStopSeconds estimates how long the preStop hook runs (a sleep action or `sleep N` in an exec hook). */
export function preStopSeconds(container: Container): number {
  const hook = container.lifecycle?.preStop;
  if (!hook) return 0;
  if (hook.sleep) return hook.sleep.seconds;
  const cmd = hook.exec?.command?.join(' ') ?? '';
  const m = /sleep\s+(\d+(?:\.\d+)?)/.exec(cmd);
  return m ? Number(m[1]) : 0;
}
