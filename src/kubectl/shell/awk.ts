// awk (as gawk prints) for the one-liners people pipe kubectl output into:
// `awk '{print $1}'`, `awk 'NR>1 {print $1, $3}'`, `awk -F: '{print $NF}'`, `awk '/Evicted/'`.
// The subset is in awkParse.ts; a program outside it gets gawk's syntax error, never a guess.
import { getopt, usageError } from './getopt';
import type { OptionSpec } from './getopt';
import { AwkSyntaxError, parseAwk } from './awkParse';
import type { AwkExpr, AwkRule, AwkStatement } from './awkParse';
import { compilePosix } from './posixRegex';
import { fail, splitLines } from './program';
import type { Program } from './program';

const SPECS: OptionSpec[] = [
  { key: 'F', short: 'F', long: 'field-separator', value: true },
  { key: 'v', short: 'v', long: 'assign', value: true },
];

const USAGE = "awk [POSIX or GNU style options] [--] 'program' file ...";

/** Value is an awk value: a number, a string, or a field that looks like a number (strnum). */
type Value = { n: number; s?: undefined } | { s: string; strnum: boolean };

const NUMERIC = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

const str = (s: string, strnum = false): Value => ({ s, strnum });
const num = (n: number): Value => ({ n });

function toNumber(v: Value): number {
  if (v.s === undefined) return v.n;
  const m = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(v.s);
  return m ? Number(m[0]) : 0;
}

// Numbers print as integers when they are, else with OFMT's %.6g.
function toString(v: Value): string {
  if (v.s !== undefined) return v.s;
  if (Number.isInteger(v.n)) return String(v.n);
  return Number(v.n.toPrecision(6)).toString();
}

const truthy = (v: Value) => (v.s === undefined ? v.n !== 0 : v.strnum ? toNumber(v) !== 0 : v.s !== '');
const isNumeric = (v: Value) => v.s === undefined || (v.strnum && NUMERIC.test(v.s));

class Next extends Error {}

interface Record {
  fields: string[];
  line: string;
}

class Machine {
  nr = 0;
  rec: Record = { fields: [], line: '' };
  out: string[] = [];
  regexCache = new Map<string, RegExp>();
  constructor(
    private readonly split: (line: string) => string[],
    private readonly vars: Map<string, string>,
  ) {}

  setLine(line: string) {
    this.rec = { line, fields: this.split(line) };
  }

  regex(source: string): RegExp {
    let re = this.regexCache.get(source);
    if (!re) {
      const c = compilePosix(source, 'extended');
      if (!c.ok) throw new Error(`fatal: invalid regexp: ${c.message}: /${source}/`);
      re = c.regex;
      this.regexCache.set(source, re);
    }
    return re;
  }

  eval(e: AwkExpr): Value {
    switch (e.kind) {
      case 'num':
        return num(e.value);
      case 'str':
        return str(e.value);
      case 'regex':
        return num(this.regex(e.source).test(this.rec.line) ? 1 : 0);
      case 'field': {
        const i = Math.trunc(toNumber(this.eval(e.index)));
        if (i < 0) throw new Error(`fatal: attempt to access field ${i}`);
        return str(i === 0 ? this.rec.line : (this.rec.fields[i - 1] ?? ''), true);
      }
      case 'var':
        if (e.name === 'NR' || e.name === 'FNR') return num(this.nr);
        if (e.name === 'NF') return num(this.rec.fields.length);
        return this.vars.has(e.name) ? str(this.vars.get(e.name) ?? '', true) : str('', false);
      case 'unary': {
        const v = this.eval(e.arg);
        if (e.op === '!') return num(truthy(v) ? 0 : 1);
        return num(e.op === '-' ? -toNumber(v) : toNumber(v));
      }
      case 'call':
        return this.call(
          e.name,
          e.args.map((a) => this.eval(a)),
        );
      case 'binary':
        return this.binary(e);
    }
  }

  call(name: string, args: Value[]): Value {
    const s = (i: number) => toString(args[i] ?? str(this.rec.line));
    switch (name) {
      case 'length':
        return num([...s(0)].length);
      case 'tolower':
        return str(s(0).toLowerCase());
      case 'toupper':
        return str(s(0).toUpperCase());
      case 'index':
        return num(s(0).indexOf(toString(args[1] ?? str(''))) + 1);
      case 'int':
        return num(Math.trunc(toNumber(args[0] ?? num(0))));
      default: {
        // substr(s, m[, n]): 1-based, as gawk rounds and clips it.
        const text = s(0);
        const from = Math.round(toNumber(args[1] ?? num(1)));
        const len = args[2] ? Math.round(toNumber(args[2])) : Infinity;
        const start = Math.max(1, from);
        const end = from + len;
        return str(end <= start ? '' : text.slice(start - 1, end - 1));
      }
    }
  }

