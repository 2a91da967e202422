// Containers that run to completion: what the kubelet does when a container exits, after the pod's
// restartPolicy (pkg/kubelet/kuberuntime/kuberuntime_manager.go computePodActions →
// shouldRestartOnFailure / ShouldContainerBeRestarted, and pkg/kubelet/status generateAPIPodStatus's
// getPhase): Always restarts every exit, OnFailure only a non-zero one, Never none — and a pod whose
// containers have all exited for good is Succeeded when every one exited 0, Failed otherwise.
import type { ContainerState, Pod } from '../../api/types';
import { setCondition } from '../../api/podUtil';
import { ANNOTATION_PLAYGROUND_EXIT_CODE, ANNOTATION_PLAYGROUND_RUN_SECONDS } from '../../api/wellKnown';
import { oneShotSeconds } from '../../images/runToCompletion';
import { setContainerStates } from './podStatus';

/** BatchBehavior is when and how the simulated container exits on its own. */
export interface BatchBehavior {
  /** Seconds from started to exited; undefined for a container that runs until stopped. */
  runSeconds?: number;
  /** The exit code, from `playground/exit-code`; undefined when the annotation is absent. */
  exitCode?: number;
}

/**
 * batchBehavior reads the `playground/run-seconds` and `playground/exit-code` annotations.
 * Without run-seconds, a pod whose every container runs a run-once image (kube-bench) exits
 * when the last of them is done, as `kubectl create job --image=aquasec/kube-bench` does.
 */
export function batchBehavior(pod: Pod): BatchBehavior {
  const ann = pod.metadata.annotations ?? {};
  const run = Number(ann[ANNOTATION_PLAYGROUND_RUN_SECONDS]);
  const raw = ann[ANNOTATION_PLAYGROUND_EXIT_CODE];
  const code = raw === undefined ? NaN : Number(raw);
  const annotated = ann[ANNOTATION_PLAYGROUND_RUN_SECONDS] !== undefined;
  const oneShot = pod.spec.containers.map(oneShotSeconds);
  const ownExit = oneShot.every((s) => s !== undefined) ? Math.max(...oneShot) : undefined;
  return {
    ...(annotated && Number.isFinite(run) && run >= 0 ? { runSeconds: run } : {}),
    ...(!annotated && ownExit !== undefined && oneShot.length > 0 ? { runSeconds: ownExit } : {}),
    ...(Number.isInteger(code) && code >= 0 && code <= 255 ? { exitCode: code } : {}),
  };
}

/** AfterExit is what follows a container's exit: another start, or the pod's final phase. */
export type AfterExit = 'restart' | 'Succeeded' | 'Failed';

/** afterExit applies the restartPolicy to an exit code (the API default is Always). */
export function afterExit(restartPolicy: Pod['spec']['restartPolicy'], exitCode: number): AfterExit {
  const policy = restartPolicy ?? 'Always';
  if (policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0)) return 'restart';
  return exitCode === 0 ? 'Succeeded' : 'Failed';
}

/** terminatedState is the container state the runtime reports for an exit: reason Completed for 0, Error otherwise. */
export function terminatedState(
  exitCode: number,
  startedAt: string | undefined,
  finishedAt: string,
): ContainerState {
  return {
    terminated: {
      exitCode,
      reason: exitCode === 0 ? 'Completed' : 'Error',
      ...(startedAt ? { startedAt } : {}),
      finishedAt,
    },
  };
}

/**
 * finishPod writes a pod whose containers have exited for good: the terminal phase, the
 * terminated container states, and the conditions the status manager sets for a finished pod
 * (Ready and ContainersReady False with reason PodCompleted, PodReadyToStartContainers False).
 */
export function finishPod(pod: Pod, phase: 'Succeeded' | 'Failed', state: ContainerState, ts: string): void {
  pod.status = { ...(pod.status ?? {}), phase };
  setContainerStates(pod, state, false, { started: false });
  setCondition(pod, 'PodReadyToStartContainers', 'False', ts);
  setCondition(pod, 'ContainersReady', 'False', ts, 'PodCompleted');
  setCondition(pod, 'Ready', 'False', ts, 'PodCompleted');
}

/** completionLines is what a batch container prints as it finishes. */
export function completionLines(container: string, image: string, exitCode: number, ts: string): string[] {
  if (/kube-bench/.test(image))
    return [
      `[INFO] 4 Worker Node Security Configuration`,
      `[INFO] 4.1 Worker Node Configuration Files`,
      `[PASS] 4.1.1 Ensure that the kubelet service file permissions are set to 600 or more restrictive (Automated)`,
      `== Summary node ==`,
      `18 checks PASS`,
      `1 checks FAIL`,
      `4 checks WARN`,
      `0 checks INFO`,
    ];
  return exitCode === 0
    ? [`${ts} INFO ${container}: done`]
    : [`${ts} ERROR ${container}: task failed`, `exit status ${exitCode}`];
}
