// A small JSONPath template engine with the syntax kubectl's `-o jsonpath=` accepts
// (k8s.io/client-go/util/jsonpath): `{.items[*].metadata.name}`, `{.status.numberReady}`,
// `{range .items[*]}{.metadata.name}{"\n"}{end}`, `[0]`, `[1:3]`, `['key.with.dots']`,
// `kubernetes\.io/hostname`, and filters `[?(@.type=="Ready")]`. Missing keys print nothing,
// as kubectl's --allow-missing-template-keys (default true) does.

type Segment =
  | { kind: 'field'; name: string }
  | { kind: 'recursive'; name: string }
  | { kind: 'wildcard' }
  | { kind: 'index'; index: number }
  | { kind: 'slice'; start: number | undefined; end: number | undefined }
  | { kind: 'filter'; path: Segment[]; op: '==' | '!=' | '<' | '>' | '<=' | '>=' | 'exists'; value: unknown };

type Node =
  | { kind: 'text'; text: string }
  | { kind: 'path'; path: Segment[] }
  | { kind: 'range'; path: Segment[]; body: Node[] };

/** JsonPathError is a template that cannot be parsed, with kubectl-like wording. */
export class JsonPathError extends Error {}

function unquote(literal: string): string {
  return literal
    .slice(1, -1)
    .replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c === 't' ? '\t' : c === 'r' ? '\r' : c));
}