  binary(e: Extract<AwkExpr, { kind: 'binary' }>): Value {
    if (e.op === '&&') return num(truthy(this.eval(e.left)) && truthy(this.eval(e.right)) ? 1 : 0);
    if (e.op === '||') return num(truthy(this.eval(e.left)) || truthy(this.eval(e.right)) ? 1 : 0);
    const l = this.eval(e.left);
    if (e.op === '~' || e.op === '!~') {
      const source = e.right.kind === 'regex' ? e.right.source : toString(this.eval(e.right));
      const hit = this.regex(source).test(toString(l));
      return num(hit === (e.op === '~') ? 1 : 0);
    }
    const r = this.eval(e.right);
    switch (e.op) {
      case 'concat':
        return str(toString(l) + toString(r));
      case '+':
        return num(toNumber(l) + toNumber(r));
      case '-':
        return num(toNumber(l) - toNumber(r));
      case '*':
        return num(toNumber(l) * toNumber(r));
      case '/':
      case '%': {
        const d = toNumber(r);
        if (d === 0) throw new Error(`fatal: division by zero${e.op === '%' ? " in `%'" : ' attempted'}`);
        return num(e.op === '/' ? toNumber(l) / d : toNumber(l) % d);
      }
    }
    // Comparisons: numeric when both sides are numbers or numeric-looking fields, else as strings.
    const c =
      isNumeric(l) && isNumeric(r)
        ? toNumber(l) - toNumber(r)
        : toString(l) < toString(r)
          ? -1
          : toString(l) > toString(r)
            ? 1
            : 0;
    const result =
      { '==': c === 0, '!=': c !== 0, '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0 }[e.op] ?? false;
    return num(result ? 1 : 0);
  }

  run(statements: AwkStatement[]) {
    for (const st of statements) {
      if (st.kind === 'next') throw new Next();
      const values = st.args.map((a) => this.eval(a));
      if (st.kind === 'print') {
        this.out.push(`${values.length ? values.map(toString).join(' ') : this.rec.line}\n`);
      } else {
        this.out.push(printf(toString(values[0] ?? str('')), values.slice(1)));
      }
    }
  }
}

// printf's %s %d %i %f %x %c %% with width, `-` and precision; enough for aligned columns.
function printf(format: string, args: Value[]): string {
  let i = 0;
  return format.replace(
    /%([-0 +#]*)(\d*)(?:\.(\d+))?([sdifgexXc%])/g,
    (_, flags: string, width: string, prec: string | undefined, conv: string) => {
      if (conv === '%') return '%';
      const v = args[i++] ?? str('');
      let text: string;
      if (conv === 's') text = prec !== undefined ? toString(v).slice(0, Number(prec)) : toString(v);
      else if (conv === 'd' || conv === 'i') text = String(Math.trunc(toNumber(v)));
      else if (conv === 'f') text = toNumber(v).toFixed(prec !== undefined ? Number(prec) : 6);
      else if (conv === 'x' || conv === 'X')
        text = Math.trunc(toNumber(v)).toString(16)[conv === 'X' ? 'toUpperCase' : 'toLowerCase']();
      else if (conv === 'c') text = v.s !== undefined ? v.s.charAt(0) : String.fromCharCode(toNumber(v));
      else text = toString(num(toNumber(v)));
      const w = Number(width || 0);
      if (text.length >= w) return text;
      return flags.includes('-')
        ? text.padEnd(w)
        : text.padStart(w, flags.includes('0') && conv !== 's' ? '0' : ' ');
    },
  );
}

function splitter(fs: string | undefined): (line: string) => string[] {
  if (fs === undefined || fs === ' ') return (line) => line.split(/[ \t\n]+/).filter((f) => f !== '');
  const sep = fs === '\\t' || fs === 't' ? '\t' : fs;
  if (sep.length === 1 && sep !== '\\') return (line) => (line === '' ? [] : line.split(sep));
  const c = compilePosix(sep, 'extended');
  const re = c.ok ? new RegExp(c.regex.source, 'g') : /[ \t]+/g;
  return (line) => (line === '' ? [] : line.split(re));
}

export const awk: Program = {
  run(args, io) {
    const parsed = getopt(args, SPECS);
    if (!parsed.ok) return usageError('awk', parsed.message, 2, USAGE);
    const { flags, operands } = parsed.options;
    const [program, ...files] = operands;
    if (program === undefined) return fail(`Usage: ${USAGE}\n`, 2);
    const file = files.find((f) => f !== '-' && !f.includes('='));
    if (file !== undefined)
      return fail(`awk: fatal: cannot open file \`${file}' for reading: No such file or directory\n`, 2);
    let rules: AwkRule[];
    try {
      rules = parseAwk(program);
    } catch (e) {
      if (!(e instanceof AwkSyntaxError)) throw e;
      const lineStart = program.lastIndexOf('\n', e.at - 1) + 1;
      const lineEnd = program.indexOf('\n', e.at);
      const lineNo = program.slice(0, lineStart).split('\n').length;
      const text = program.slice(lineStart, lineEnd < 0 ? undefined : lineEnd);
      const where = `awk: cmd. line:${lineNo}:`;
      return fail(`${where} ${text}\n${where} ${' '.repeat(e.at - lineStart)}^ syntax error\n`, 1);
    }
    const vars = new Map<string, string>();
    const assign = flags.get('v');
    if (typeof assign === 'string' && assign.includes('='))
      vars.set(assign.slice(0, assign.indexOf('=')), assign.slice(assign.indexOf('=') + 1));
    const fs = flags.get('F');
    const m = new Machine(splitter(typeof fs === 'string' ? fs : undefined), vars);
    try {
      for (const r of rules) if (r.when === 'BEGIN') m.run(r.action ?? []);
      for (const line of splitLines(io.stdin)) {
        m.nr++;
        m.setLine(line);
        try {
          for (const r of rules) {
            if (r.when !== 'line') continue;
            if (r.pattern && !truthy(m.eval(r.pattern))) continue;
            m.run(r.action ?? [{ kind: 'print', args: [] }]);
          }
        } catch (e) {
          if (!(e instanceof Next)) throw e;
        }
      }
      for (const r of rules) if (r.when === 'END') m.run(r.action ?? []);
    } catch (e) {
      if (e instanceof Next) return fail("awk: cmd. line:1: fatal: `next' used in BEGIN or END action\n", 2);
      const message = e instanceof Error ? e.message : String(e);
      return {
        stdout: m.out.join(''),
        stderr: `awk: cmd. line:1: (FILENAME=- FNR=${m.nr}) ${message}\n`,
        exitCode: 2,
      };
    }
    return { stdout: m.out.join(''), stderr: '', exitCode: 0 };
  },
};
