// jq's grammar (src/parser.y in jqlang/jq) for the subset: pipes, `,`, `//`, `or`/`and`,
// comparisons, arithmetic, `.foo` `.[e]` `.[a:b]` `.[]` `?` suffixes, literals, string
// interpolation, `[…]`, `{…}`, `if`, `try`, `reduce`, `… as $x | …` and function calls.
// The operators are in operators.ts; this file holds the terms they combine.
import type { JqNode } from './ast';
import { tokenize } from './lexer';
import type { Token } from './lexer';
import { OperatorParser } from './operators';

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

class Parser extends OperatorParser {
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
