// IntOrString fields that are a count or a percentage (a rollout's maxUnavailable and maxSurge),
// validated as pkg/apis/apps/validation does: ValidatePositiveIntOrPercent, IsNotMoreThan100Percent
// and getIntOrPercentValue. DaemonSet, Deployment and StatefulSet rollouts share them.
import type { IntOrString } from '../api/types';
import { isValidPercent } from './content';
import type { FieldError } from './fieldErrors';
import { invalid, stringer } from './fieldErrors';
import { validateNonnegativeField } from './objectMeta';

// IntOrString prints through its String() method: unquoted (`Invalid value: 110%`).
export function shown(v: IntOrString): ReturnType<typeof stringer> {
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
