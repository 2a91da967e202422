// Tolerations, taints and node affinity, as pkg/apis/core/validation/validation.go checks them
// (ValidateTolerations, validateTaintEffect, validateNodeTaints, ValidateNodeSelector,
// ValidatePreferredSchedulingTerms).
import type {
  Affinity,
  NodeSelector,
  NodeSelectorRequirement,
  NodeSelectorTerm,
  Taint,
  Toleration,
} from '../api/types';
import { isValidLabelValue, nameIsDNSSubdomain } from './content';
import type { FieldError } from './fieldErrors';
import {
  childPath,
  duplicate,
  forbidden,
  goStruct,
  indexPath,
  invalid,
  notSupported,
  required,
} from './fieldErrors';
import { validateLabelName } from './objectMeta';

const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** validateTaintEffect checks an effect; empty is allowed on tolerations, not on taints. */
export function validateTaintEffect(
  effect: string | undefined,
  allowEmpty: boolean,
  path: string,
): FieldError[] {
  if (!allowEmpty && !effect) return [required(path)];
  if (!effect || TAINT_EFFECTS.includes(effect)) return [];
  return [notSupported(path, effect, TAINT_EFFECTS)];
}

/**
 * validateTolerations is ValidateTolerations: an empty key needs operator Exists,
 * tolerationSeconds needs effect NoExecute, Exists takes no value, Equal's value is a label value.
 */
export function validateTolerations(
  tolerations: readonly Toleration[] | undefined,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  (tolerations ?? []).forEach((t, i) => {
    const p = indexPath(path, i);
    const key = t.key ?? '';
    const operator = t.operator ?? '';
    const value = t.value ?? '';
    if (key.length > 0) errs.push(...validateLabelName(key, childPath(p, 'key')));
    if (key.length === 0 && operator !== 'Exists') {
      errs.push(
        invalid(
          childPath(p, 'operator'),
          operator,
          'operator must be Exists when `key` is empty, which means "match all values and all keys"',
        ),
      );
    }
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') {
      errs.push(
        invalid(
          childPath(p, 'effect'),
          t.effect ?? '',
          "effect must be 'NoExecute' when `tolerationSeconds` is set",
        ),
      );
    }
    if (operator === 'Equal' || operator === '') {
      const msgs = isValidLabelValue(value);
      if (msgs.length > 0) errs.push(invalid(childPath(p, 'operator'), value, msgs.join(';')));
    } else if (operator === 'Exists') {
      if (value.length > 0)
        errs.push(
          invalid(childPath(p, 'operator'), value, "value must be empty when `operator` is 'Exists'"),
        );
    } else {
      errs.push(notSupported(childPath(p, 'operator'), operator, ['Equal', 'Exists']));
    }
    if (t.effect) errs.push(...validateTaintEffect(t.effect, true, childPath(p, 'effect')));
  });
  return errs;
}

/**
 * validateNodeTaints is validateNodeTaints: key, value, effect, and no two taints with the same
 * key and effect. Upstream reports these under `metadata.taints` (ValidateNode passes the
 * metadata path); `locator` points the error at `spec.taints` in the manifest.
 */
export function validateNodeTaints(
  taints: readonly Taint[] | undefined,
  path: string,
  locator: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Map<string, Set<string>>();
  const at = (e: FieldError, suffix: string): FieldError => ({ ...e, locator: locator + suffix });
  (taints ?? []).forEach((t, i) => {
    const idx = `[${i}]`;
    const p = indexPath(path, i);
    errs.push(...validateLabelName(t.key ?? '', childPath(p, 'key')).map((e) => at(e, `${idx}.key`)));
    const msgs = isValidLabelValue(t.value ?? '');
    if (msgs.length > 0)
      errs.push(at(invalid(childPath(p, 'value'), t.value ?? '', msgs.join(';')), `${idx}.value`));
    errs.push(
      ...validateTaintEffect(t.effect, false, childPath(p, 'effect')).map((e) => at(e, `${idx}.effect`)),
    );
    const keys = seen.get(t.effect) ?? new Set<string>();
    if (keys.has(t.key)) {
      errs.push(
        at(
          duplicate(
            p,
            goStruct(t, ['key', 'value', 'effect', 'timeAdded']),
            'taints must be unique by key and effect pair',
          ),
          idx,
        ),
      );
      return;
    }
    keys.add(t.key);
    seen.set(t.effect, keys);
  });
  return errs;
}

