// DaemonSet validation, after ValidateDaemonSet, ValidateDaemonSetSpec,
// ValidateDaemonSetUpdateStrategy and ValidateRollingUpdateDaemonSet in
// pkg/apis/apps/validation/validation.go, plus the apps/v1 selector immutability that
// pkg/registry/apps/daemonset/strategy.go (ValidateUpdate) adds.
import { labelSelectorAsRequirements, labelSelectorMatches } from '../api/labels';
import type { DaemonSet, IntOrString, LabelSelector, PodTemplateSpec } from '../api/types';
import { isValidPercent, nameIsDNSSubdomain } from './content';
import type { FieldError } from './fieldErrors';
import {
  LABEL_SELECTOR_FIELDS,
  childPath,
  goStruct,
  invalid,
  notSupported,
  required,
  stringer,
} from './fieldErrors';
import {
  validateImmutableField,
  validateLabelSelector,
  validateNonnegativeField,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from './objectMeta';
import { validatePodTemplateSpec, validateTemplateForController } from './podSpec';

/**
 * validateSelectorMatchesTemplate reports a selector that does not select its own template's
 * pods. An unusable selector (bad operator) is left to validateLabelSelector, and a missing one
 * matches nothing, as metav1.LabelSelectorAsSelector(nil) is labels.Nothing().
 */
export function validateSelectorMatchesTemplate(
  selector: LabelSelector | undefined,
  template: PodTemplateSpec | undefined,
  path: string,
): FieldError[] {
  if (selector && !labelSelectorAsRequirements(selector).ok) return [];
  const labels = template?.metadata?.labels;
  if (labelSelectorMatches(selector, labels)) return [];
  return [
    invalid(
      childPath(path, 'metadata', 'labels'),
      labels ?? null,
      '`selector` does not match template `labels`',
    ),
  ];
}

/** isEmptySelector is true for `selector: {}`, which would select every pod in the namespace. */
export function isEmptySelector(selector: LabelSelector | undefined): boolean {
  if (!selector) return false;
  return Object.keys(selector.matchLabels ?? {}).length + (selector.matchExpressions ?? []).length === 0;
}

// IntOrString prints through its String() method: unquoted (`Invalid value: 110%`).
function shown(v: IntOrString): ReturnType<typeof stringer> {
  return stringer(String(v));
}

/** percentValue returns the number in a valid "N%" string, or undefined (getPercentValue). */
export function percentValue(v: IntOrString | undefined): number | undefined {
  if (typeof v !== 'string' || isValidPercent(v).length > 0) return undefined;
  return Number(v.slice(0, -1));
}

/** intOrPercentValue is getIntOrPercentValue: the number, whether it was a count or a percentage. */
export function intOrPercentValue(v: IntOrString | undefined): number {
  if (v === undefined) return 0;
  const p = percentValue(v);
  if (p !== undefined) return p;
  // IntValue() of a non-percent string is its Atoi value, 0 when it is not a number.
  return typeof v === 'number' ? v : Number.parseInt(v, 10) || 0;
}

/** validatePositiveIntOrPercent is ValidatePositiveIntOrPercent: a percent string, or an int >= 0. */
export function validatePositiveIntOrPercent(v: IntOrString | undefined, path: string): FieldError[] {
  if (v === undefined) return [];
  if (typeof v === 'string') return isValidPercent(v).map((m) => invalid(path, shown(v), m));
  return validateNonnegativeField(v, path);
}

/** isNotMoreThan100Percent rejects percentages above 100%. */
export function isNotMoreThan100Percent(v: IntOrString | undefined, path: string): FieldError[] {
  const p = percentValue(v);
  return p !== undefined && p > 100 && v !== undefined
    ? [invalid(path, shown(v), 'must not be greater than 100%')]
    : [];
}

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
  if (isEmptySelector(s.selector)) {
    errs.push(
      invalid(
        childPath(path, 'selector'),
        goStruct(s.selector ?? {}, LABEL_SELECTOR_FIELDS),
        'empty selector is invalid for daemonset',
      ),
    );
  }
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
    ...validateImmutableField(
      ds.spec?.selector ?? null,
      old.spec?.selector ?? null,
      'spec.selector',
      LABEL_SELECTOR_FIELDS,
    ),
  ];
}
