// "What are this pod's containers doing?" for the inspector: the state kubectl shows (Running,
// CrashLoopBackOff, ImagePullBackOff, ErrImagePull, …) with the kubelet's back-off in words:
// "restarting in 37s (back-off 40s), restarts: 3". The pod's containerStatuses say the reason,
// the restart count and how the last run ended; only the kubelet knows when the back-off ends,
// so the caller passes that time in (the worker asks the simulated kubelet).
import type { ContainerStatus, Pod } from '../api/types';
import { parseTimestamp } from '../clock/clock';
import { registryHint, resolveImage } from '../images/registry';
import { formatSeconds, parseGoDuration } from './words';

/** ContainerTone groups container states the way the pod chips colour them. */
export type ContainerTone = 'ok' | 'waiting' | 'failing' | 'done';

export interface ContainerExplanation {
  name: string;
  image: string;
  /** The state word: Running, CrashLoopBackOff, ImagePullBackOff, ErrImagePull, ContainerCreating, Terminated, … */
  state: string;
  tone: ContainerTone;
  /** One line, e.g. `restarting in 37s (back-off 40s), restarts: 3`. */
  headline: string;
  /** Why, one sentence each. */
  sentences: string[];
  restarts: number;
  ready: boolean;
  /** Seconds until the kubelet retries (restart or pull), when it is backing off. */
  retryIn?: number;
  /** The back-off delay the kubelet chose for this wait, when its message says it. */
  backoff?: number;
}

export interface ContainerInput {
  pod: Pod;
  /** Simulated seconds now. */
  now: number;
  /** When the kubelet retries (virtual seconds), from the kubelet; undefined when unknown or not backing off. */
  backoffUntil?: number | undefined;
}

// The kubelet's back-off: 10 s doubling to 5 min (pkg/kubelet/kubelet.go backOffPeriod, MaxContainerBackOff).
const BACKOFF_RULE =
  'The kubelet waits 10s before the first retry and doubles the wait after each failure, up to 5m.';

function since(ts: string | undefined, now: number): string | undefined {
  const t = parseTimestamp(ts);
  return Number.isNaN(t) ? undefined : formatSeconds(now - t);
}

function lastExit(cs: ContainerStatus, now: number): string | undefined {
  const last = cs.lastState?.terminated ?? cs.state.terminated;
  if (!last) return undefined;
  const ago = since(last.finishedAt, now);
  return `exited with code ${last.exitCode} (${last.reason ?? 'Error'})${ago ? ` ${ago} ago` : ''}`;
}

function restartsText(n: number): string {
  return `restarts: ${n}`;
}

function ownerKind(pod: Pod): string | undefined {
  return pod.metadata.ownerReferences?.find((r) => r.controller)?.kind;
}

// Why the kubelet starts an exited container again, after the pod's restartPolicy.
function restartReason(cs: ContainerStatus, pod: Pod, exit: string | undefined): string {
  const completed = (cs.lastState?.terminated ?? cs.state.terminated)?.exitCode === 0;
  const policy = pod.spec.restartPolicy ?? 'Always';
  if (completed && ownerKind(pod) === 'DaemonSet')
    return `The container completed (exit code 0), but a DaemonSet pod must keep running: restartPolicy Always restarts it, forever. A task that runs once and ends belongs in a Job (one per node).`;
  if (policy === 'OnFailure')
    return `The container ${exit ?? 'keeps exiting'}, and restartPolicy OnFailure makes the kubelet start it again after a non-zero exit.`;
  return `The container ${exit ?? 'keeps exiting'}, and the pod's restartPolicy (Always, the only one a DaemonSet allows) makes the kubelet start it again.`;
}

// A container that ended for good: the pod's restartPolicy says it is not started again.
function finished(cs: ContainerStatus, input: ContainerInput, history: string[]): ContainerExplanation {
  const t = cs.state.terminated!;
  const policy = input.pod.spec.restartPolicy ?? 'Always';
  const job = ownerKind(input.pod) === 'Job';
  const ok = t.exitCode === 0;
  const sentences = ok
    ? [
        `The container ran to the end and exited 0; with restartPolicy ${policy} the kubelet does not start it again, and the pod stays Succeeded (kubectl shows Completed).`,
        ...(job
          ? ["A Job's pods are not restarted: the Job controller counts this one as a completion."]
          : []),
      ]
    : [
        `With restartPolicy ${policy} the kubelet does not restart a container that exited ${t.exitCode}: the pod is Failed.`,
        ...(job
          ? [
              'The Job controller counts the failure against backoffLimit and creates a new pod after its back-off (10s, doubling).',
            ]
          : []),
      ];
  return {
    ...base(cs, t.reason ?? 'Terminated', ok ? 'done' : 'failing'),
    headline: ok
      ? `completed: exit code 0${job ? "; a Job's pods are not restarted" : ''}`
      : `failed: exit code ${t.exitCode}`,
    sentences: [...sentences, ...history],
  };
}

function crashLoop(cs: ContainerStatus, input: ContainerInput): ContainerExplanation {
  const backoff = parseGoDuration(
    /back-off (\S+) restarting/.exec(cs.state.waiting?.message ?? '')?.[1] ?? '',
  );
  const retryIn = input.backoffUntil !== undefined ? Math.max(0, input.backoffUntil - input.now) : undefined;
  const wait = backoff !== undefined ? ` (back-off ${formatSeconds(backoff)})` : '';
  const headline =
    retryIn !== undefined
      ? `restarting in ${formatSeconds(retryIn)}${wait}, ${restartsText(cs.restartCount)}`
      : `waiting to restart${wait}, ${restartsText(cs.restartCount)}`;
  const exit = lastExit(cs, input.now);
  return {
    ...base(cs, 'CrashLoopBackOff', 'failing'),
    headline,
    sentences: [
      restartReason(cs, input.pod, exit),
      BACKOFF_RULE,
      'The logs of the last run usually say why it exits.',
    ],
    ...(retryIn !== undefined ? { retryIn } : {}),
    ...(backoff !== undefined ? { backoff } : {}),
  };
}

