// jq as a console filter: `kubectl get ds fluentd -o json | jq '.status'`. Options, exit
// statuses and error texts follow jq 1.7 (src/main.c): 2 for usage and input errors, 3 for a
// program that does not compile, 5 for an error while running, and -e's 1 and 4.
import type { JqNode } from './ast';
import { BUILTINS } from './builtins';
import { run } from './eval';
import { formatNames } from './formats';
import { parseInputs, render } from './json';
import type { PrintOptions } from './json';
import { JqSyntaxError } from './lexer';
import { parseJq } from './parser';
import { JqError, truthy } from './values';
import type { Json } from './values';
import type { Program } from '../program';
import { fail } from '../program';

const HELP_HINT =
  'Use jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://jqlang.github.io/jq\n';

interface Settings {
  filter: string | undefined;
  files: string[];
  print: PrintOptions;
  join: boolean;
  exitStatus: boolean;
  nullInput: boolean;
  slurp: boolean;
  rawInput: boolean;
  vars: Map<string, Json>;
}

const SHORT: Record<string, string> = {
  r: 'raw-output',
  j: 'join-output',
  c: 'compact-output',
  S: 'sort-keys',
  e: 'exit-status',
  n: 'null-input',
  s: 'slurp',
  R: 'raw-input',
  M: 'monochrome-output',
  C: 'color-output',
  a: 'ascii-output',
};

function parseArgs(args: string[]): Settings | string {
  const s: Settings = {
    filter: undefined,
    files: [],
    print: { compact: false, raw: false, sortKeys: false, tab: false, indent: 2 },
    join: false,
    exitStatus: false,
    nullInput: false,
    slurp: false,
    rawInput: false,
    vars: new Map(),
  };
  const set = (name: string): string | undefined => {
    switch (name) {
      case 'raw-output':
        s.print.raw = true;
        return;
      case 'join-output':
        s.print.raw = true;
        s.join = true;
        return;
      case 'compact-output':
        s.print.compact = true;
        return;
      case 'sort-keys':
        s.print.sortKeys = true;
        return;
      case 'exit-status':
        s.exitStatus = true;
        return;
      case 'null-input':
        s.nullInput = true;
        return;
      case 'slurp':
        s.slurp = true;
        return;
      case 'raw-input':
        s.rawInput = true;
        return;
      case 'tab':
        s.print.tab = true;
        return;
      case 'monochrome-output':
      case 'color-output':
      case 'ascii-output':
        return;
      default:
        return name;
    }
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--arg' || a === '--argjson') {
      const name = args[i + 1];
      const value = args[i + 2];
      if (name === undefined || value === undefined)
        return `${a} takes two parameters (e.g. ${a} varname ${a === '--arg' ? 'value' : 'text'})`;
      if (a === '--arg') s.vars.set(name, value);
      else {
        try {
          s.vars.set(name, JSON.parse(value) as Json);
        } catch {
          return `Invalid JSON text passed to --argjson`;
        }
      }
      i += 2;
    } else if (a === '--indent') {
      const n = Number(args[++i]);
      if (!Number.isInteger(n) || n < 0 || n > 7) return 'Cannot indent more than 7 characters';
      s.print.indent = n;
    } else if (a.startsWith('--') && a.length > 2) {
      if (set(a.slice(2)) !== undefined) return `Unknown option: ${a}`;
    } else if (a.startsWith('-') && a.length > 1) {
      for (const c of a.slice(1)) {
        const name = SHORT[c];
        if (name === undefined || set(name) !== undefined) return `Unknown option: ${a}`;
      }
    } else if (s.filter === undefined) s.filter = a;
    else s.files.push(a);
  }
  return s;
}

