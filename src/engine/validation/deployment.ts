// Deployment validation, after ValidateDeployment, ValidateDeploymentSpec,
// ValidateDeploymentStrategy and ValidateRollingUpdateDeployment in
// pkg/apis/apps/validation/validation.go, and the apps/v1 selector immutability of
// pkg/registry/apps/deployment/strategy.go.
import type { Deployment } from '../api/types';
import { nameIsDNSSubdomain } from './content';
import type { FieldError } from './fieldErrors';
import { childPath, forbidden, goStruct, invalid, notSupported, required } from './fieldErrors';
import {
  intOrPercentValue,
  isNotMoreThan100Percent,
  shown,
  validatePositiveIntOrPercent,
} from './intOrPercent';
import { validateNonnegativeField, validateObjectMeta, validateObjectMetaUpdate } from './objectMeta';
import { validatePodTemplateSpec, validateTemplateForController } from './podSpec';
import {
  isEmptySelector,
  validateRequiredSelector,
  validateSelectorMatchesTemplate,
  validateSelectorUnchanged,
} from './workload';

type Strategy = Deployment['spec']['strategy'];

/** validateDeploymentStrategy: Recreate (without rollingUpdate) or RollingUpdate (with it). */
export function validateDeploymentStrategy(strategy: Strategy, path: string): FieldError[] {
  const s = strategy ?? {};
  if (s.type === 'Recreate') {
    return s.rollingUpdate
      ? [
          forbidden(
            childPath(path, 'rollingUpdate'),
            "may not be specified when strategy `type` is 'Recreate'",
          ),
        ]
      : [];
  }
  if (s.type === 'RollingUpdate') {
    const ru = s.rollingUpdate;
    if (!ru) return [required(childPath(path, 'rollingUpdate'), 'this should be defaulted and never be nil')];
    const p = childPath(path, 'rollingUpdate');
    const mu = childPath(p, 'maxUnavailable');
    const errs = [
      ...validatePositiveIntOrPercent(ru.maxUnavailable, mu),
      ...validatePositiveIntOrPercent(ru.maxSurge, childPath(p, 'maxSurge')),
    ];
    if (intOrPercentValue(ru.maxUnavailable) === 0 && intOrPercentValue(ru.maxSurge) === 0) {
      // Both zero: a rollout could neither remove an old pod nor add a new one.
      errs.push(invalid(mu, shown(ru.maxUnavailable ?? 0), 'may not be 0 when `maxSurge` is 0'));
    }
    errs.push(...isNotMoreThan100Percent(ru.maxUnavailable, mu));
    return errs;
  }
  return [notSupported(path, goStruct(s, ['type', 'rollingUpdate']), ['Recreate', 'RollingUpdate'])];
}

/** validateDeploymentSpec is ValidateDeploymentSpec, in upstream's order. */
export function validateDeploymentSpec(spec: Deployment['spec'] | undefined, path = 'spec'): FieldError[] {
  const s = spec ?? ({} as Partial<Deployment['spec']>);
  const errs = [
    ...validateNonnegativeField(s.replicas, childPath(path, 'replicas')),
    ...validateRequiredSelector(s.selector, childPath(path, 'selector'), 'deployment'),
  ];
  const templatePath = childPath(path, 'template');
  // ValidatePodTemplateSpecForReplicaSet only compares labels when the selector is not empty.
  if (s.selector && !isEmptySelector(s.selector)) {
    errs.push(...validateSelectorMatchesTemplate(s.selector, s.template, templatePath));
  }
  errs.push(...validatePodTemplateSpec(s.template, templatePath));
  errs.push(...validateTemplateForController(s.template, templatePath, 'ReplicaSet'));
  errs.push(...validateDeploymentStrategy(s.strategy, childPath(path, 'strategy')));
  errs.push(...validateNonnegativeField(s.minReadySeconds, childPath(path, 'minReadySeconds')));
  errs.push(...validateNonnegativeField(s.revisionHistoryLimit, childPath(path, 'revisionHistoryLimit')));
  const pds = (s as { progressDeadlineSeconds?: number }).progressDeadlineSeconds;
  if (pds !== undefined) {
    errs.push(...validateNonnegativeField(pds, childPath(path, 'progressDeadlineSeconds')));
    if (pds <= (s.minReadySeconds ?? 0)) {
      errs.push(
        invalid(childPath(path, 'progressDeadlineSeconds'), pds, 'must be greater than minReadySeconds'),
      );
    }
  }
  return errs;
}

/** validateDeployment validates a Deployment on create. */
export function validateDeployment(d: Deployment): FieldError[] {
  return [...validateObjectMeta(d.metadata, true, nameIsDNSSubdomain), ...validateDeploymentSpec(d.spec)];
}

/** validateDeploymentUpdate validates an update: create rules, metadata update rules, same selector. */
export function validateDeploymentUpdate(d: Deployment, old: Deployment): FieldError[] {
  return [
    ...validateObjectMetaUpdate(d.metadata, old.metadata),
    ...validateDeploymentSpec(d.spec),
    ...validateSelectorUnchanged(d.spec?.selector, old.spec?.selector),
  ];
}
