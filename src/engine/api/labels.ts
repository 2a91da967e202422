// Label selectors: the API's LabelSelector (matchLabels + matchExpressions), kubectl's `-l`
// strings, and how both print. Semantics follow staging/src/k8s.io/apimachinery/pkg/labels/selector.go
// and pkg/apis/meta/v1/helpers.go (LabelSelectorAsSelector, FormatLabelSelector).
import type { LabelSelector, Labels } from './types';

/** SelectorOperator is labels/selection.Operator, spelled as Go spells it. */
export type SelectorOperator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';

/** Requirement is one ANDed clause of a selector: a key, an operator and its values. */
export interface Requirement {
  key: string;
  operator: SelectorOperator;
  values: readonly string[];
}

/** RequirementsResult is a list of requirements, or why they could not be built. */
export type RequirementsResult = { ok: true; requirements: Requirement[] } | { ok: false; message: string };

const NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const INT64 = /^[+-]?\d+$/;
const INT64_MAX = 2n ** 63n - 1n;

/** parseInt64 reads a base-10 int64 as Go's strconv.ParseInt does; undefined if it is not one. */
export function parseInt64(text: string): bigint | undefined {
  if (!INT64.test(text)) return undefined;
  const n = BigInt(text);
  return n > INT64_MAX || n < -INT64_MAX - 1n ? undefined : n;
}

/** validateLabelKey says what is wrong with a label key (a qualified name), or undefined if nothing. */
export function validateLabelKey(key: string): string | undefined {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  const bad = `invalid label key "${key}": `;
  if (prefix !== undefined) {
    if (prefix.length === 0) return bad + 'prefix part must be non-empty';
    if (prefix.length > 253 || !prefix.split('.').every((l) => DNS_LABEL.test(l))) {
      return bad + 'prefix part must be a lowercase DNS subdomain (e.g. example.com)';
    }
  }
  if (name.length === 0) return bad + 'name part must be non-empty';
  if (name.length > 63) return bad + 'name part must be no more than 63 characters';
  if (!NAME.test(name)) {
    return (
      bad +
      "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character"
    );
  }
  return undefined;
}

/** validateLabelValue says what is wrong with a label value, or undefined; "" is a valid value. */
export function validateLabelValue(value: string): string | undefined {
  if (value === '') return undefined;
  if (value.length > 63) return `invalid label value "${value}": must be no more than 63 characters`;
  if (!NAME.test(value)) {
    return `invalid label value "${value}": must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character`;
  }
  return undefined;
}

/**
 * newRequirement builds a requirement with the checks of labels.NewRequirement: in/notin need
 * values, =/==/!= exactly one, exists/! none, gt/lt exactly one integer; key and values must be valid.
 */
export function newRequirement(
  key: string,
  operator: SelectorOperator,
  values: readonly string[],
): { ok: true; requirement: Requirement } | { ok: false; message: string } {
  const errors: string[] = [];
  const keyError = validateLabelKey(key);
  if (keyError) errors.push(keyError);
  if ((operator === 'in' || operator === 'notin') && values.length === 0) {
    errors.push("for 'in', 'notin' operators, values set can't be empty");
  } else if ((operator === '=' || operator === '==' || operator === '!=') && values.length !== 1) {
    errors.push('exact-match compatibility requires one single value');
  } else if ((operator === 'exists' || operator === '!') && values.length !== 0) {
    errors.push('values set must be empty for exists and does not exist');
  } else if (operator === 'gt' || operator === 'lt') {
    if (values.length !== 1) errors.push("for 'Gt', 'Lt' operators, exactly one value is required");
    for (const v of values) {
      if (parseInt64(v) === undefined)
        errors.push(`for 'Gt', 'Lt' operators, the value must be an integer: "${v}"`);
    }
  }
  for (const v of values) {
    const valueError = validateLabelValue(v);
    if (valueError) errors.push(valueError);
  }
  if (errors.length > 0) return { ok: false, message: errors.join('; ') };
  return { ok: true, requirement: { key, operator, values: [...values] } };
}

/** requirementMatches applies one requirement to a label set (Requirement.Matches). */
export function requirementMatches(req: Requirement, labels: Labels | undefined): boolean {
  const has = labels !== undefined && Object.prototype.hasOwnProperty.call(labels, req.key);
  const value = has ? labels[req.key] : undefined;
  switch (req.operator) {
    case 'in':
    case '=':
    case '==':
      return value !== undefined && req.values.includes(value);
    case 'notin':
    case '!=':
      // A missing label satisfies NotIn: "not one of these" is true of nothing.
      return value === undefined || !req.values.includes(value);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      const actual = value === undefined ? undefined : parseInt64(value);
      const bound =
        req.values.length === 1 && req.values[0] !== undefined ? parseInt64(req.values[0]) : undefined;
      if (actual === undefined || bound === undefined) return false;
      return req.operator === 'gt' ? actual > bound : actual < bound;
    }
  }
}