// What jq checks when it compiles: every function and format must exist.
function undefinedName(node: JqNode, bound: Set<string>): string | undefined {
  const kids: JqNode[] = [];
  switch (node.kind) {
    case 'call':
      if (!BUILTINS[`${node.name}/${node.args.length}`])
        return `${node.name}/${node.args.length} is not defined`;
      kids.push(...node.args);
      break;
    case 'format':
      if (!formatNames().includes(node.name)) return `${node.name} is not a valid format`;
      break;
    case 'var':
      if (!bound.has(node.name) && node.name !== 'ENV' && node.name !== '__loc__')
        return `$${node.name} is not defined`;
      break;
    case 'bind':
    case 'reduce': {
      const inner = new Set(bound).add(node.name);
      const first = node.kind === 'bind' ? [node.source] : [node.source, node.init];
      for (const k of first) {
        const bad = undefinedName(k, bound);
        if (bad) return bad;
      }
      return undefinedName(node.kind === 'bind' ? node.body : node.update, inner);
    }
    case 'string':
      if (node.format && !formatNames().includes(node.format)) return `${node.format} is not a valid format`;
      for (const p of node.parts) if ('expr' in p) kids.push(p.expr);
      break;
    case 'object':
      for (const e of node.entries) kids.push(e.key, e.value);
      break;
    default:
      for (const v of Object.values(node))
        if (v && typeof v === 'object' && 'kind' in v) kids.push(v as JqNode);
  }
  for (const k of kids) {
    const bad = undefinedName(k, bound);
    if (bad) return bad;
  }
  return undefined;
}

function compileError(message: string, program: string) {
  return fail(`jq: error: ${message} at <top-level>, line 1:\n${program}\njq: 1 compile error\n`, 3);
}

export const jq: Program = {
  run(args, io) {
    const s = parseArgs(args);
    if (typeof s === 'string') return fail(`jq: ${s}\n${HELP_HINT}`, 2);
    const file = s.files[0];
    if (file !== undefined) return fail(`jq: error: Could not open ${file}: No such file or directory\n`, 2);
    const program = s.filter ?? '.';
    let ast: JqNode;
    try {
      ast = parseJq(program);
    } catch (e) {
      if (!(e instanceof JqSyntaxError)) throw e;
      return compileError(`${e.message} (Unix shell quoting issues?)`, program);
    }
    const missing = undefinedName(ast, new Set(s.vars.keys()));
    if (missing) return compileError(missing, program);

    let inputs: { value: Json; line: number }[];
    let parseError: string | undefined;
    if (s.nullInput) inputs = [{ value: null, line: 0 }];
    else if (s.rawInput) {
      const lines = io.stdin.split('\n');
      if (lines[lines.length - 1] === '') lines.pop();
      inputs = s.slurp
        ? [{ value: io.stdin, line: lines.length }]
        : lines.map((l, i) => ({ value: l, line: i + 1 }));
    } else {
      // jq runs the filter on the values before a bad text, then reports it.
      const parsed = parseInputs(io.stdin);
      inputs = parsed.values;
      parseError = parsed.error;
      if (s.slurp)
        inputs = [{ value: inputs.map((x) => x.value), line: inputs[inputs.length - 1]?.line ?? 0 }];
    }

    let stdout = '';
    let stderr = '';
    let status = 0;
    let last: Json | undefined;
    let any = false;
    for (const input of inputs) {
      try {
        for (const v of run(ast, input.value, { vars: s.vars })) {
          stdout += render(v, s.print) + (s.join ? '' : '\n');
          last = v;
          any = true;
        }
      } catch (e) {
        if (!(e instanceof JqError)) throw e;
        stderr += `jq: error (at <stdin>:${input.line}): ${e.message}\n`;
        status = 5;
      }
    }
    if (parseError !== undefined)
      return { stdout, stderr: `${stderr}jq: parse error: ${parseError}\n`, exitCode: 2 };
    if (status === 0 && s.exitStatus) status = !any ? 4 : truthy(last ?? null) ? 0 : 1;
    return { stdout, stderr, exitCode: status };
  },
};
