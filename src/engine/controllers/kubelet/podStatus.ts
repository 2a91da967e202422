import type { ContainerState, ContainerStatus, Pod } from '../../api/types';
import { setCondition } from '../../api/podUtil';
import { deepClone } from '../../api/clone';

/** setContainerStates writes every container's state (the simulated containers act together). */
export function setContainerStates(
  pod: Pod,
  state: ContainerState,
  ready: boolean,
  opts: { restartCount?: number; lastState?: ContainerState; started?: boolean } = {},
): void {
  const st = (pod.status ??= {});
  const previous = st.containerStatuses ?? [];
  st.containerStatuses = pod.spec.containers.map((c): ContainerStatus => {
    const prev = previous.find((p) => p.name === c.name);
    const status: ContainerStatus = {
      name: c.name,
      image: c.image,
      imageID: prev?.imageID ?? '',
      ready,
      started: opts.started ?? state.running !== undefined,
      restartCount: opts.restartCount ?? prev?.restartCount ?? 0,
      state: deepClone(state),
    };
    const last = opts.lastState ?? prev?.lastState;
    if (last && Object.keys(last).length > 0) status.lastState = deepClone(last);
    return status;
  });
}

/** setReadiness sets Ready and ContainersReady together, as the status manager does. */
export function setReadiness(pod: Pod, ready: boolean, timestamp: string): void {
  const names = pod.spec.containers.map((c) => c.name).join(' ');
  const reason = ready ? undefined : 'ContainersNotReady';
  const message = ready ? undefined : `containers with unready status: [${names}]`;
  setCondition(pod, 'ContainersReady', ready ? 'True' : 'False', timestamp, reason, message);
  setCondition(pod, 'Ready', ready ? 'True' : 'False', timestamp, reason, message);
  const st = pod.status;
  // New entries rather than changed ones: a pod's versions share them (podStatusDraft).
  if (st?.containerStatuses) st.containerStatuses = st.containerStatuses.map((cs) => ({ ...cs, ready }));
}

/** podRef is the `name_namespace(uid)` form the kubelet uses in back-off messages. */
export function podRef(pod: Pod): string {
  return `${pod.metadata.name}_${pod.metadata.namespace}(${pod.metadata.uid})`;
}
