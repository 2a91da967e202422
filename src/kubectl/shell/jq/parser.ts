// jq's grammar (src/parser.y in jqlang/jq) for the subset: pipes, `,`, `//`, `or`/`and`,
// comparisons, arithmetic, `.foo` `.[e]` `.[a:b]` `.[]` `?` suffixes, literals, string
// interpolation, `[…]`, `{…}`, `if`, `try`, `reduce`, `… as $x | …` and function calls.
import type { JqNode } from './ast';
import { JqSyntaxError, tokenize } from './lexer';
import type { Token } from './lexer';

function describe(t: Token): string {
  switch (t.type) {
    case 'eof':
      return 'end of file';
    case 'ident':
      return 'IDENT';
    case 'field':
      return 'FIELD';
    case 'var':
      return '$';
    case 'format':
      return 'FORMAT';
    case 'num':
      return 'LITERAL';
    case 'str':
      return 'QQSTRING_START';
    case 'op':
      return t.op.length === 1 ? `'${t.op}'` : t.op;
  }
}

const COMPARISONS = ['==', '!=', '<', '<=', '>', '>='];
const ASSIGNMENTS = ['=', '|=', '+=', '-='];
const KEYWORDS = new Set([
  'then',
  'elif',
  'else',
  'end',
  'as',
  'catch',
  'def',
  'foreach',
  'import',
  'include',
  'label',
]);

