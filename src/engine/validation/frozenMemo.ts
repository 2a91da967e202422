// Validation answers for frozen data. A DaemonSet's thousands of pods share their revision's
// frozen containers and tolerations; what cannot change needs checking only once per context.
import type { FieldError } from './fieldErrors';

const answers = new WeakMap<object, Map<string, readonly FieldError[]>>();

/**
 * onceIfFrozen returns compute()'s errors, remembered per (value, context) when value is frozen.
 * `context` must name everything else the answer depends on (the field path, sibling fields).
 */
export function onceIfFrozen(
  value: object | undefined,
  context: string,
  compute: () => FieldError[],
): readonly FieldError[] {
  if (!value || !Object.isFrozen(value)) return compute();
  let byContext = answers.get(value);
  if (!byContext) answers.set(value, (byContext = new Map()));
  let errs = byContext.get(context);
  if (!errs) byContext.set(context, (errs = Object.freeze(compute())));
  return errs;
}
