// Metadata, labels, annotations and label selectors, as
// staging/src/k8s.io/apimachinery/pkg/api/validation/objectmeta.go and
// staging/src/k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go check them.
import type { LabelSelector, ObjectMeta } from '../api/types';
import { isQualifiedName, isValidLabelValue, nameIsDNSLabel } from './content';
import type { FieldError } from './fieldErrors';
import { childPath, forbidden, goStruct, indexPath, invalid, required, tooLong } from './fieldErrors';
import { onceIfFrozen } from './frozenMemo';

/** NameFn validates a name (or a generateName prefix) and returns what is wrong with it. */
export type NameFn = (name: string, prefix: boolean) => string[];

/** IS_NEGATIVE_ERROR_MSG is apimachinery's IsNegativeErrorMsg. */
export const IS_NEGATIVE_ERROR_MSG = 'must be greater than or equal to 0';

/** FIELD_IMMUTABLE_ERROR_MSG is apimachinery's FieldImmutableErrorMsg. */
export const FIELD_IMMUTABLE_ERROR_MSG = 'field is immutable';

// TotalAnnotationSizeLimitB in objectmeta.go: 256 kB across all keys and values.
const TOTAL_ANNOTATION_SIZE_LIMIT_B = 256 * (1 << 10);

/** validateNonnegativeField rejects negative numbers (ValidateNonnegativeField). */
export function validateNonnegativeField(value: number | undefined, path: string): FieldError[] {
  return value !== undefined && value < 0 ? [invalid(path, value, IS_NEGATIVE_ERROR_MSG)] : [];
}

/** validateLabelName checks one label key (ValidateLabelName). */
export function validateLabelName(name: string, path: string): FieldError[] {
  return isQualifiedName(name).map((m) => invalid(path, name, m));
}

/** validateLabels checks keys and values of a label map; errors carry the map's path (ValidateLabels). */
export function validateLabels(labels: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const [k, v] of Object.entries(labels ?? {})) {
    errs.push(...validateLabelName(k, path));
    errs.push(...isValidLabelValue(String(v)).map((m) => invalid(path, v, m)));
  }
  return errs;
}

/** validateAnnotations checks annotation keys (case-insensitively) and their total size. */
export function validateAnnotations(
  annotations: Record<string, string> | undefined,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  let total = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    errs.push(...isQualifiedName(k.toLowerCase()).map((m) => invalid(path, k, m)));
    total += k.length + String(v).length;
  }
  if (total > TOTAL_ANNOTATION_SIZE_LIMIT_B) errs.push(tooLong(path, TOTAL_ANNOTATION_SIZE_LIMIT_B));
  return errs;
}

/**
 * validateObjectMeta is ValidateObjectMetaAccessor for a create: name (or generateName) against
 * nameFn, namespace required for namespaced kinds and forbidden otherwise, labels, annotations.
 */
export function validateObjectMeta(
  meta: Partial<ObjectMeta> | undefined,
  namespaced: boolean,
  nameFn: NameFn,
  path = 'metadata',
): FieldError[] {
  const m = meta ?? {};
  const errs: FieldError[] = [];
  if (m.generateName) {
    errs.push(
      ...nameFn(m.generateName, true).map((msg) =>
        invalid(childPath(path, 'generateName'), m.generateName, msg),
      ),
    );
  }
  if (!m.name) errs.push(required(childPath(path, 'name'), 'name or generateName is required'));
  else errs.push(...nameFn(m.name, false).map((msg) => invalid(childPath(path, 'name'), m.name, msg)));
  if (namespaced) {
    if (!m.namespace) errs.push(required(childPath(path, 'namespace')));
    else
      errs.push(
        ...nameIsDNSLabel(m.namespace, false).map((msg) =>
          invalid(childPath(path, 'namespace'), m.namespace, msg),
        ),
      );
  } else if (m.namespace) {
    errs.push(forbidden(childPath(path, 'namespace'), 'not allowed on this type'));
  }
  errs.push(...validateNonnegativeField(m.generation, childPath(path, 'generation')));
  const labelsPath = childPath(path, 'labels');
  const annotationsPath = childPath(path, 'annotations');
  errs.push(...onceIfFrozen(m.labels, labelsPath, () => validateLabels(m.labels, labelsPath)));
  errs.push(
    ...onceIfFrozen(m.annotations, annotationsPath, () =>
      validateAnnotations(m.annotations, annotationsPath),
    ),
  );
  return errs;
}

