// jq's tokens (src/lexer.l in jqlang/jq): fields `.foo`, variables `$x`, formats `@tsv`,
// keywords, numbers, strings with `\(…)` interpolation, and the operators of the subset.

/** StrPart is a string literal's text or an interpolated expression's source. */
export type StrPart = { text: string } | { expr: Token[] };

export type Token =
  | { type: 'field'; name: string; at: number }
  | { type: 'var'; name: string; at: number }
  | { type: 'format'; name: string; at: number }
  | { type: 'ident'; name: string; at: number }
  | { type: 'num'; value: number; at: number }
  | { type: 'str'; parts: StrPart[]; at: number }
  | { type: 'op'; op: string; at: number }
  | { type: 'eof'; at: number };

/** JqSyntaxError is a compile error; `unexpected` is how jq's parser names the token. */
export class JqSyntaxError extends Error {
  constructor(readonly unexpected: string) {
    super(`syntax error, unexpected ${unexpected}`);
  }
}

const OPS = [
  '?//',
  '|=',
  '+=',
  '-=',
  '//',
  '==',
  '!=',
  '<=',
  '>=',
  '..',
  'and',
  'or',
  '|',
  ',',
  '<',
  '>',
  '+',
  '-',
  '*',
  '/',
  '%',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  ':',
  ';',
  '?',
  '.',
  '=',
];
const IDENT = /^[a-zA-Z_][a-zA-Z_0-9]*(::[a-zA-Z_][a-zA-Z_0-9]*)*/;
const ESCAPES: Record<string, string> = {
  n: '\n',
  t: '\t',
  r: '\r',
  b: '\b',
  f: '\f',
  '"': '"',
  '\\': '\\',
  '/': '/',
};

// A string literal from the opening quote at i: its parts, and the index after the closing quote.
function stringAt(src: string, start: number): { parts: StrPart[]; end: number } {
  const parts: StrPart[] = [];
  let text = '';
  let i = start + 1;
  while (i < src.length) {
    const c = src.charAt(i);
    if (c === '"') {
      if (text || parts.length === 0) parts.push({ text });
      return { parts, end: i + 1 };
    }
    if (c !== '\\') {
      text += c;
      i++;
      continue;
    }
    const n = src.charAt(i + 1);
    if (n === '(') {
      // An interpolation runs to its matching parenthesis; its tokens are lexed on their own.
      let depth = 1;
      let j = i + 2;
      while (j < src.length && depth > 0) {
        const d = src.charAt(j);
        if (d === '"') j = stringAt(src, j).end;
        else {
          if (d === '(') depth++;
          else if (d === ')') depth--;
          j++;
        }
      }
      if (depth > 0) throw new JqSyntaxError('end of file');
      if (text) parts.push({ text });
      text = '';
      parts.push({ expr: tokenize(src.slice(i + 2, j - 1)) });
      i = j;
    } else if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(src.slice(i + 2, i + 6))) {
      text += String.fromCharCode(parseInt(src.slice(i + 2, i + 6), 16));
      i += 6;
    } else if (ESCAPES[n] !== undefined) {
      text += ESCAPES[n];
      i += 2;
    } else throw new JqSyntaxError('INVALID_CHARACTER');
  }
  throw new JqSyntaxError('end of file');
}

/** tokenize lexes a jq program; throws JqSyntaxError for a character jq's lexer rejects. */
export function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src.charAt(i);
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src.charAt(i) !== '\n') i++;
      continue;
    }
    const rest = src.slice(i);
    const at = i;
    if (c === '"') {
      const s = stringAt(src, i);
      out.push({ type: 'str', parts: s.parts, at });
      i = s.end;
      continue;
    }
    const field = /^\.([a-zA-Z_][a-zA-Z_0-9]*)/.exec(rest);
    if (field) {
      out.push({ type: 'field', name: field[1] ?? '', at });
      i += field[0].length;
      continue;
    }
    const num = /^([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?/.exec(rest);
    if (num) {
      out.push({ type: 'num', value: Number(num[0]), at });
      i += num[0].length;
      continue;
    }
    if ((c === '$' || c === '@') && IDENT.test(rest.slice(1))) {
      const name = IDENT.exec(rest.slice(1))?.[0] ?? '';
      out.push(c === '$' ? { type: 'var', name, at } : { type: 'format', name, at });
      i += name.length + 1;
      continue;
    }
    const ident = IDENT.exec(rest);
    if (ident && ident[0] !== 'and' && ident[0] !== 'or') {
      out.push({ type: 'ident', name: ident[0], at });
      i += ident[0].length;
      continue;
    }
    const op = OPS.find((o) => rest.startsWith(o));
    if (!op) throw new JqSyntaxError('INVALID_CHARACTER');
    out.push({ type: 'op', op, at });
    i += op.length;
  }
  out.push({ type: 'eof', at: src.length });
  return out;
}
