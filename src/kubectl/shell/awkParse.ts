// The part of the awk language people pipe kubectl output into: `pattern { print … }` rules,
// BEGIN/END, fields ($1, $NF, $(NF-1)), NR/NF, comparisons, regex matches, && || !, arithmetic,
// string concatenation, print/printf and next. Parsed into a small tree (awk.ts runs it).

/** AwkExpr is an expression of the subset. */
export type AwkExpr =
  | { kind: 'num'; value: number }
  | { kind: 'str'; value: string }
  | { kind: 'regex'; source: string }
  | { kind: 'field'; index: AwkExpr }
  | { kind: 'var'; name: string }
  | { kind: 'unary'; op: '!' | '-' | '+'; arg: AwkExpr }
  | { kind: 'binary'; op: string; left: AwkExpr; right: AwkExpr }
  | { kind: 'call'; name: string; args: AwkExpr[] };

/** AwkStatement is print, printf or next. */
export type AwkStatement = { kind: 'print' | 'printf'; args: AwkExpr[] } | { kind: 'next' };

/** AwkRule is one `pattern { action }`; a missing action prints the line. */
export interface AwkRule {
  when: 'BEGIN' | 'END' | 'line';
  pattern: AwkExpr | undefined;
  action: AwkStatement[] | undefined;
}

/** AwkSyntaxError carries where in the program text parsing stopped. */
export class AwkSyntaxError extends Error {
  constructor(readonly at: number) {
    super('syntax error');
  }
}

interface Token {
  type: 'num' | 'str' | 'regex' | 'name' | 'op' | 'nl' | 'eof';
  text: string;
  at: number;
}

const OPS = [
  '&&',
  '||',
  '==',
  '!=',
  '<=',
  '>=',
  '!~',
  '>>',
  '++',
  '--',
  '+=',
  '-=',
  '{',
  '}',
  '(',
  ')',
  ',',
  ';',
  '$',
  '!',
  '~',
  '<',
  '>',
  '+',
  '-',
  '*',
  '/',
  '%',
  '=',
];
export const FUNCTIONS = new Set(['length', 'tolower', 'toupper', 'substr', 'index', 'int']);

function unescape(s: string): string {
  return s.replace(
    /\\(.)/g,
    (_, c: string) => ({ n: '\n', t: '\t', '"': '"', '\\': '\\', '/': '/' })[c] ?? `\\${c}`,
  );
}

// A `/` starts a regex where an operand is expected, else it divides.
function tokenize(src: string): Token[] {
  const out: Token[] = [];
  const operandBefore = () => {
    const t = out[out.length - 1];
    return (
      t !== undefined &&
      (t.type === 'num' || t.type === 'str' || t.type === 'name' || t.text === ')' || t.type === 'regex')
    );
  };
  let i = 0;
  while (i < src.length) {
    const c = src.charAt(i);
    if (c === ' ' || c === '\t' || (c === '\\' && src.charAt(i + 1) === '\n')) {
      i += c === '\\' ? 2 : 1;
      continue;
    }
    if (c === '#') {
      while (i < src.length && src.charAt(i) !== '\n') i++;
      continue;
    }
    if (c === '\n') {
      out.push({ type: 'nl', text: c, at: i++ });
      continue;
    }
    const at = i;
    if (/[0-9.]/.test(c) && /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.test(src.slice(i))) {
      const m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i))?.[0] ?? '';
      out.push({ type: 'num', text: m, at });
      i += m.length;
    } else if (c === '"') {
      let j = i + 1;
      while (j < src.length && src.charAt(j) !== '"') j += src.charAt(j) === '\\' ? 2 : 1;
      if (j >= src.length) throw new AwkSyntaxError(i);
      out.push({ type: 'str', text: unescape(src.slice(i + 1, j)), at });
      i = j + 1;
    } else if (c === '/' && !operandBefore()) {
      let j = i + 1;
      while (j < src.length && src.charAt(j) !== '/') j += src.charAt(j) === '\\' ? 2 : 1;
      if (j >= src.length) throw new AwkSyntaxError(i);
      out.push({ type: 'regex', text: src.slice(i + 1, j).replace(/\\\//g, '/'), at });
      i = j + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))?.[0] ?? '';
      out.push({ type: 'name', text: m, at });
      i += m.length;
    } else {
      const op = OPS.find((o) => src.startsWith(o, i));
      if (!op) throw new AwkSyntaxError(i);
      out.push({ type: 'op', text: op, at });
      i += op.length;
    }
  }
  out.push({ type: 'eof', text: '', at: src.length });
  return out;
}

