// POSIX regular expressions (grep's basic and extended syntax, awk's extended) translated to
// JavaScript ones, with GNU's extensions (`\+ \? \|` in BRE, `\< \>`, `\w \s`). Errors come back
// in glibc's regerror words, the ones grep and awk print.

/** PosixFlavour is basic (grep's default) or extended (grep -E, awk). */
export type PosixFlavour = 'basic' | 'extended';

const CLASSES: Record<string, string> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: 'A-Za-z0-9',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  xdigit: '0-9A-Fa-f',
  word: 'A-Za-z0-9_',
};

class RegexError extends Error {}

// A bracket expression from `[` at i: backslash is literal inside, `]` first is literal.
function bracket(re: string, start: number): { js: string; end: number } {
  let i = start + 1;
  let js = '[';
  if (re.charAt(i) === '^') {
    js += '^';
    i++;
  }
  let first = true;
  for (; i < re.length; i++) {
    const c = re.charAt(i);
    if (c === ']' && !first) return { js: `${js}]`, end: i };
    first = false;
    if (c === '[' && re.charAt(i + 1) === ':') {
      const close = re.indexOf(':]', i + 2);
      const name = close > 0 ? re.slice(i + 2, close) : '';
      const cls = CLASSES[name];
      if (cls === undefined)
        throw new RegexError(close > 0 ? 'Invalid character class name' : 'Unmatched [, [^, [:, [., or [=');
      js += cls;
      i = close + 1;
      continue;
    }
    js += c === '\\' || c === '[' || c === ']' ? `\\${c}` : c;
  }
  throw new RegexError('Unmatched [, [^, [:, [., or [=');
}

/** translate turns a POSIX pattern into JavaScript regex source; throws with glibc's message. */
function translate(re: string, flavour: PosixFlavour): string {
  let js = '';
  let depth = 0;
  // Where `*` is literal in a BRE: at the start, after `\(`, `\|` or `^`.
  let atStart = true;
  for (let i = 0; i < re.length; i++) {
    const c = re.charAt(i);
    const wasStart = atStart;
    atStart = false;
    if (c === '[') {
      const b = bracket(re, i);
      js += b.js;
      i = b.end;
      continue;
    }
    if (c === '\\') {
      if (i + 1 >= re.length) throw new RegexError('Trailing backslash');
      const n = re.charAt(++i);
      if (flavour === 'basic' && '(){}|+?'.includes(n)) {
        if (n === '(') {
          depth++;
          atStart = true;
        } else if (n === ')') {
          if (depth === 0) throw new RegexError('Unmatched ) or \\)');
          depth--;
        } else if (n === '|') atStart = true;
        js += n;
      } else if (n === '<' || n === '>') js += '\\b';
      else if ('wWsSbB'.includes(n)) js += `\\${n}`;
      else if (/[0-9]/.test(n)) js += `\\${n}`;
      else js += /[A-Za-z0-9]/.test(n) ? n : `\\${n}`;
      continue;
    }
    if (flavour === 'basic') {
      if ('(){}|+?'.includes(c)) js += `\\${c}`;
      else if (c === '*' && wasStart) js += '\\*';
      else {
        js += c === '/' ? '\\/' : c;
        if (c === '^') atStart = true;
      }
      continue;
    }
    if (c === '(') {
      depth++;
      js += c;
    } else if (c === ')') {
      // An unmatched `)` in an ERE is an ordinary character.
      if (depth === 0) js += '\\)';
      else {
        depth--;
        js += c;
      }
    } else if (c === '{' && !/^\{\d+(,\d*)?\}/.test(re.slice(i))) js += '\\{';
    else if (c === '*' && (wasStart || /[(|]$/.test(js))) js += '\\*';
    else js += c === '/' ? '\\/' : c;
  }
  if (depth > 0) throw new RegexError('Unmatched ( or \\(');
  return js;
}

/** PosixRegex is a compiled pattern, or the message the tool prints for it. */
export type PosixRegex = { ok: true; regex: RegExp } | { ok: false; message: string };

/**
 * compilePosix compiles `re` with the tool's options. wrap turns the translated source into the
 * final one (grep's -w and -x add their anchors there).
 */
export function compilePosix(
  re: string,
  flavour: PosixFlavour,
  opts: { ignoreCase?: boolean; wrap?: (source: string) => string; global?: boolean } = {},
): PosixRegex {
  try {
    const source = translate(re, flavour);
    const flags = `${opts.ignoreCase ? 'i' : ''}${opts.global ? 'g' : ''}`;
    return { ok: true, regex: new RegExp(opts.wrap ? opts.wrap(source) : source, flags) };
  } catch (e) {
    if (e instanceof RegexError) return { ok: false, message: e.message };
    // What JavaScript rejects and POSIX does not name otherwise (a bad interval, `a{2,1}`).
    return { ok: false, message: 'Invalid content of \\{\\}' };
  }
}

/** escapeFixed turns a fixed string (grep -F) into regex source that matches it literally. */
export const escapeFixed = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
