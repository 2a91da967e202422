// The parser's position in jq's token list: looking ahead, expecting tokens, and failing with
// the token name jq's bison parser reports ("syntax error, unexpected IDENT").
import { JqSyntaxError } from './lexer';
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

export class TokenCursor {
  protected p = 0;
  constructor(protected readonly tokens: Token[]) {}

  protected peek(): Token {
    return this.tokens[this.p] as Token;
  }
  protected isOp(op: string): boolean {
    const t = this.peek();
    return t.type === 'op' && t.op === op;
  }
  protected isIdent(name: string): boolean {
    const t = this.peek();
    return t.type === 'ident' && t.name === name;
  }
  protected fail(): never {
    throw new JqSyntaxError(describe(this.peek()));
  }
  protected expectOp(op: string): void {
    if (!this.isOp(op)) this.fail();
    this.p++;
  }
  protected expectIdent(name: string): void {
    if (!this.isIdent(name)) this.fail();
    this.p++;
  }
}
