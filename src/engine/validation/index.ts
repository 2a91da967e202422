// API-server validation: one entry point that picks the validator for an object's kind, as the
// registry strategies of pkg/registry/*/strategy.go do (Validate on create, ValidateUpdate on update).
import type {
  ConfigMap,
  CronJob,
  DaemonSet,
  Deployment,
  Job,
  KubeObject,
  Namespace,
  Node,
  Pod,
  PriorityClass,
  StatefulSet,
} from '../api/types';
import { validateCronJob, validateCronJobUpdate } from './cronJob';
import { validateDaemonSet, validateDaemonSetUpdate } from './daemonSet';
import { validateDeployment, validateDeploymentUpdate } from './deployment';
import type { FieldError } from './fieldErrors';
import { validateJob, validateJobUpdate } from './job';
import {
  validateConfigMap,
  validateConfigMapUpdate,
  validateNamespace,
  validateNamespaceUpdate,
} from './namespace';
import { validateNode, validateNodeUpdate } from './node';
import { validatePod, validatePodUpdate } from './pod';
import { validatePriorityClass, validatePriorityClassUpdate } from './priorityClass';
import { validateStatefulSet, validateStatefulSetUpdate } from './statefulSet';

export type { FieldError } from './fieldErrors';
export { formatFieldError } from './fieldErrors';

/**
 * validateObject validates an already defaulted object as the API server would: on create when
 * `old` is absent, on update otherwise. Kinds the playground only writes from controllers
 * (ReplicaSet, ControllerRevision, Event) are accepted as they are.
 */
export function validateObject(obj: KubeObject, old?: KubeObject): FieldError[] {
  const same = old !== undefined && old.kind === obj.kind ? old : undefined;
  switch (obj.kind) {
    case 'DaemonSet':
      return same ? validateDaemonSetUpdate(obj, same as DaemonSet) : validateDaemonSet(obj);
    case 'Deployment':
      return same ? validateDeploymentUpdate(obj, same as Deployment) : validateDeployment(obj);
    case 'Job':
      return same ? validateJobUpdate(obj, same as Job) : validateJob(obj);
    case 'StatefulSet':
      return same ? validateStatefulSetUpdate(obj, same as StatefulSet) : validateStatefulSet(obj);
    case 'CronJob':
      return same ? validateCronJobUpdate(obj, same as CronJob) : validateCronJob(obj);
    case 'Pod':
      return same ? validatePodUpdate(obj, same as Pod) : validatePod(obj);
    case 'Node':
      return same ? validateNodeUpdate(obj, same as Node) : validateNode(obj);
    case 'PriorityClass':
      return same ? validatePriorityClassUpdate(obj, same as PriorityClass) : validatePriorityClass(obj);
    case 'Namespace':
      return same ? validateNamespaceUpdate(obj, same as Namespace) : validateNamespace(obj);
    case 'ConfigMap':
      return same ? validateConfigMapUpdate(obj, same as ConfigMap) : validateConfigMap(obj);
    default:
      return [];
  }
}
