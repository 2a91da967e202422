// What the workload kinds (DaemonSet, Deployment, StatefulSet, Job) validate alike about the
// selector that ties them to their pods, after pkg/apis/apps/validation and
// pkg/apis/batch/validation: it must select the template's own pods, may not be empty, and
// (apps/v1, batch/v1) may not change once the object exists.
import { labelSelectorAsRequirements, labelSelectorMatches } from '../api/labels';
import type { LabelSelector, PodTemplateSpec } from '../api/types';
import type { FieldError } from './fieldErrors';
import { LABEL_SELECTOR_FIELDS, childPath, goStruct, invalid, required } from './fieldErrors';
import { validateImmutableField, validateLabelSelector } from './objectMeta';

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

/** validateNotEmptySelector refuses `selector: {}`; `kind` is the lower-case word upstream's message uses. */
export function validateNotEmptySelector(
  selector: LabelSelector | undefined,
  path: string,
  kind: 'daemonset' | 'deployment' | 'statefulset',
): FieldError[] {
  if (!isEmptySelector(selector)) return [];
  return [
    invalid(path, goStruct(selector ?? {}, LABEL_SELECTOR_FIELDS), `empty selector is invalid for ${kind}`),
  ];
}

/** validateRequiredSelector: a Deployment's or StatefulSet's selector is required, valid and not empty. */
export function validateRequiredSelector(
  selector: LabelSelector | undefined,
  path: string,
  kind: 'deployment' | 'statefulset',
): FieldError[] {
  if (!selector) return [required(path)];
  return [...validateLabelSelector(selector, path), ...validateNotEmptySelector(selector, path, kind)];
}

/** validateSelectorUnchanged: an update may not change spec.selector (apps/v1 and batch/v1). */
export function validateSelectorUnchanged(
  selector: LabelSelector | undefined,
  old: LabelSelector | undefined,
): FieldError[] {
  return validateImmutableField(selector ?? null, old ?? null, 'spec.selector', LABEL_SELECTOR_FIELDS);
}
