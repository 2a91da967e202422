// PriorityClass validation, after pkg/apis/scheduling/validation/validation.go and the system
// classes of pkg/apis/scheduling/v1/helpers.go.
import type { PriorityClass } from '../api/types';
import { nameIsDNSSubdomain } from './content';
import type { FieldError } from './fieldErrors';
import { forbidden, notSupported, required } from './fieldErrors';
import { validateImmutableField, validateObjectMeta, validateObjectMetaUpdate } from './objectMeta';

/** HIGHEST_USER_DEFINABLE_PRIORITY is scheduling.HighestUserDefinablePriority (one billion). */
export const HIGHEST_USER_DEFINABLE_PRIORITY = 1_000_000_000;

/** SYSTEM_PRIORITY_CLASSES are the classes every cluster has, with their fixed values. */
export const SYSTEM_PRIORITY_CLASSES: Readonly<Record<string, number>> = {
  'system-node-critical': 2 * HIGHEST_USER_DEFINABLE_PRIORITY + 1000,
  'system-cluster-critical': 2 * HIGHEST_USER_DEFINABLE_PRIORITY,
};

// IsKnownSystemPriorityClass: the name must be a system class with its exact value, not global default.
function systemClassError(name: string, value: number, globalDefault: boolean): string | undefined {
  const expected = SYSTEM_PRIORITY_CLASSES[name];
  if (expected === undefined) return `${name} is not a known system priority class`;
  if (expected !== value) return `value of ${name} PriorityClass must be ${expected}`;
  if (globalDefault) return `globalDefault of ${name} PriorityClass must be false`;
  return undefined;
}

const PREEMPTION_POLICIES = ['PreemptLowerPriority', 'Never'];

/** validatePriorityClass validates a PriorityClass on create. */
export function validatePriorityClass(pc: PriorityClass): FieldError[] {
  const errs = validateObjectMeta(pc.metadata, false, nameIsDNSSubdomain);
  const name = pc.metadata?.name ?? '';
  const value = pc.value ?? 0;
  if (name.startsWith('system-')) {
    const why = systemClassError(name, value, pc.globalDefault === true);
    if (why) {
      errs.push(
        forbidden(
          'metadata.name',
          `priority class names with 'system-' prefix are reserved for system use only. error: ${why}`,
        ),
      );
    }
  } else if (value > HIGHEST_USER_DEFINABLE_PRIORITY) {
    errs.push(
      forbidden(
        'value',
        `maximum allowed value of a user defined priority is ${HIGHEST_USER_DEFINABLE_PRIORITY}`,
      ),
    );
  }
  if (pc.preemptionPolicy !== undefined) {
    const p = pc.preemptionPolicy as string;
    if (p === '') errs.push(required('preemptionPolicy'));
    else if (!PREEMPTION_POLICIES.includes(p))
      errs.push(notSupported('preemptionPolicy', p, PREEMPTION_POLICIES));
  }
  return errs;
}

/** validatePriorityClassUpdate: value and preemptionPolicy may not change. */
export function validatePriorityClassUpdate(pc: PriorityClass, old: PriorityClass): FieldError[] {
  const errs = validateObjectMetaUpdate(pc.metadata, old.metadata);
  if (pc.value !== old.value) errs.push(forbidden('value', 'may not be changed in an update.'));
  errs.push(
    ...validateImmutableField(pc.preemptionPolicy ?? null, old.preemptionPolicy ?? null, 'preemptionPolicy'),
  );
  return errs;
}
