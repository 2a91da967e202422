// Field-level validation errors and the API server's wording for them, after
// staging/src/k8s.io/apimachinery/pkg/util/validation/field/errors.go (Error.ErrorBody), and how
// kubectl prints an Invalid status (staging/src/k8s.io/kubectl/pkg/cmd/util/helpers.go,
// StandardErrorMessage + MultilineError).

/** FieldErrorType is the human spelling of field.ErrorType, as ErrorType.String() prints it. */
export type FieldErrorType =
  | 'Invalid value'
  | 'Unsupported value'
  | 'Required value'
  | 'Forbidden'
  | 'Duplicate value'
  | 'Too long'
  | 'Too many'
  | 'Not found'
  | 'Internal error';

/**
 * FieldError is one field.Error: the field path (`spec.template.spec.restartPolicy`), the error
 * type, and the body the API server prints after the path (`Unsupported value: "OnFailure":
 * supported values: "Always"`). `locator` is set when the manifest position of the field differs
 * from the path the API server reports (Node taints are reported under `metadata.taints`).
 */
export interface FieldError {
  path: string;
  type: FieldErrorType;
  message: string;
  locator?: string;
}

/**
 * GoStringer marks a bad value that Go prints through its String() method, unquoted: IntOrString
 * (`Invalid value: 110%`) and resource.Quantity (`Invalid value: 500m`) are such values.
 */
export interface GoStringer {
  goString: string;
}

/** stringer wraps text that Go would print with %s rather than %q. */
export function stringer(text: string): GoStringer {
  return { goString: text };
}

function isStringer(v: unknown): v is GoStringer {
  return typeof v === 'object' && v !== null && typeof (v as GoStringer).goString === 'string';
}

/** goQuote quotes a string as Go's %q does for the printable ASCII the API deals with. */
export function goQuote(s: string): string {
  return JSON.stringify(s);
}

/**
 * GoStruct marks a bad value that Go holds as a struct: encoding/json prints its fields in
 * declaration order, while maps (labels) print with sorted keys.
 */
export interface GoStruct {
  goStruct: Record<string, unknown>;
  order: readonly string[];
}

/** goStruct wraps a struct value with its Go field order (e.g. Taint: key, value, effect, timeAdded). */
export function goStruct(value: object, order: readonly string[]): GoStruct {
  return { goStruct: value as Record<string, unknown>, order };
}

/** LABEL_SELECTOR_FIELDS is metav1.LabelSelector's field order. */
export const LABEL_SELECTOR_FIELDS = ['matchLabels', 'matchExpressions'] as const;

function isGoStruct(v: unknown): v is GoStruct {
  return typeof v === 'object' && v !== null && 'goStruct' in v && 'order' in v;
}

// Maps print sorted; a GoStruct prints its known fields in order, then any others sorted.
function toGoJson(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(toGoJson);
  if (typeof v !== 'object' || v === null) return v;
  const obj = isGoStruct(v) ? v.goStruct : (v as Record<string, unknown>);
  const known = isGoStruct(v) ? v.order.filter((k) => k in obj) : [];
  const rest = Object.keys(obj)
    .filter((k) => !known.includes(k))
    .sort();
  const out: Record<string, unknown> = {};
  for (const k of [...known, ...rest]) if (obj[k] !== undefined) out[k] = toGoJson(obj[k]);
  return out;
}

/**
 * formatBadValue prints a bad value as ErrorBody does: numbers and booleans plainly, strings
 * quoted, Stringers unquoted, nil as `null`, and structs and maps as JSON (Kubernetes 1.31+;
 * older servers printed Go syntax such as `map[string]string{"app":"b"}`).
 */
export function formatBadValue(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return goQuote(value);
  if (isStringer(value)) return value.goString;
  return JSON.stringify(toGoJson(value));
}

function make(path: string, type: FieldErrorType, value: unknown, detail: string): FieldError {
  // Required, Forbidden, TooLong and Internal never print their value (ErrorBody's first cases).
  const printsValue = !['Required value', 'Forbidden', 'Too long', 'Internal error'].includes(type);
  let message: string = type;
  if (printsValue) message += `: ${formatBadValue(value)}`;
  if (detail) message += `: ${detail}`;
  return { path, type, message };
}