/**
 * validateObjectMetaUpdate is ValidateObjectMetaAccessorUpdate, minus the resourceVersion check
 * (the playground's apply merges onto the stored object, which carries it): name, namespace,
 * uid and creationTimestamp may not change; generation may not go down.
 */
export function validateObjectMetaUpdate(
  meta: Partial<ObjectMeta> | undefined,
  old: Partial<ObjectMeta> | undefined,
  path = 'metadata',
): FieldError[] {
  const m = meta ?? {};
  const o = old ?? {};
  const errs: FieldError[] = [];
  if (m.generation !== undefined && o.generation !== undefined && m.generation < o.generation) {
    errs.push(invalid(childPath(path, 'generation'), m.generation, 'must not be decremented'));
  }
  const immutable = (field: 'name' | 'namespace' | 'uid' | 'creationTimestamp', always: boolean): void => {
    const a = m[field];
    const b = o[field];
    // uid and creationTimestamp are only compared when both sides carry them: a manifest
    // re-applied from a file has neither.
    if ((always || (a !== undefined && b !== undefined)) && (a ?? '') !== (b ?? '')) {
      errs.push(invalid(childPath(path, field), a ?? '', FIELD_IMMUTABLE_ERROR_MSG));
    }
  };
  immutable('name', true);
  immutable('namespace', true);
  immutable('uid', false);
  immutable('creationTimestamp', false);
  errs.push(...validateLabels(m.labels, childPath(path, 'labels')));
  errs.push(...validateAnnotations(m.annotations, childPath(path, 'annotations')));
  return errs;
}

/**
 * validateLabelSelector is ValidateLabelSelector with AllowInvalidLabelValueInSelector false:
 * matchLabels as labels; each expression's operator, values and key.
 */
export function validateLabelSelector(selector: LabelSelector | undefined, path: string): FieldError[] {
  if (!selector) return [];
  const errs = validateLabels(selector.matchLabels, childPath(path, 'matchLabels'));
  (selector.matchExpressions ?? []).forEach((expr, i) => {
    const p = indexPath(childPath(path, 'matchExpressions'), i);
    const values = expr.values ?? [];
    if (expr.operator === 'In' || expr.operator === 'NotIn') {
      if (values.length === 0) {
        errs.push(required(childPath(p, 'values'), "must be specified when `operator` is 'In' or 'NotIn'"));
      }
    } else if (expr.operator === 'Exists' || expr.operator === 'DoesNotExist') {
      if (values.length > 0) {
        errs.push(
          forbidden(
            childPath(p, 'values'),
            "may not be specified when `operator` is 'Exists' or 'DoesNotExist'",
          ),
        );
      }
    } else {
      errs.push(invalid(childPath(p, 'operator'), expr.operator ?? '', 'not a valid selector operator'));
    }
    errs.push(...validateLabelName(expr.key ?? '', childPath(p, 'key')));
    values.forEach((v, j) => {
      errs.push(...isValidLabelValue(v).map((msg) => invalid(indexPath(childPath(p, 'values'), j), v, msg)));
    });
  });
  return errs;
}

/** deepEqual compares two JSON values, as apiequality.Semantic.DeepEqual does for plain data. */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/**
 * validateImmutableField reports `field is immutable` when the value changed
 * (ValidateImmutableField); `structFields` gives a struct value's Go field order for printing.
 */
export function validateImmutableField(
  value: unknown,
  old: unknown,
  path: string,
  structFields?: readonly string[],
): FieldError[] {
  if (deepEqual(value, old)) return [];
  const shown =
    structFields && typeof value === 'object' && value !== null ? goStruct(value, structFields) : value;
  return [invalid(path, shown, FIELD_IMMUTABLE_ERROR_MSG)];
}
