// What the inspector needs about one pod that is not in the pod object: when the simulated
// kubelet retries a backed-off container (only the kubelet knows), when the DaemonSet controller
// replaces a Failed daemon pod (only the controller knows), and the pod's last log lines,
// read with the same `kubectl logs` people type in the console (run directly, so it is not
// recorded in the command log the way typed commands are).
import type { DaemonSet, Pod } from '../engine/api/types';
import { controllerUidOf } from '../engine/api/podUtil';
import { getTargetNodeName } from '../engine/predicates';
import type { Simulation } from '../engine/simulation';
import { kubectl } from '../kubectl/link';
import type { PodDetails } from './protocol';

/** LOG_TAIL is how many log lines the inspector shows per run of the container. */
export const LOG_TAIL = 20;

function logsCommand(pod: Pod, container: string, previous: boolean): string {
  const ns = pod.metadata.namespace ?? 'default';
  const c = pod.spec.containers.length > 1 ? ` -c ${container}` : '';
  return `kubectl logs ${pod.metadata.name} -n ${ns}${c} --tail=${LOG_TAIL}${previous ? ' -p' : ''}`;
}

function logs(sim: Simulation, line: string): string {
  const out = kubectl().runKubectl(sim, line);
  // A container with no previous run answers with kubectl's error, which is noise in the inspector.
  return out.exitCode === 0 ? out.stdout : '';
}

function daemonRetryAt(sim: Simulation, pod: Pod): number | undefined {
  if (pod.status?.phase !== 'Failed') return undefined;
  const owner = sim.api.store.getByUid(controllerUidOf(pod) ?? '');
  const target = getTargetNodeName(pod);
  if (owner?.kind !== 'DaemonSet' || !target.ok) return undefined;
  return sim.daemonSets.failedPodRetryAt(owner as DaemonSet, target.nodeName);
}

/** readPodDetails answers a `podDetails` request; null when the pod is gone. */
export function readPodDetails(sim: Simulation, namespace: string, name: string): PodDetails | null {
  const pod = sim.api.get<Pod>('Pod', namespace, name);
  if (!pod) return null;
  const backoffUntil = sim.kubelet.backoffUntil(pod);
  const retryAt = daemonRetryAt(sim, pod);
  return {
    uid: pod.metadata.uid ?? '',
    time: sim.now(),
    ...(backoffUntil !== undefined ? { backoffUntil } : {}),
    ...(retryAt !== undefined ? { daemonRetryAt: retryAt } : {}),
    containers: pod.spec.containers.map((c) => {
      const restarted = pod.status?.containerStatuses?.find((s) => s.name === c.name)?.restartCount ?? 0;
      const command = logsCommand(pod, c.name, false);
      const previousCommand = logsCommand(pod, c.name, true);
      return {
        name: c.name,
        command,
        logs: pod.spec.nodeName ? logs(sim, command) : '',
        previousCommand,
        previousLogs: restarted > 0 ? logs(sim, previousCommand) : '',
      };
    }),
  };
}
