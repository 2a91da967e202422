// jq's two ends: reading standard input as a stream of JSON texts (with jq's parse error
// wording and position), and printing results as jq does — two-space indentation, `{}`/`[]`
// for empty containers, -c on one line, -r strings raw, -S keys sorted.
import { compact, isObject, sortedKeys } from './values';
import type { Json } from './values';

/** InputValue is one JSON text of the input and the line jq reports it at (errors name it). */
export interface InputValue {
  value: Json;
  line: number;
}

function position(text: string, end: number): string {
  const before = text.slice(0, end);
  const line = before.split('\n').length;
  const column = end - (before.lastIndexOf('\n') + 1);
  return `at line ${line}, column ${column}`;
}

// The end of the JSON text starting at i: a container's matching bracket, a string's quote, or
// the end of a bare literal (number, true, false, null).
function scanEnd(text: string, i: number): number {
  const c = text.charAt(i);
  if (c === '{' || c === '[') {
    let depth = 0;
    for (let j = i; j < text.length; j++) {
      const d = text.charAt(j);
      if (d === '"') {
        j++;
        while (j < text.length && text.charAt(j) !== '"') j += text.charAt(j) === '\\' ? 2 : 1;
      } else if (d === '{' || d === '[') depth++;
      else if (d === '}' || d === ']') {
        depth--;
        if (depth === 0) return j + 1;
      }
    }
    return -1;
  }
  if (c === '"') {
    let j = i + 1;
    while (j < text.length && text.charAt(j) !== '"') j += text.charAt(j) === '\\' ? 2 : 1;
    return j < text.length ? j + 1 : -1;
  }
  let j = i;
  while (j < text.length && !/[\s{}[\],:"]/.test(text.charAt(j))) j++;
  return j;
}

/**
 * parseInputs reads the JSON texts of the input up to the first bad one, and for that one the
 * message jq prints after `jq: parse error: ` (`Invalid numeric literal at line 1, column 5`).
 */
export function parseInputs(text: string): { values: InputValue[]; error?: string } {
  const out: InputValue[] = [];
  let i = 0;
  for (;;) {
    while (i < text.length && /\s/.test(text.charAt(i))) i++;
    if (i >= text.length) return { values: out };
    const end = scanEnd(text, i);
    if (end < 0) return { values: out, error: `Unfinished JSON term at EOF ${position(text, text.length)}` };
    const piece = text.slice(i, end);
    const first = piece.charAt(0);
    let value: Json;
    try {
      value = JSON.parse(piece) as Json;
    } catch {
      // A bare word: jq's literal check names true/false/null look-alikes "Invalid literal".
      const delimiter = Math.min(end + 1, text.length);
      const kind = /^[tfn]/.test(piece)
        ? 'Invalid literal'
        : first === '{' || first === '[' || first === '"'
          ? 'Invalid JSON text'
          : 'Invalid numeric literal';
      return { values: out, error: `${kind} ${position(text, end === text.length ? end : delimiter)}` };
    }
    // jq names the line it was reading when the value ended: the newlines consumed so far.
    const newlineAfter = text.indexOf('\n', end);
    const line = text.slice(0, newlineAfter < 0 ? text.length : newlineAfter + 1).split('\n').length - 1;
    out.push({ value, line });
    i = end;
  }
}

/** PrintOptions are jq's output flags. */
export interface PrintOptions {
  compact: boolean;
  raw: boolean;
  sortKeys: boolean;
  tab: boolean;
  indent: number;
}

function sortDeep(v: Json): Json {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (isObject(v)) return Object.fromEntries(sortedKeys(v).map((k) => [k, sortDeep(v[k] ?? null)]));
  return v;
}

function pretty(v: Json, unit: string, depth: number): string {
  const pad = unit.repeat(depth + 1);
  const close = unit.repeat(depth);
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[\n${v.map((x) => pad + pretty(x, unit, depth + 1)).join(',\n')}\n${close}]`;
  }
  if (isObject(v)) {
    const entries = Object.entries(v);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([k, x]) => `${pad}${JSON.stringify(k)}: ${pretty(x, unit, depth + 1)}`).join(',\n')}\n${close}}`;
  }
  if (typeof v === 'number' && !Number.isFinite(v))
    return Number.isNaN(v) ? 'null' : v > 0 ? '1.7976931348623157e+308' : '-1.7976931348623157e+308';
  return JSON.stringify(v);
}

/** render prints one result as jq would, without the newline that follows it. */
export function render(v: Json, opts: PrintOptions): string {
  if (opts.raw && typeof v === 'string') return v;
  const value = opts.sortKeys ? sortDeep(v) : v;
  if (opts.compact) return compact(value);
  return pretty(value, opts.tab ? '\t' : ' '.repeat(opts.indent), 0);
}
