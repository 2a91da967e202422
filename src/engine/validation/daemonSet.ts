// DaemonSet validation, after ValidateDaemonSet, ValidateDaemonSetSpec,
// ValidateDaemonSetUpdateStrategy and ValidateRollingUpdateDaemonSet in
// pkg/apis/apps/validation/validation.go, plus the apps/v1 selector immutability that
// pkg/registry/apps/daemonset/strategy.go (ValidateUpdate) adds.
import type { DaemonSet, IntOrString } from '../api/types';
import { nameIsDNSSubdomain } from './content';
import type { FieldError } from './fieldErrors';
import { childPath, goStruct, invalid, notSupported, required } from './fieldErrors';
import {
  intOrPercentValue,
  isNotMoreThan100Percent,
  shown,
  validatePositiveIntOrPercent,
} from './intOrPercent';
import {
  validateLabelSelector,
  validateNonnegativeField,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from './objectMeta';
import { validatePodTemplateSpec, validateTemplateForController } from './podSpec';
import {
  validateNotEmptySelector,
  validateSelectorMatchesTemplate,
  validateSelectorUnchanged,
} from './workload';

/**
 * validateRollingUpdateDaemonSet: both fields ints >= 0 or percentages <= 100%, and exactly one
 * of them non-zero. Both zero could never make progress; both non-zero is not supported, since
 * surge replaces pods before removing them while maxUnavailable removes first.
 */
export function validateRollingUpdateDaemonSet(
  ru: { maxUnavailable?: IntOrString; maxSurge?: IntOrString },
  path: string,
): FieldError[] {
  const mu = childPath(path, 'maxUnavailable');
  const ms = childPath(path, 'maxSurge');
  const errs = [
    ...validatePositiveIntOrPercent(ru.maxUnavailable, mu),
    ...validatePositiveIntOrPercent(ru.maxSurge, ms),
    ...isNotMoreThan100Percent(ru.maxUnavailable, mu),
    ...isNotMoreThan100Percent(ru.maxSurge, ms),
  ];
  const hasUnavailable = intOrPercentValue(ru.maxUnavailable) !== 0;
  const hasSurge = intOrPercentValue(ru.maxSurge) !== 0;
  if (hasUnavailable && hasSurge && ru.maxSurge !== undefined) {
    errs.push(invalid(ms, shown(ru.maxSurge), 'may not be set when maxUnavailable is non-zero'));
  } else if (!hasUnavailable && !hasSurge) {
    errs.push(required(mu, 'cannot be 0 when maxSurge is 0'));
  }
  return errs;
}

/** validateDaemonSetUpdateStrategy: RollingUpdate (which needs rollingUpdate) or OnDelete. */
export function validateDaemonSetUpdateStrategy(
  strategy: DaemonSet['spec']['updateStrategy'],
  path: string,
): FieldError[] {
  const s = strategy ?? {};
  if (s.type === 'OnDelete') return [];
  if (s.type === 'RollingUpdate') {
    if (!s.rollingUpdate) return [required(childPath(path, 'rollingUpdate'))];
    return validateRollingUpdateDaemonSet(s.rollingUpdate, childPath(path, 'rollingUpdate'));
  }
  return [notSupported(path, goStruct(s, ['type', 'rollingUpdate']), ['RollingUpdate', 'OnDelete'])];
}

/** validateDaemonSetSpec is ValidateDaemonSetSpec, in upstream's order. */
export function validateDaemonSetSpec(spec: DaemonSet['spec'] | undefined, path = 'spec'): FieldError[] {
  const s = spec ?? ({} as Partial<DaemonSet['spec']>);
  const errs = [...validateLabelSelector(s.selector, childPath(path, 'selector'))];
  errs.push(...validateSelectorMatchesTemplate(s.selector, s.template, childPath(path, 'template')));
  errs.push(...validateNotEmptySelector(s.selector, childPath(path, 'selector'), 'daemonset'));
  errs.push(...validatePodTemplateSpec(s.template, childPath(path, 'template')));
  errs.push(...validateTemplateForController(s.template, childPath(path, 'template'), 'DaemonSet'));
  errs.push(...validateNonnegativeField(s.minReadySeconds, childPath(path, 'minReadySeconds')));
  errs.push(...validateDaemonSetUpdateStrategy(s.updateStrategy, childPath(path, 'updateStrategy')));
  // zero is a valid revisionHistoryLimit: keep no old ControllerRevisions.
  errs.push(...validateNonnegativeField(s.revisionHistoryLimit, childPath(path, 'revisionHistoryLimit')));
  return errs;
}

/** validateDaemonSet validates a DaemonSet on create: metadata, then spec. */
export function validateDaemonSet(ds: DaemonSet): FieldError[] {
  return [...validateObjectMeta(ds.metadata, true, nameIsDNSSubdomain), ...validateDaemonSetSpec(ds.spec)];
}

/**
 * validateDaemonSetUpdate validates a DaemonSet replacing `old`: everything a create checks,
 * the metadata update rules, and (apps/v1) an unchanged selector.
 */
export function validateDaemonSetUpdate(ds: DaemonSet, old: DaemonSet): FieldError[] {
  return [
    ...validateDaemonSet(ds),
    ...validateObjectMetaUpdate(ds.metadata, old.metadata),
    ...validateSelectorUnchanged(ds.spec?.selector, old.spec?.selector),
  ];
}