/** parseAwk parses a program text; throws AwkSyntaxError. */
export function parseAwk(src: string): AwkRule[] {
  const tokens = tokenize(src);
  let p = 0;
  const peek = () => tokens[p] as Token;
  const next = () => tokens[p++] as Token;
  const isOp = (text: string) => peek().type === 'op' && peek().text === text;
  const expectOp = (text: string) => {
    if (!isOp(text)) throw new AwkSyntaxError(peek().at);
    p++;
  };
  const skipNewlines = () => {
    while (peek().type === 'nl') p++;
  };

  const startsOperand = (t: Token) =>
    t.type === 'num' ||
    t.type === 'str' ||
    t.type === 'name' ||
    (t.type === 'op' && (t.text === '$' || t.text === '(' || t.text === '!'));

  // noGt: inside print's arguments, an unparenthesized `>` is output redirection.
  function expr(noGt: boolean): AwkExpr {
    return or(noGt);
  }
  function or(noGt: boolean): AwkExpr {
    let left = and(noGt);
    while (isOp('||')) {
      p++;
      skipNewlines();
      left = { kind: 'binary', op: '||', left, right: and(noGt) };
    }
    return left;
  }
  function and(noGt: boolean): AwkExpr {
    let left = match(noGt);
    while (isOp('&&')) {
      p++;
      skipNewlines();
      left = { kind: 'binary', op: '&&', left, right: match(noGt) };
    }
    return left;
  }
  function match(noGt: boolean): AwkExpr {
    let left = compare(noGt);
    while (isOp('~') || isOp('!~')) {
      const op = next().text;
      left = { kind: 'binary', op, left, right: compare(noGt) };
    }
    return left;
  }
  function compare(noGt: boolean): AwkExpr {
    const left = concat();
    const t = peek();
    if (t.type === 'op' && ['==', '!=', '<', '<=', '>=', '>'].includes(t.text)) {
      if (noGt && (t.text === '>' || t.text === '>>')) throw new AwkSyntaxError(t.at);
      p++;
      return { kind: 'binary', op: t.text, left, right: concat() };
    }
    return left;
  }
  function concat(): AwkExpr {
    let left = additive();
    // `!` starts an operand only at the start of an expression, never in a concatenation.
    while (startsOperand(peek()) && !isOp('!'))
      left = { kind: 'binary', op: 'concat', left, right: additive() };
    return left;
  }
  function additive(): AwkExpr {
    let left = multiplicative();
    while (isOp('+') || isOp('-')) {
      const op = next().text;
      left = { kind: 'binary', op, left, right: multiplicative() };
    }
    return left;
  }
  function multiplicative(): AwkExpr {
    let left = unary();
    while (isOp('*') || isOp('/') || isOp('%')) {
      const op = next().text;
      left = { kind: 'binary', op, left, right: unary() };
    }
    return left;
  }
  function unary(): AwkExpr {
    if (isOp('!') || isOp('-') || isOp('+')) {
      const op = next().text as '!' | '-' | '+';
      return { kind: 'unary', op, arg: unary() };
    }
    return primary();
  }
  function primary(): AwkExpr {
    const t = next();
    switch (t.type) {
      case 'num':
        return { kind: 'num', value: Number(t.text) };
      case 'str':
        return { kind: 'str', value: t.text };
      case 'regex':
        return { kind: 'regex', source: t.text };
      case 'name': {
        if (FUNCTIONS.has(t.text) && isOp('(')) {
          p++;
          const args: AwkExpr[] = [];
          if (!isOp(')')) {
            args.push(expr(false));
            while (isOp(',')) {
              p++;
              args.push(expr(false));
            }
          }
          expectOp(')');
          return { kind: 'call', name: t.text, args };
        }
        if (t.text === 'length') return { kind: 'call', name: 'length', args: [] };
        if (
          ['BEGIN', 'END', 'print', 'printf', 'next', 'if', 'while', 'for', 'function', 'getline'].includes(
            t.text,
          )
        )
          throw new AwkSyntaxError(t.at);
        return { kind: 'var', name: t.text };
      }
      case 'op':
        if (t.text === '$') {
          const index = isOp('(') ? primary() : primaryNoConcat();
          return { kind: 'field', index };
        }
        if (t.text === '(') {
          const e = expr(false);
          expectOp(')');
          return e;
        }
        throw new AwkSyntaxError(t.at);
      default:
        throw new AwkSyntaxError(t.at);
    }
  }
  // `$NF-1` is ($NF)-1: `$` binds tighter than any operator.
  function primaryNoConcat(): AwkExpr {
    const t = peek();
    if (t.type === 'op' && (t.text === '-' || t.text === '+' || t.text === '!')) {
      p++;
      return { kind: 'unary', op: t.text as '-' | '+' | '!', arg: primaryNoConcat() };
    }
    return primary();
  }

  function statement(): AwkStatement | undefined {
    const t = peek();
    if (t.type === 'name' && (t.text === 'print' || t.text === 'printf')) {
      p++;
      const args: AwkExpr[] = [];
      const end = () => isOp(';') || isOp('}') || peek().type === 'nl' || peek().type === 'eof';
      if (!end()) {
        args.push(expr(true));
        while (isOp(',')) {
          p++;
          skipNewlines();
          args.push(expr(true));
        }
      }
      if (isOp('>') || isOp('>>') || isOp('|')) throw new AwkSyntaxError(peek().at);
      if (t.text === 'printf' && args.length === 0) throw new AwkSyntaxError(peek().at);
      return { kind: t.text as 'print' | 'printf', args };
    }
    if (t.type === 'name' && t.text === 'next') {
      p++;
      return { kind: 'next' };
    }
    throw new AwkSyntaxError(t.at);
  }

  function block(): AwkStatement[] {
    expectOp('{');
    const out: AwkStatement[] = [];
    for (;;) {
      while (peek().type === 'nl' || isOp(';')) p++;
      if (isOp('}')) {
        p++;
        return out;
      }
      const s = statement();
      if (s) out.push(s);
      if (!isOp('}') && !isOp(';') && peek().type !== 'nl') throw new AwkSyntaxError(peek().at);
    }
  }

  const rules: AwkRule[] = [];
  for (;;) {
    while (peek().type === 'nl' || isOp(';')) p++;
    const t = peek();
    if (t.type === 'eof') return rules;
    if (t.type === 'name' && (t.text === 'BEGIN' || t.text === 'END')) {
      p++;
      rules.push({ when: t.text, pattern: undefined, action: block() });
      continue;
    }
    const pattern = isOp('{') ? undefined : expr(false);
    const action = isOp('{') ? block() : undefined;
    rules.push({ when: 'line', pattern, action });
    // A rule ending in `}` may be followed by the next one directly; a bare pattern may not.
    const after = peek();
    if (!action && after.type !== 'eof' && after.type !== 'nl' && !isOp(';'))
      throw new AwkSyntaxError(after.at);
  }
}
