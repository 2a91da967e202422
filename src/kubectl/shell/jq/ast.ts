// The tree of a parsed jq program (parser.ts builds it, eval.ts runs it).

export type JqNode =
  | { kind: 'identity' }
  | { kind: 'recurse' }
  | { kind: 'literal'; value: unknown }
  | { kind: 'string'; parts: ({ text: string } | { expr: JqNode })[]; format?: string }
  | { kind: 'format'; name: string }
  | { kind: 'index'; target: JqNode; key: JqNode }
  | { kind: 'slice'; target: JqNode; from: JqNode | null; to: JqNode | null }
  | { kind: 'iterate'; target: JqNode }
  | { kind: 'optional'; body: JqNode }
  | { kind: 'pipe'; left: JqNode; right: JqNode }
  | { kind: 'comma'; left: JqNode; right: JqNode }
  | { kind: 'alt'; left: JqNode; right: JqNode }
  | { kind: 'and' | 'or'; left: JqNode; right: JqNode }
  | { kind: 'binary'; op: string; left: JqNode; right: JqNode }
  | { kind: 'neg'; body: JqNode }
  | { kind: 'array'; body: JqNode | null }
  | { kind: 'object'; entries: { key: JqNode; value: JqNode }[] }
  | { kind: 'if'; cond: JqNode; then: JqNode; else: JqNode | null }
  | { kind: 'try'; body: JqNode; handler: JqNode | null }
  | { kind: 'reduce'; source: JqNode; name: string; init: JqNode; update: JqNode }
  | { kind: 'bind'; source: JqNode; name: string; body: JqNode }
  | { kind: 'assign'; op: string; left: JqNode; right: JqNode }
  | { kind: 'var'; name: string }
  | { kind: 'call'; name: string; args: JqNode[] };
