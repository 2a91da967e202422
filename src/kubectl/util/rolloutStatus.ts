// `kubectl rollout status` messages, as polymorphichelpers' DaemonSetStatusViewer and
// DeploymentStatusViewer (rollout_status.go) compute them from the object's status.
import type { DaemonSet, Deployment, StatefulSet } from '../../engine/api/types';
import type { Simulation } from '../../engine/simulation';

/** RolloutState is the viewer's answer: the message, whether the rollout is done, or an error. */
export type RolloutState = { ok: true; message: string; done: boolean } | { ok: false; error: string };

/** daemonSetRolloutState is DaemonSetStatusViewer.Status. */
export function daemonSetRolloutState(ds: DaemonSet): RolloutState {
  if ((ds.spec.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') {
    return { ok: false, error: 'rollout status is only available for RollingUpdate strategy type' };
  }
  const s = ds.status;
  const name = ds.metadata.name;
  if ((ds.metadata.generation ?? 0) <= (s?.observedGeneration ?? 0)) {
    const desired = s?.desiredNumberScheduled ?? 0;
    const updated = s?.updatedNumberScheduled ?? 0;
    const available = s?.numberAvailable ?? 0;
    if (updated < desired) {
      return {
        ok: true,
        done: false,
        message: `Waiting for daemon set "${name}" rollout to finish: ${updated} out of ${desired} new pods have been updated...`,
      };
    }
    if (available < desired) {
      return {
        ok: true,
        done: false,
        message: `Waiting for daemon set "${name}" rollout to finish: ${available} of ${desired} updated pods are available...`,
      };
    }
    return { ok: true, done: true, message: `daemon set "${name}" successfully rolled out` };
  }
  return { ok: true, done: false, message: 'Waiting for daemon set spec update to be observed...' };
}

/** deploymentRolloutState is DeploymentStatusViewer.Status (without the progress-deadline condition). */
export function deploymentRolloutState(d: Deployment): RolloutState {
  const s = d.status;
  const name = d.metadata.name;
  if ((d.metadata.generation ?? 0) > (s?.observedGeneration ?? 0)) {
    return { ok: true, done: false, message: 'Waiting for deployment spec update to be observed...' };
  }
  const replicas = d.spec.replicas ?? 1;
  const updated = s?.updatedReplicas ?? 0;
  const total = s?.replicas ?? 0;
  const available = s?.availableReplicas ?? 0;
  if (updated < replicas) {
    return {
      ok: true,
      done: false,
      message: `Waiting for deployment "${name}" rollout to finish: ${updated} out of ${replicas} new replicas have been updated...`,
    };
  }
  if (total > updated) {
    return {
      ok: true,
      done: false,
      message: `Waiting for deployment "${name}" rollout to finish: ${total - updated} old replicas are pending termination...`,
    };
  }
  if (available < updated) {
    return {
      ok: true,
      done: false,
      message: `Waiting for deployment "${name}" rollout to finish: ${available} of ${updated} updated replicas are available...`,
    };
  }
  return { ok: true, done: true, message: `deployment "${name}" successfully rolled out` };
}

/**
 * statefulSetRolloutState is StatefulSetStatusViewer.Status. The API server defaults
 * rollingUpdate.partition to 0, so a RollingUpdate set normally reports "partitioned roll out".
 */
export function statefulSetRolloutState(sts: StatefulSet): RolloutState {
  const strategy = sts.spec.updateStrategy;
  if ((strategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') {
    return { ok: false, error: 'rollout status is only available for RollingUpdate strategy type' };
  }
  const s = sts.status;
  if (!s?.observedGeneration || (sts.metadata.generation ?? 0) > s.observedGeneration) {
    return { ok: true, done: false, message: 'Waiting for statefulset spec update to be observed...' };
  }
  const replicas = sts.spec.replicas ?? 1;
  const ready = s.readyReplicas ?? 0;
  if (ready < replicas)
    return { ok: true, done: false, message: `Waiting for ${replicas - ready} pods to be ready...` };
  const updated = s.updatedReplicas ?? 0;
  if (strategy?.rollingUpdate) {
    const partition = strategy.rollingUpdate.partition;
    if (partition !== undefined && updated < replicas - partition) {
      return {
        ok: true,
        done: false,
        message: `Waiting for partitioned roll out to finish: ${updated} out of ${replicas - partition} new pods have been updated...`,
      };
    }
    return {
      ok: true,
      done: true,
      message: `partitioned roll out complete: ${updated} new pods have been updated...`,
    };
  }
  if (s.updateRevision !== s.currentRevision) {
    return {
      ok: true,
      done: false,
      message: `waiting for statefulset rolling update to complete ${updated} pods at revision ${s.updateRevision ?? ''}...`,
    };
  }
  return {
    ok: true,
    done: true,
    message: `statefulset rolling update complete ${s.currentReplicas ?? 0} pods at revision ${s.currentRevision ?? ''}...`,
  };
}

/**
 * rolloutStatus answers `kubectl rollout status daemonset/<name> -n <namespace>` for the runner's
 * `wait: rollout` step: the current message and whether kubectl would return now.
 */
export function rolloutStatus(
  sim: Simulation,
  namespace: string,
  name: string,
  kind: 'DaemonSet' | 'Deployment' = 'DaemonSet',
): RolloutState {
  if (kind === 'Deployment') {
    const d = sim.api.get<Deployment>('Deployment', namespace, name);
    return d ? deploymentRolloutState(d) : { ok: false, error: `deployments.apps "${name}" not found` };
  }
  const ds = sim.api.get<DaemonSet>('DaemonSet', namespace, name);
  return ds ? daemonSetRolloutState(ds) : { ok: false, error: `daemonsets.apps "${name}" not found` };
}
