// StatefulSet validation, after ValidateStatefulSet, ValidateStatefulSetSpec,
// ValidatePodTemplateSpecForStatefulSet, validateRollingUpdateStatefulSet,
// ValidatePersistentVolumeClaimRetentionPolicy and ValidateStatefulSetUpdate in
// pkg/apis/apps/validation/validation.go. Upstream leaves the template's pod spec unvalidated here
// (its volumes would not resolve before the claim templates are stamped): a bad container shows
// up when the controller's pod create is refused, as a FailedCreate event.
import type { StatefulSet, StatefulSetSpec } from '../api/types';
import { nameIsDNSLabel } from './content';
import type { FieldError } from './fieldErrors';
import { childPath, forbidden, goStruct, invalid, notSupported, required } from './fieldErrors';
import {
  intOrPercentValue,
  isNotMoreThan100Percent,
  shown,
  validatePositiveIntOrPercent,
} from './intOrPercent';
import {
  deepEqual,
  validateAnnotations,
  validateLabels,
  validateNonnegativeField,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from './objectMeta';
import { validateTemplateForController } from './podSpec';
import { isEmptySelector, validateRequiredSelector, validateSelectorMatchesTemplate } from './workload';

const RETENTION_POLICIES = ['Retain', 'Delete'] as const;
const STRATEGY_FIELDS = ['type', 'rollingUpdate'] as const;
const ROLLING_UPDATE_FIELDS = ['partition', 'maxUnavailable'] as const;

function validateRetentionPolicyType(value: string | undefined, path: string): FieldError[] {
  return RETENTION_POLICIES.includes(value as (typeof RETENTION_POLICIES)[number])
    ? []
    : [notSupported(path, value ?? '', RETENTION_POLICIES)];
}

/** validateRollingUpdateStatefulSet: partition not negative; maxUnavailable positive, not 0, at most 100%. */
function validateRollingUpdateStatefulSet(
  ru: NonNullable<NonNullable<StatefulSetSpec['updateStrategy']>['rollingUpdate']>,
  path: string,
): FieldError[] {
  const errs = validateNonnegativeField(ru.partition ?? 0, childPath(path, 'partition'));
  const mu = ru.maxUnavailable;
  if (mu !== undefined) {
    const muPath = childPath(path, 'maxUnavailable');
    errs.push(...validatePositiveIntOrPercent(mu, muPath));
    if (intOrPercentValue(mu) === 0) errs.push(invalid(muPath, shown(mu), 'cannot be 0'));
    errs.push(...isNotMoreThan100Percent(mu, muPath));
  }
  return errs;
}

function validateUpdateStrategy(spec: Partial<StatefulSetSpec>, path: string): FieldError[] {
  const s = spec.updateStrategy ?? {};
  const strategyPath = childPath(path, 'updateStrategy');
  switch (s.type ?? '') {
    case '':
      return [required(strategyPath)];
    case 'OnDelete':
      return s.rollingUpdate
        ? [
            invalid(
              childPath(strategyPath, 'rollingUpdate'),
              goStruct(s.rollingUpdate, ROLLING_UPDATE_FIELDS),
              "only allowed for updateStrategy 'RollingUpdate'",
            ),
          ]
        : [];
    case 'RollingUpdate':
      return s.rollingUpdate
        ? validateRollingUpdateStatefulSet(s.rollingUpdate, childPath(strategyPath, 'rollingUpdate'))
        : [];
    default:
      return [invalid(strategyPath, goStruct(s, STRATEGY_FIELDS), "must be 'RollingUpdate' or 'OnDelete'")];
  }
}

/** validateStatefulSetSpec is ValidateStatefulSetSpec, in upstream's order. */
export function validateStatefulSetSpec(spec: StatefulSetSpec | undefined, path = 'spec'): FieldError[] {
  const s = spec ?? ({} as Partial<StatefulSetSpec>);
  const errs: FieldError[] = [];
  const policyPath = childPath(path, 'podManagementPolicy');
  const policy = s.podManagementPolicy ?? '';
  if (policy === '') errs.push(required(policyPath));
  else if (policy !== 'OrderedReady' && policy !== 'Parallel')
    errs.push(invalid(policyPath, policy, "must be 'OrderedReady' or 'Parallel'"));
  errs.push(...validateUpdateStrategy(s, path));
  const retention = s.persistentVolumeClaimRetentionPolicy;
  if (retention) {
    const p = childPath(path, 'persistentVolumeClaimRetentionPolicy');
    errs.push(...validateRetentionPolicyType(retention.whenDeleted, childPath(p, 'whenDeleted')));
    errs.push(...validateRetentionPolicyType(retention.whenScaled, childPath(p, 'whenScaled')));
  }
  errs.push(...validateNonnegativeField(s.replicas, childPath(path, 'replicas')));
  errs.push(...validateNonnegativeField(s.minReadySeconds, childPath(path, 'minReadySeconds')));
  if (s.ordinals) errs.push(...validateNonnegativeField(s.ordinals.start, childPath(path, 'ordinals.start')));
  errs.push(...validateRequiredSelector(s.selector, childPath(path, 'selector'), 'statefulset'));
  // ValidatePodTemplateSpecForStatefulSet: an empty selector (everything) is not compared.
  const templatePath = childPath(path, 'template');
  if (!isEmptySelector(s.selector))
    errs.push(...validateSelectorMatchesTemplate(s.selector, s.template, templatePath));
  const meta = s.template?.metadata ?? {};
  errs.push(...validateLabels(meta.labels, childPath(templatePath, 'labels')));
  errs.push(...validateAnnotations(meta.annotations, childPath(templatePath, 'annotations')));
  errs.push(...validateTemplateForController(s.template, templatePath, 'StatefulSet'));
  return errs;
}

/** validateStatefulSet validates a StatefulSet on create; its name is a DNS label (pods append `-N`). */
export function validateStatefulSet(sts: StatefulSet): FieldError[] {
  return [...validateObjectMeta(sts.metadata, true, nameIsDNSLabel), ...validateStatefulSetSpec(sts.spec)];
}

// The spec fields an update may change (ValidateStatefulSetUpdate); everything else is frozen.
const MUTABLE_SPEC_FIELDS = [
  'replicas',
  'ordinals',
  'template',
  'updateStrategy',
  'persistentVolumeClaimRetentionPolicy',
  'minReadySeconds',
] as const;

/** validateStatefulSetUpdate: spec rules, metadata update rules, and only the mutable fields changed. */
export function validateStatefulSetUpdate(sts: StatefulSet, old: StatefulSet): FieldError[] {
  const errs = [
    ...validateObjectMetaUpdate(sts.metadata, old.metadata),
    ...validateStatefulSetSpec(sts.spec),
  ];
  const frozen = (spec: StatefulSetSpec | undefined): Record<string, unknown> => {
    const rest: Record<string, unknown> = { ...(spec ?? {}) };
    for (const f of MUTABLE_SPEC_FIELDS) delete rest[f];
    return rest;
  };
  if (!deepEqual(frozen(sts.spec), frozen(old.spec)))
    errs.push(
      forbidden(
        'spec',
        "updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden",
      ),
    );
  return errs;
}
