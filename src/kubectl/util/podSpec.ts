// Reaching the pod spec inside an object, as polymorphichelpers.UpdatePodSpecForObject does:
// a Pod's own spec, the pod template of a DaemonSet, Deployment, ReplicaSet, StatefulSet or Job,
// or a CronJob's job template (a Job's is immutable: the API server refuses the change).
import type { KubeObject, PodSpec } from '../../engine/api/types';

/** updatePodSpec returns a copy of the object with a change applied to its pod spec, or an error. */
export function updatePodSpec<T extends KubeObject>(
  obj: T,
  change: (spec: PodSpec) => void,
): { ok: true; object: T } | { ok: false; error: string } {
  const copy = JSON.parse(JSON.stringify(obj)) as T;
  switch (copy.kind) {
    case 'Pod':
      change(copy.spec);
      return { ok: true, object: copy };
    case 'DaemonSet':
    case 'Deployment':
    case 'ReplicaSet':
    case 'StatefulSet':
    case 'Job':
      change(copy.spec.template.spec);
      return { ok: true, object: copy };
    case 'CronJob':
      change(copy.spec.jobTemplate.spec.template.spec);
      return { ok: true, object: copy };
    default:
      return { ok: false, error: `the object is not a pod or does not have a pod template: *v1.${obj.kind}` };
  }
}
