// jq's operator grammar (src/parser.y in jqlang/jq): pipes and `as` bindings, `,`, `//`,
// assignments, `or`/`and`, comparisons, arithmetic, negation and the postfix forms
// (`.foo`, `.[e]`, `.[a:b]`, `.[]`, `?`). The terms they combine come from the subclass.
import type { JqNode } from './ast';
import { TokenCursor } from './tokenCursor';

const COMPARISONS = ['==', '!=', '<', '<=', '>', '>='];
const ASSIGNMENTS = ['=', '|=', '+=', '-='];

export abstract class OperatorParser extends TokenCursor {
  abstract primary(): JqNode;

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
}
