// An orphan is a pod a controller made and then let go (`kubectl delete --cascade=orphan`): the
// garbage collector removed its ownerReference, but the label its controller stamped on it stays,
// and that label says who would take it back.
import type { Pod } from '../../engine/api/types';
import { LABEL_CONTROLLER_REVISION_HASH } from '../../engine/api/wellKnown';
import { controllerRef } from './cluster';

// The label the deployment controller puts on a ReplicaSet's pods (DefaultDeploymentUniqueLabelKey).
const POD_TEMPLATE_HASH = 'pod-template-hash';

/** orphanedFrom names the kind of controller that made an ownerless pod, if one did. */
export function orphanedFrom(pod: Pod): 'DaemonSet' | 'ReplicaSet' | undefined {
  if (controllerRef(pod)) return undefined;
  const labels = pod.metadata.labels ?? {};
  if (LABEL_CONTROLLER_REVISION_HASH in labels) return 'DaemonSet';
  if (POD_TEMPLATE_HASH in labels) return 'ReplicaSet';
  return undefined;
}

// The controller behind a pod's own controller: a ReplicaSet's Deployment, a Job's CronJob.
const PARENT_KIND: Readonly<Record<string, string>> = { ReplicaSet: 'Deployment', Job: 'CronJob' };

/**
 * ownerText says who controls a pod, in the inspector's words; `deploymentOf` names the
 * controller of the pod's controller (a ReplicaSet's Deployment, a Job's CronJob).
 */
export function ownerText(pod: Pod, deploymentOf: (rsUid: string) => string | undefined): string {
  const owner = controllerRef(pod);
  if (!owner) {
    const from = orphanedFrom(pod);
    return from
      ? `orphaned: no controller; a ${from} with a matching selector would adopt it`
      : 'nothing (a bare pod)';
  }
  const parentKind = PARENT_KIND[owner.kind];
  const parent = parentKind ? deploymentOf(owner.uid) : undefined;
  return parent ? `${owner.kind}/${owner.name} (${parentKind}/${parent})` : `${owner.kind}/${owner.name}`;
}