/** validateNodeSelectorRequirement checks one matchExpressions entry of node affinity. */
function validateNodeSelectorRequirement(
  rq: NodeSelectorRequirement,
  allowInvalidValues: boolean,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const values = rq.values ?? [];
  switch (rq.operator) {
    case 'In':
    case 'NotIn':
      if (values.length === 0) {
        errs.push(
          required(childPath(path, 'values'), "must be specified when `operator` is 'In' or 'NotIn'"),
        );
      }
      break;
    case 'Exists':
    case 'DoesNotExist':
      if (values.length > 0) {
        errs.push(
          forbidden(
            childPath(path, 'values'),
            "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
          ),
        );
      }
      break;
    case 'Gt':
    case 'Lt':
      if (values.length !== 1) {
        errs.push(
          required(
            childPath(path, 'values'),
            "must be specified single value when `operator` is 'Lt' or 'Gt'",
          ),
        );
      }
      break;
    default:
      errs.push(invalid(childPath(path, 'operator'), rq.operator ?? '', 'not a valid selector operator'));
  }
  errs.push(...validateLabelName(rq.key ?? '', childPath(path, 'key')));
  if (!allowInvalidValues) {
    values.forEach((v, i) => {
      errs.push(...isValidLabelValue(v).map((m) => invalid(indexPath(childPath(path, 'values'), i), v, m)));
    });
  }
  return errs;
}

/** validateNodeFieldSelectorRequirement checks matchFields: only metadata.name with In/NotIn and one value. */
function validateNodeFieldSelectorRequirement(rq: NodeSelectorRequirement, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const values = rq.values ?? [];
  if (rq.operator === 'In' || rq.operator === 'NotIn') {
    if (values.length !== 1) {
      errs.push(
        required(
          childPath(path, 'values'),
          "must be only one value when `operator` is 'In' or 'NotIn' for node field selector",
        ),
      );
    }
  } else {
    errs.push(invalid(childPath(path, 'operator'), rq.operator ?? '', 'not a valid selector operator'));
  }
  if (rq.key !== 'metadata.name') {
    errs.push(invalid(childPath(path, 'key'), rq.key ?? '', 'not a valid field selector key'));
  } else {
    values.forEach((v, i) => {
      errs.push(
        ...nameIsDNSSubdomain(v, false).map((m) => invalid(indexPath(childPath(path, 'values'), i), v, m)),
      );
    });
  }
  return errs;
}

/** validateNodeSelectorTerm checks the expressions and fields of one term. */
export function validateNodeSelectorTerm(
  term: NodeSelectorTerm,
  allowInvalidValues: boolean,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  (term.matchExpressions ?? []).forEach((rq, j) => {
    errs.push(
      ...validateNodeSelectorRequirement(
        rq,
        allowInvalidValues,
        indexPath(childPath(path, 'matchExpressions'), j),
      ),
    );
  });
  (term.matchFields ?? []).forEach((rq, j) => {
    errs.push(...validateNodeFieldSelectorRequirement(rq, indexPath(childPath(path, 'matchFields'), j)));
  });
  return errs;
}

/** validateNodeSelector requires at least one term, then checks each (ValidateNodeSelector). */
export function validateNodeSelector(selector: NodeSelector, path: string): FieldError[] {
  const termsPath = childPath(path, 'nodeSelectorTerms');
  const terms = selector.nodeSelectorTerms ?? [];
  if (terms.length === 0) return [required(termsPath, 'must have at least one node selector term')];
  return terms.flatMap((t, i) => validateNodeSelectorTerm(t, false, indexPath(termsPath, i)));
}

/** validateAffinity checks node affinity (required terms and preferred weights 1-100). */
export function validateAffinity(affinity: Affinity | undefined, path: string): FieldError[] {
  const na = affinity?.nodeAffinity;
  if (!na) return [];
  const naPath = childPath(path, 'nodeAffinity');
  const errs: FieldError[] = [];
  const req = na.requiredDuringSchedulingIgnoredDuringExecution;
  if (req)
    errs.push(
      ...validateNodeSelector(req, childPath(naPath, 'requiredDuringSchedulingIgnoredDuringExecution')),
    );
  const prefPath = childPath(naPath, 'preferredDuringSchedulingIgnoredDuringExecution');
  (na.preferredDuringSchedulingIgnoredDuringExecution ?? []).forEach((term, i) => {
    const p = indexPath(prefPath, i);
    if (!(term.weight > 0 && term.weight <= 100)) {
      errs.push(invalid(childPath(p, 'weight'), term.weight ?? 0, 'must be in the range 1-100'));
    }
    // Preferred terms always allow invalid label values: they only score nodes.
    errs.push(...validateNodeSelectorTerm(term.preference ?? {}, true, childPath(p, 'preference')));
  });
  return errs;
}