function pullFailure(cs: ContainerStatus, input: ContainerInput): ContainerExplanation {
  const reason = cs.state.waiting?.reason ?? 'ErrImagePull';
  const retryIn = input.backoffUntil !== undefined ? Math.max(0, input.backoffUntil - input.now) : undefined;
  // ErrImagePull is the failed attempt itself; ImagePullBackOff is the wait before the next one.
  const headline =
    reason === 'ErrImagePull'
      ? 'the image pull failed'
      : retryIn !== undefined
        ? `pulling again in ${formatSeconds(retryIn)}`
        : 'waiting to pull again';
  // The registry's answer, when the playground knows the repository: the tag and a few real ones.
  const answer = resolveImage(cs.image);
  return {
    ...base(cs, reason, 'failing'),
    headline,
    sentences: [
      ...(answer.kind === 'notFound' ? [`The registry answers: ${registryHint(answer)}.`] : []),
      `The kubelet cannot pull ${cs.image}${cs.state.waiting?.message ? `: ${cs.state.waiting.message}` : '.'}`,
      BACKOFF_RULE,
      'A wrong image name or tag never fixes itself: set the right image (kubectl set image) or roll back (kubectl rollout undo).',
    ],
    ...(retryIn !== undefined ? { retryIn } : {}),
  };
}

function invalidName(cs: ContainerStatus): ContainerExplanation {
  return {
    ...base(cs, 'InvalidImageName', 'failing'),
    headline: 'the image name does not parse',
    sentences: [
      cs.state.waiting?.message ?? `The kubelet cannot read ${cs.image} as an image reference.`,
      'Image names are lowercase, without spaces, `registry/repository:tag` or `@sha256:` and 64 hex digits. The kubelet does not try to pull it, and no retry can help: set a valid image (kubectl set image).',
    ],
  };
}

function base(cs: ContainerStatus, state: string, tone: ContainerTone) {
  return { name: cs.name, image: cs.image, state, tone, restarts: cs.restartCount, ready: cs.ready };
}

function explainStatus(cs: ContainerStatus, input: ContainerInput): ContainerExplanation {
  const waiting = cs.state.waiting;
  if (waiting?.reason === 'CrashLoopBackOff') return crashLoop(cs, input);
  if (waiting?.reason === 'ImagePullBackOff' || waiting?.reason === 'ErrImagePull')
    return pullFailure(cs, input);
  if (waiting?.reason === 'InvalidImageName') return invalidName(cs);
  const exit = lastExit(cs, input.now);
  const history =
    cs.restartCount > 0 ? [`Restarted ${cs.restartCount} times; the last run ${exit ?? 'ended'}.`] : [];
  if (waiting) {
    return {
      ...base(cs, waiting.reason ?? 'Waiting', 'waiting'),
      headline: waiting.message ?? 'waiting to start',
      sentences: history,
    };
  }
  if (cs.state.running) {
    const up = since(cs.state.running.startedAt, input.now);
    return {
      ...base(cs, 'Running', 'ok'),
      headline: `running${up ? ` for ${up}` : ''}, ${cs.ready ? 'ready' : 'not ready yet'}, ${restartsText(cs.restartCount)}`,
      sentences: [
        ...(cs.ready ? [] : ['The readiness probe has not passed yet, so the pod is not counted as ready.']),
        ...history,
      ],
    };
  }
  const t = cs.state.terminated;
  const phase = input.pod.status?.phase;
  if (t && (phase === 'Succeeded' || phase === 'Failed')) return finished(cs, input, history);
  return {
    ...base(cs, t?.reason ?? 'Terminated', 'done'),
    headline: t ? `exited with code ${t.exitCode}` : 'not started',
    sentences: history,
  };
}

/**
 * explainContainers explains each container of the pod. A pod without container statuses (not
 * bound yet, or the kubelet has not reported) gets one line per container from its spec.
 */
export function explainContainers(input: ContainerInput): ContainerExplanation[] {
  const { pod } = input;
  const statuses = pod.status?.containerStatuses ?? [];
  return pod.spec.containers.map((c): ContainerExplanation => {
    const cs = statuses.find((s) => s.name === c.name);
    if (cs) return explainStatus(cs, input);
    const phase = pod.status?.phase;
    if (phase === 'Failed' || phase === 'Succeeded') {
      // A pod the kubelet refused at admission (rejectPod) ends without ever creating a container.
      return {
        name: c.name,
        image: c.image,
        state: pod.status?.reason ?? phase,
        tone: 'done',
        headline: 'never started: the kubelet did not admit the pod',
        sentences: [],
        restarts: 0,
        ready: false,
      };
    }
    return {
      name: c.name,
      image: c.image,
      state: pod.spec.nodeName ? 'ContainerCreating' : 'Pending',
      tone: 'waiting',
      headline: pod.spec.nodeName
        ? 'the kubelet is pulling the image and creating the container'
        : 'not on a node yet',
      sentences: [],
      restarts: 0,
      ready: false,
    };
  });
}