function parseLiteral(text: string): unknown {
  const t = text.trim();
  if (/^(["']).*\1$/.test(t)) return unquote(t);
  if (t === 'true' || t === 'false') return t === 'true';
  if (t !== '' && !Number.isNaN(Number(t))) return Number(t);
  return t;
}

function parsePath(expr: string): Segment[] {
  let s = expr.trim();
  if (s.startsWith('$') || s.startsWith('@')) s = s.slice(1);
  const segments: Segment[] = [];
  let i = 0;
  const readName = (): string => {
    let name = '';
    while (i < s.length && s.charAt(i) !== '.' && s.charAt(i) !== '[') {
      if (s.charAt(i) === '\\' && i + 1 < s.length) i++;
      name += s.charAt(i++);
    }
    return name;
  };
  while (i < s.length) {
    const c = s.charAt(i);
    if (c === '.') {
      if (s.charAt(i + 1) === '.') {
        i += 2;
        segments.push({ kind: 'recursive', name: readName() });
        continue;
      }
      i++;
      if (s.charAt(i) === '*') {
        i++;
        segments.push({ kind: 'wildcard' });
        continue;
      }
      const name = readName();
      if (name) segments.push({ kind: 'field', name });
      continue;
    }
    if (c === '[') {
      const close = findClose(s, i);
      const inner = s.slice(i + 1, close).trim();
      i = close + 1;
      segments.push(parseBracket(inner));
      continue;
    }
    const name = readName();
    if (!name) throw new JsonPathError(`unrecognized character in action: ${c}`);
    segments.push({ kind: 'field', name });
  }
  return segments;
}

function findClose(s: string, open: number): number {
  let depth = 0;
  let quote = '';
  for (let i = open; i < s.length; i++) {
    const c = s.charAt(i);
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '[' || c === '(') depth++;
    else if (c === ']' || c === ')') {
      depth--;
      if (depth === 0 && c === ']') return i;
    }
  }
  throw new JsonPathError('unclosed array expect ]');
}

function parseBracket(inner: string): Segment {
  if (inner === '*') return { kind: 'wildcard' };
  if (/^(["']).*\1$/.test(inner)) return { kind: 'field', name: unquote(inner) };
  if (inner.startsWith('?(') && inner.endsWith(')')) {
    const body = inner.slice(2, -1).trim();
    const m = /^(@[^=!<>]*?)\s*(==|!=|<=|>=|<|>)\s*(.+)$/.exec(body);
    if (!m) return { kind: 'filter', path: parsePath(body), op: 'exists', value: undefined };
    return { kind: 'filter', path: parsePath(m[1] ?? ''), op: m[2] as '==', value: parseLiteral(m[3] ?? '') };
  }
  if (inner.includes(':')) {
    const [a = '', b = ''] = inner.split(':');
    return { kind: 'slice', start: a.trim() ? Number(a) : undefined, end: b.trim() ? Number(b) : undefined };
  }
  if (/^-?\d+$/.test(inner)) return { kind: 'index', index: Number(inner) };
  throw new JsonPathError(`invalid array index ${inner}`);
}

function parseTemplate(template: string): Node[] {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    const current = stack[stack.length - 1] ?? root;
    if (open < 0) {
      current.push({ kind: 'text', text: template.slice(i) });
      break;
    }
    if (open > i) current.push({ kind: 'text', text: template.slice(i, open) });
    const close = findAction(template, open);
    const action = template.slice(open + 1, close).trim();
    i = close + 1;
    if (action === 'end') {
      if (stack.length === 1) throw new JsonPathError('not in range, nothing to end');
      stack.pop();
    } else if (action.startsWith('range ')) {
      const body: Node[] = [];
      current.push({ kind: 'range', path: parsePath(action.slice(6)), body });
      stack.push(body);
    } else if (/^(["']).*\1$/s.test(action)) {
      current.push({ kind: 'text', text: unquote(action) });
    } else {
      current.push({ kind: 'path', path: parsePath(action) });
    }
  }
  if (stack.length > 1) throw new JsonPathError('unclosed action');
  return root;
}

function findAction(template: string, open: number): number {
  let quote = '';
  for (let i = open + 1; i < template.length; i++) {
    const c = template.charAt(i);
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = '';
    } else if (c === '"') quote = c;
    else if (c === '}') return i;
  }
  throw new JsonPathError('unclosed action');
}

function children(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (v !== null && typeof v === 'object') return Object.values(v);
  return [];
}

function compare(a: unknown, op: string, b: unknown): boolean {
  switch (op) {
    case '==':
      return a === b || (a !== undefined && String(a) === String(b));
    case '!=':
      return a !== undefined && String(a) !== String(b);
    case '<':
      return Number(a) < Number(b);
    case '>':
      return Number(a) > Number(b);
    case '<=':
      return Number(a) <= Number(b);
    case '>=':
      return Number(a) >= Number(b);
    default:
      return a !== undefined;
  }
}

function step(values: unknown[], seg: Segment): unknown[] {
  const out: unknown[] = [];
  for (const v of values) {
    switch (seg.kind) {
      case 'field':
        if (v !== null && typeof v === 'object' && !Array.isArray(v) && seg.name in v)
          out.push((v as Record<string, unknown>)[seg.name]);
        break;
      case 'wildcard':
        out.push(...children(v));
        break;
      case 'index':
        if (Array.isArray(v)) {
          const item: unknown = v[seg.index < 0 ? v.length + seg.index : seg.index];
          if (item !== undefined) out.push(item);
        }
        break;
      case 'slice':
        if (Array.isArray(v)) out.push(...v.slice(seg.start, seg.end));
        break;
      case 'filter':
        for (const item of children(v)) {
          const found = evaluate(seg.path, item);
          if (found.length > 0 && compare(found[0], seg.op, seg.value)) out.push(item);
        }
        break;
      case 'recursive': {
        const walk = (x: unknown): void => {
          if (x !== null && typeof x === 'object' && !Array.isArray(x) && seg.name in x)
            out.push((x as Record<string, unknown>)[seg.name]);
          for (const c of children(x)) walk(c);
        };
        walk(v);
        break;
      }
    }
  }
  return out;
}

/** evaluate applies a parsed path to a value and returns every match. */
function evaluate(path: Segment[], value: unknown): unknown[] {
  return path.reduce<unknown[]>((vals, seg) => step(vals, seg), [value]);
}

function text(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

function render(nodes: Node[], value: unknown): string {
  let out = '';
  for (const node of nodes) {
    if (node.kind === 'text') out += node.text;
    else if (node.kind === 'path') out += evaluate(node.path, value).map(text).join(' ');
    else for (const item of evaluate(node.path, value)) out += render(node.body, item);
  }
  return out;
}

/**
 * jsonPath renders a kubectl jsonpath template against a value. A template without braces is
 * treated as one expression (`--sort-by=.lastTimestamp`). Throws JsonPathError when unparsable.
 */
export function jsonPath(template: string, value: unknown): string {
  const t = template.includes('{') ? template : `{${template}}`;
  return render(parseTemplate(t), value);
}

/** jsonPathValues returns the raw matches of a single expression (for --sort-by and custom columns). */
export function jsonPathValues(expr: string, value: unknown): unknown[] {
  const inner = expr.trim().replace(/^\{(.*)\}$/s, '$1');
  return evaluate(parsePath(inner), value);
}
