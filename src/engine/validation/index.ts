// API-server validation: one entry point that picks the validator for an object's kind, as the
// registry strategies of pkg/registry/*/strategy.go do (Validate on create, ValidateUpdate on update).
import type { Kind, KubeObject } from '../api/types';
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

// Each kind's validators: on create, and on update against the stored object.
type Validators<K extends KubeObject> = [
  create: (obj: K) => FieldError[],
  update: (obj: K, old: K) => FieldError[],
];
const VALIDATORS: { [K in Kind]?: Validators<Extract<KubeObject, { kind: K }>> } = {
  DaemonSet: [validateDaemonSet, validateDaemonSetUpdate],
  Deployment: [validateDeployment, validateDeploymentUpdate],
  Job: [validateJob, validateJobUpdate],
  StatefulSet: [validateStatefulSet, validateStatefulSetUpdate],
  CronJob: [validateCronJob, validateCronJobUpdate],
  Pod: [validatePod, validatePodUpdate],
  Node: [validateNode, validateNodeUpdate],
  PriorityClass: [validatePriorityClass, validatePriorityClassUpdate],
  Namespace: [validateNamespace, validateNamespaceUpdate],
  ConfigMap: [validateConfigMap, validateConfigMapUpdate],
};

/**
 * validateObject validates an already defaulted object as the API server would: on create when
 * `old` is absent, on update otherwise. Kinds the playground only writes from controllers
 * (ReplicaSet, ControllerRevision, Event) are accepted as they are.
 */
export function validateObject(obj: KubeObject, old?: KubeObject): FieldError[] {
  const validators = VALIDATORS[obj.kind] as Validators<KubeObject> | undefined;
  if (!validators) return [];
  const [create, update] = validators;
  return old !== undefined && old.kind === obj.kind ? update(obj, old) : create(obj);
}