class Parser {
  private p = 0;
  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.p] as Token;
  }
  private isOp(op: string): boolean {
    const t = this.peek();
    return t.type === 'op' && t.op === op;
  }
  private isIdent(name: string): boolean {
    const t = this.peek();
    return t.type === 'ident' && t.name === name;
  }
  private fail(): never {
    throw new JqSyntaxError(describe(this.peek()));
  }
  private expectOp(op: string): void {
    if (!this.isOp(op)) this.fail();
    this.p++;
  }
  private expectIdent(name: string): void {
    if (!this.isIdent(name)) this.fail();
    this.p++;
  }

  program(): JqNode {
    if (this.peek().type === 'eof') return { kind: 'identity' };
    const node = this.pipe();
    if (this.peek().type !== 'eof') this.fail();
    return node;
  }

  // Term as $x | body — binds for everything after the pipe.
  pipe(noComma = false): JqNode {
    const left = noComma ? this.alt() : this.comma();
    if (this.isIdent('as')) {
      this.p++;
      const v = this.peek();
      if (v.type !== 'var') this.fail();
      this.p++;
      this.expectOp('|');
      return { kind: 'bind', source: left, name: v.name, body: this.pipe(noComma) };
    }
    if (this.isOp('|')) {
      this.p++;
      return { kind: 'pipe', left, right: this.pipe(noComma) };
    }
    return left;
  }

  comma(): JqNode {
    let left = this.alt();
    while (this.isOp(',')) {
      this.p++;
      left = { kind: 'comma', left, right: this.alt() };
    }
    return left;
  }

  alt(): JqNode {
    const left = this.assign();
    if (this.isOp('//')) {
      this.p++;
      return { kind: 'alt', left, right: this.alt() };
    }
    return left;
  }

  // Assignments sit between `//` and `or` and do not chain (%nonassoc in parser.y).
  assign(): JqNode {
    const left = this.or();
    const t = this.peek();
    if (t.type === 'op' && ASSIGNMENTS.includes(t.op)) {
      this.p++;
      return { kind: 'assign', op: t.op, left, right: this.or() };
    }
    return left;
  }

  or(): JqNode {
    let left = this.and();
    while (this.isOp('or')) {
      this.p++;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  and(): JqNode {
    let left = this.compare();
    while (this.isOp('and')) {
      this.p++;
      left = { kind: 'and', left, right: this.compare() };
    }
    return left;
  }

  compare(): JqNode {
    const left = this.additive();
    const t = this.peek();
    if (t.type === 'op' && COMPARISONS.includes(t.op)) {
      this.p++;
      const right = this.additive();
      const after = this.peek();
      // Comparisons do not chain in jq (%nonassoc).
      if (after.type === 'op' && COMPARISONS.includes(after.op)) this.fail();
      return { kind: 'binary', op: t.op, left, right };
    }
    return left;
  }

  additive(): JqNode {
    let left = this.multiplicative();
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.tokens[this.p++] as { op: string }).op;
      left = { kind: 'binary', op, left, right: this.multiplicative() };
    }
    return left;
  }

  multiplicative(): JqNode {
    let left = this.unary();
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
      const op = (this.tokens[this.p++] as { op: string }).op;
      left = { kind: 'binary', op, left, right: this.unary() };
    }
    return left;
  }

  unary(): JqNode {
    if (this.isOp('-')) {
      this.p++;
      return { kind: 'neg', body: this.postfix() };
    }
    return this.postfix();
  }

  postfix(): JqNode {
    let node = this.primary();
    for (;;) {
      const t = this.peek();
      if (t.type === 'field') {
        this.p++;
        node = { kind: 'index', target: node, key: { kind: 'literal', value: t.name } };
      } else if (this.isOp('.') && this.tokens[this.p + 1]?.type === 'str') {
        this.p++;
        node = { kind: 'index', target: node, key: this.primary() };
      } else if (
        this.isOp('[') ||
        (this.isOp('.') &&
          this.tokens[this.p + 1]?.type === 'op' &&
          (this.tokens[this.p + 1] as { op: string }).op === '[')
      ) {
        if (this.isOp('.')) this.p++;
        node = this.bracket(node);
      } else if (this.isOp('?')) {
        this.p++;
        node = { kind: 'optional', body: node };
      } else return node;
    }
  }

  // After a term: `[]`, `[e]`, `[a:b]`, `[a:]`, `[:b]`.
  bracket(target: JqNode): JqNode {
    this.expectOp('[');
    if (this.isOp(']')) {
      this.p++;
      return { kind: 'iterate', target };
    }
    if (this.isOp(':')) {
      this.p++;
      const to = this.pipe();
      this.expectOp(']');
      return { kind: 'slice', target, from: null, to };
    }
    const key = this.pipe();
    if (this.isOp(':')) {
      this.p++;
      const to = this.isOp(']') ? null : this.pipe();
      this.expectOp(']');
      return { kind: 'slice', target, from: key, to };
    }
    this.expectOp(']');
    return { kind: 'index', target, key };
  }

  primary(): JqNode {
    const t = this.peek();
    switch (t.type) {
      case 'num':
        this.p++;
        return { kind: 'literal', value: t.value };
      case 'str':
        this.p++;
        return this.stringNode(t.parts);
      case 'format': {
        this.p++;
        const s = this.peek();
        if (s.type === 'str') {
          this.p++;
          return { kind: 'string', parts: this.stringParts(s.parts), format: t.name };
        }
        return { kind: 'format', name: t.name };
      }
      case 'field':
        this.p++;
        return { kind: 'index', target: { kind: 'identity' }, key: { kind: 'literal', value: t.name } };
      case 'var':
        this.p++;
        return { kind: 'var', name: t.name };
      case 'ident':
        return this.identTerm(t.name);
      case 'op':
        return this.opTerm(t.op);
      default:
        return this.fail();
    }
  }

  stringParts(parts: ({ text: string } | { expr: Token[] })[]): ({ text: string } | { expr: JqNode })[] {
    return parts.map((part) => ('text' in part ? part : { expr: new Parser(part.expr).program() }));
  }

  stringNode(parts: ({ text: string } | { expr: Token[] })[]): JqNode {
    return { kind: 'string', parts: this.stringParts(parts) };
  }

  opTerm(op: string): JqNode {
    switch (op) {
      case '.':
        this.p++;
        if (this.peek().type === 'str')
          return { kind: 'index', target: { kind: 'identity' }, key: this.primary() };
        if (this.isOp('[')) return this.bracket({ kind: 'identity' });
        return { kind: 'identity' };
      case '..':
        this.p++;
        return { kind: 'recurse' };
      case '(': {
        this.p++;
        const body = this.pipe();
        this.expectOp(')');
        return body;
      }
      case '[': {
        this.p++;
        if (this.isOp(']')) {
          this.p++;
          return { kind: 'array', body: null };
        }
        const body = this.pipe();
        this.expectOp(']');
        return { kind: 'array', body };
      }
      case '{':
        return this.object();
      default:
        return this.fail();
    }
  }

  object(): JqNode {
    this.expectOp('{');
    const entries: { key: JqNode; value: JqNode }[] = [];
    while (!this.isOp('}')) {
      const t = this.peek();
      let key: JqNode;
      let shorthand: JqNode | undefined;
      if (t.type === 'ident') {
        // `{name}` is `{name: .name}`; keywords are allowed as keys.
        this.p++;
        key = { kind: 'literal', value: t.name };
        shorthand = { kind: 'index', target: { kind: 'identity' }, key };
      } else if (t.type === 'var') {
        this.p++;
        key = { kind: 'literal', value: t.name };
        shorthand = { kind: 'var', name: t.name };
      } else if (t.type === 'str') {
        this.p++;
        key = this.stringNode(t.parts);
        shorthand = { kind: 'index', target: { kind: 'identity' }, key };
      } else if (t.type === 'num') {
        return this.fail();
      } else if (this.isOp('(')) {
        this.p++;
        key = this.pipe();
        this.expectOp(')');
      } else return this.fail();
      if (this.isOp(':')) {
        this.p++;
        entries.push({ key, value: this.objectValue() });
      } else if (shorthand) entries.push({ key, value: shorthand });
      else this.fail();
      if (this.isOp(',')) this.p++;
      else if (!this.isOp('}')) this.fail();
    }
    this.p++;
    return { kind: 'object', entries };
  }

  // An object value is jq's ExpD: terms joined by `|`, or a negation; wider needs parentheses.
  objectValue(): JqNode {
    const left = this.isOp('-') ? this.unary() : this.postfix();
    if (this.isOp('|')) {
      this.p++;
      return { kind: 'pipe', left, right: this.objectValue() };
    }
    return left;
  }

  identTerm(name: string): JqNode {
    if (KEYWORDS.has(name)) return this.fail();
    this.p++;
    if (name === 'if') return this.ifTerm();
    if (name === 'try') {
      const body = this.postfix();
      if (this.isIdent('catch')) {
        this.p++;
        return { kind: 'try', body, handler: this.postfix() };
      }
      return { kind: 'try', body, handler: null };
    }
    if (name === 'reduce') {
      const source = this.postfix();
      this.expectIdent('as');
      const v = this.peek();
      if (v.type !== 'var') this.fail();
      this.p++;
      this.expectOp('(');
      const init = this.pipe();
      this.expectOp(';');
      const update = this.pipe();
      this.expectOp(')');
      return { kind: 'reduce', source, name: v.name, init, update };
    }
    if (name === 'true' || name === 'false' || name === 'null')
      return { kind: 'literal', value: name === 'null' ? null : name === 'true' };
    const args: JqNode[] = [];
    if (this.isOp('(')) {
      this.p++;
      args.push(this.pipe());
      while (this.isOp(';')) {
        this.p++;
        args.push(this.pipe());
      }
      this.expectOp(')');
    }
    return { kind: 'call', name, args };
  }

  ifTerm(): JqNode {
    const cond = this.pipe();
    this.expectIdent('then');
    const then = this.pipe();
    if (this.isIdent('elif')) {
      this.p++;
      return { kind: 'if', cond, then, else: this.ifTerm() };
    }
    let otherwise: JqNode | null = null;
    if (this.isIdent('else')) {
      this.p++;
      otherwise = this.pipe();
    }
    this.expectIdent('end');
    return { kind: 'if', cond, then, else: otherwise };
  }
}

/** parseJq parses a program; throws JqSyntaxError. */
export function parseJq(src: string): JqNode {
  return new Parser(tokenize(src)).program();
}