/** requirementsMatch ANDs requirements; an empty list matches every label set. */
export function requirementsMatch(reqs: readonly Requirement[], labels: Labels | undefined): boolean {
  return reqs.every((r) => requirementMatches(r, labels));
}

/** formatRequirement prints a requirement as Requirement.String() does: `tier in (a,b)`, `!gpu`. */
export function formatRequirement(req: Requirement): string {
  const ops: Record<SelectorOperator, string> = {
    in: ' in ',
    notin: ' notin ',
    '=': '=',
    '==': '==',
    '!=': '!=',
    gt: '>',
    lt: '<',
    exists: '',
    '!': '',
  };
  if (req.operator === 'exists') return req.key;
  if (req.operator === '!') return `!${req.key}`;
  // Multiple values print sorted, without changing the requirement itself.
  const values = req.values.length === 1 ? req.values.join('') : [...req.values].sort().join(',');
  const shown = req.operator === 'in' || req.operator === 'notin' ? `(${values})` : values;
  return `${req.key}${ops[req.operator]}${shown}`;
}

const byKey = (a: Requirement, b: Requirement): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

const EXPRESSION_OPERATORS: Readonly<Record<string, SelectorOperator>> = {
  In: 'in',
  NotIn: 'notin',
  Exists: 'exists',
  DoesNotExist: '!',
};

/**
 * labelSelectorAsRequirements converts an API LabelSelector into requirements sorted by key, as
 * metav1.LabelSelectorAsSelector does; `{}` gives no requirements, which match everything.
 */
export function labelSelectorAsRequirements(selector: LabelSelector): RequirementsResult {
  const reqs: Requirement[] = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
    const r = newRequirement(key, '=', [value]);
    if (!r.ok) return r;
    reqs.push(r.requirement);
  }
  for (const expr of selector.matchExpressions ?? []) {
    const op = EXPRESSION_OPERATORS[expr.operator];
    if (!op) return { ok: false, message: `"${expr.operator}" is not a valid label selector operator` };
    const r = newRequirement(expr.key, op, expr.values ?? []);
    if (!r.ok) return r;
    reqs.push(r.requirement);
  }
  return { ok: true, requirements: reqs.sort(byKey) };
}

/**
 * labelSelectorMatches says whether labels satisfy a LabelSelector. An empty selector `{}` matches
 * everything; a missing selector (undefined) or an invalid one matches nothing, as
 * LabelSelectorAsSelector returns labels.Nothing() for nil and callers treat errors as no match.
 */
export function labelSelectorMatches(
  selector: LabelSelector | undefined,
  labels: Labels | undefined,
): boolean {
  if (!selector) return false;
  const r = labelSelectorAsRequirements(selector);
  return r.ok && requirementsMatch(r.requirements, labels);
}

/**
 * formatLabelSelector prints a selector as kubectl describe does (metav1.FormatLabelSelector):
 * `app=fluentd,tier in (a,b)`; "<none>" when empty and "<error>" when invalid.
 */
export function formatLabelSelector(selector: LabelSelector | undefined): string {
  if (!selector) return '<none>';
  const r = labelSelectorAsRequirements(selector);
  if (!r.ok) return '<error>';
  return r.requirements.length === 0 ? '<none>' : r.requirements.map(formatRequirement).join(',');
}

// ---- kubectl -l parsing (labels.Parse) ----

type TokenKind = 'id' | 'in' | 'notin' | '!' | '=' | '==' | '!=' | '>' | '<' | '(' | ')' | ',' | 'end';
interface Token {
  kind: TokenKind;
  text: string;
}

const SPECIAL = new Set(['=', '!', '(', ')', ',', '>', '<']);
const BLANK = new Set([' ', '\t', '\r', '\n']);

function lex(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  for (;;) {
    while (i < input.length && BLANK.has(input.charAt(i))) i++;
    if (i >= input.length) return [...tokens, { kind: 'end', text: '' }];
    const c = input.charAt(i);
    if (SPECIAL.has(c)) {
      const two = input.slice(i, i + 2);
      const text = two === '!=' || two === '==' ? two : c;
      tokens.push({ kind: text as TokenKind, text });
      i += text.length;
      continue;
    }
    let j = i;
    while (j < input.length && !SPECIAL.has(input.charAt(j)) && !BLANK.has(input.charAt(j))) j++;
    const text = input.slice(i, j);
    tokens.push({ kind: text === 'in' || text === 'notin' ? text : 'id', text });
    i = j;
  }
}