/** invalid is field.Invalid: `path: Invalid value: <value>: detail`. */
export function invalid(path: string, value: unknown, detail: string): FieldError {
  return make(path, 'Invalid value', value, detail);
}

/** notSupported is field.NotSupported: `Unsupported value: "x": supported values: "A", "B"`. */
export function notSupported(path: string, value: unknown, supported: readonly string[]): FieldError {
  const detail = supported.length > 0 ? 'supported values: ' + supported.map(goQuote).join(', ') : '';
  return make(path, 'Unsupported value', value, detail);
}

/** required is field.Required: `path: Required value` plus an optional detail. */
export function required(path: string, detail = ''): FieldError {
  return make(path, 'Required value', '', detail);
}

/** forbidden is field.Forbidden: `path: Forbidden: detail`. */
export function forbidden(path: string, detail: string): FieldError {
  return make(path, 'Forbidden', '', detail);
}

/** duplicate is field.Duplicate: `path: Duplicate value: "x"`. */
export function duplicate(path: string, value: unknown, detail = ''): FieldError {
  return make(path, 'Duplicate value', value, detail);
}

/** tooLong is field.TooLong: `path: Too long: must have at most N bytes`. */
export function tooLong(path: string, maxLength: number): FieldError {
  return make(path, 'Too long', '', `must have at most ${maxLength} bytes`);
}

/** notFound is field.NotFound: `path: Not found: "x"`. */
export function notFound(path: string, value: unknown): FieldError {
  return make(path, 'Not found', value, '');
}

/** formatFieldError prints an error as field.Error.Error() does: `path: body`. */
export function formatFieldError(e: FieldError): string {
  return e.path ? `${e.path}: ${e.message}` : e.message;
}

// ToAggregate drops errors whose text is already in the list (field.ErrorList.ToAggregate).
function uniqueMessages(errors: readonly FieldError[]): string[] {
  return [...new Set(errors.map(formatFieldError))];
}

/**
 * formatInvalid prints a rejected object as kubectl does: `The DaemonSet "x" is invalid: e1` for
 * one error, and for several the prefix on its own line followed by `* e1`, `* e2` lines
 * (MultilineError in kubectl's cmd/util/helpers.go).
 */
export function formatInvalid(kind: string, name: string, errors: readonly FieldError[]): string {
  const prefix = `The ${kind} ${goQuote(name)} is invalid`;
  const messages = uniqueMessages(errors);
  if (messages.length === 0) return prefix;
  if (messages.length === 1) return `${prefix}: ${messages[0] ?? ''}`;
  return `${prefix}: \n${messages.map((m) => `* ${m}`).join('\n')}`;
}

/**
 * formatStatusMessage is the API server's own Status.message for an Invalid error
 * (apierrors.NewInvalid): `DaemonSet.apps "x" is invalid: e1`, or `[e1, e2]` for several
 * (utilerrors.Aggregate's Error()). `group` is "" for the core group.
 */
export function formatStatusMessage(
  kind: string,
  group: string,
  name: string,
  errors: readonly FieldError[],
): string {
  const qualified = group ? `${kind}.${group}` : kind;
  const prefix = `${qualified} ${goQuote(name)} is invalid`;
  const messages = uniqueMessages(errors);
  if (messages.length === 0) return prefix;
  if (messages.length === 1) return `${prefix}: ${messages[0] ?? ''}`;
  return `${prefix}: [${messages.join(', ')}]`;
}

/** childPath joins a field path and a child name the way field.Path.Child does. */
export function childPath(path: string, ...names: string[]): string {
  return names.reduce((p, n) => (p ? `${p}.${n}` : n), path);
}

/** indexPath appends `[i]` (field.Path.Index). */
export function indexPath(path: string, i: number): string {
  return `${path}[${i}]`;
}

/** keyPath appends `[key]` (field.Path.Key): `resources.requests[nvidia.com/gpu]`. */
export function keyPath(path: string, key: string): string {
  return `${path}[${key}]`;
}