/** ParsedSelector is a parsed `-l` selector: its requirements and a matcher over label sets. */
export interface ParsedSelector {
  requirements: Requirement[];
  matches: (labels: Labels | undefined) => boolean;
}

class ParseError extends Error {}

/**
 * parseSelector parses a kubectl `-l` selector (`a=b,c!=d,e in (x,y),!f,f`) with the grammar and
 * error texts of labels.Parse, e.g. "unable to parse requirement: found '', expected: identifier".
 */
export function parseSelector(
  input: string,
): { ok: true; selector: ParsedSelector } | { ok: false; message: string } {
  const tokens = lex(input);
  let pos = 0;
  // In value position the keywords `in` and `notin` are ordinary identifiers, as in Go's parser.
  const peek = (): Token => {
    const t = tokens[pos] ?? { kind: 'end', text: '' };
    return t.kind === 'in' || t.kind === 'notin' ? { kind: 'id', text: t.text } : t;
  };
  const next = (keywords = false): Token => {
    const t = tokens[pos] ?? { kind: 'end', text: '' };
    pos = Math.min(pos + 1, tokens.length);
    return !keywords && (t.kind === 'in' || t.kind === 'notin') ? { kind: 'id', text: t.text } : t;
  };
  const fail = (message: string): never => {
    throw new ParseError(message);
  };

  const parseValueSet = (): string[] => {
    const open = next();
    if (open.kind !== '(') fail(`found '${open.text}' expected: '('`);
    const first = peek();
    if (first.kind === ')') {
      next();
      return [''];
    }
    if (first.kind !== 'id' && first.kind !== ',')
      fail(`found '${first.text}', expected: ',', ')' or identifier`);
    const values = new Set<string>();
    for (;;) {
      const t = next();
      if (t.kind === 'id') {
        values.add(t.text);
        const after = peek();
        if (after.kind === ')') break;
        if (after.kind !== ',') fail(`found '${after.text}', expected: ',' or ')'`);
      } else if (t.kind === ',') {
        // "(,a" "a,,b" "a,)" all stand for the empty value too.
        if (values.size === 0) values.add('');
        const after = peek();
        if (after.kind === ')') {
          values.add('');
          break;
        }
        if (after.kind === ',') values.add('');
      } else {
        fail(`found '${t.text}', expected: ',', or identifier`);
      }
    }
    next(); // the ')'
    return [...values].sort();
  };

  const parseRequirement = (): Requirement => {
    let t = next();
    let operator: SelectorOperator | undefined;
    if (t.kind === '!') {
      operator = '!';
      t = next();
    }
    if (t.kind !== 'id') fail(`found '${t.text}', expected: identifier`);
    const key = t.text;
    const keyError = validateLabelKey(key);
    if (keyError) fail(keyError);
    const after = peek().kind;
    if (operator === undefined && (after === 'end' || after === ',')) operator = 'exists';
    if (operator === undefined) {
      const op = next(true);
      const table: Partial<Record<TokenKind, SelectorOperator>> = {
        in: 'in',
        notin: 'notin',
        '=': '=',
        '==': '==',
        '!=': '!=',
        '>': 'gt',
        '<': 'lt',
      };
      operator = table[op.kind] ?? fail(`found '${op.text}', expected: in, notin, =, ==, !=, gt, lt`);
    }
    let values: string[] = [];
    if (operator === 'in' || operator === 'notin') values = parseValueSet();
    else if (operator !== 'exists' && operator !== '!') {
      const v = peek();
      if (v.kind === 'end' || v.kind === ',') values = [''];
      else if (next().kind === 'id') values = [v.text];
      else fail(`found '${v.text}', expected: identifier`);
    }
    const r = newRequirement(key, operator, values);
    return r.ok ? r.requirement : fail(r.message);
  };

  try {
    const reqs: Requirement[] = [];
    for (;;) {
      const t = peek();
      if (t.kind === 'end') break;
      if (t.kind !== 'id' && t.kind !== '!')
        fail(`found '${t.text}', expected: !, identifier, or 'end of string'`);
      try {
        reqs.push(parseRequirement());
      } catch (e) {
        if (e instanceof ParseError) fail(`unable to parse requirement: ${e.message}`);
        throw e;
      }
      const sep = next();
      if (sep.kind === 'end') break;
      if (sep.kind !== ',') fail(`found '${sep.text}', expected: ',' or 'end of string'`);
      const following = peek();
      if (following.kind !== 'id' && following.kind !== '!') {
        fail(`found '${following.text}', expected: identifier after ','`);
      }
    }
    const requirements = reqs.sort(byKey);
    return {
      ok: true,
      selector: { requirements, matches: (labels) => requirementsMatch(requirements, labels) },
    };
  } catch (e) {
    if (e instanceof ParseError) return { ok: false, message: e.message };
    throw e;
  }
}
