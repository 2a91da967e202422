// Splitting a console line into the stages of a pipeline, as bash's parser would for the one
// construct the playground runs (`a | b | c`). Every other operator the line may hold (`&&`,
// `;`, redirections, command substitution, background `&`) is found here, before anything runs,
// so a line the console cannot run is refused whole instead of run in part.
import { shellSplit } from '../parse';

/** Stage is one command of a pipeline: its words after quote removal, and its text as typed. */
export interface Stage {
  words: string[];
  text: string;
}

/** PipelineSplit is a line's stages, or why the console cannot run the line. */
export type PipelineSplit = { ok: true; stages: Stage[] } | { ok: false; message: string; exitCode: number };

// What each refused operator is, in a user's words.
const OPERATORS: readonly [string, string][] = [
  ['&&', 'runs one command line at a time: it has no "&&" (type each command on its own line)'],
  ['||', 'runs one command line at a time: it has no "||" (type each command on its own line)'],
  [';;', 'has no "case" statements'],
  [';', 'runs one command line at a time: it has no ";" (type each command on its own line)'],
  ['>>', 'has no files to redirect output to (">>")'],
  ['>', 'has no files to redirect output to (">")'],
  ['<', 'has no files to read input from ("<"): pipe a kubectl command into the filter instead'],
  ['&', 'does not run commands in the background ("&")'],
  ['$(', 'does not run command substitution ("$(…)")'],
  ['`', 'does not run command substitution ("`…`")'],
  ['(', 'has no subshells ("(…)")'],
  [')', 'has no subshells ("(…)")'],
];

function refuse(what: string): PipelineSplit {
  return { ok: false, message: `playground: the console ${what}\n`, exitCode: 2 };
}

// The operator starting at line[i], if any; `$(` and backticks count inside double quotes too.
function operatorAt(line: string, i: number, inDouble: boolean): string | undefined {
  const rest = line.slice(i);
  const candidates = inDouble ? OPERATORS.filter(([op]) => op === '$(' || op === '`') : OPERATORS;
  return candidates.find(([op]) => rest.startsWith(op))?.[0];
}

/**
 * splitPipeline cuts a line at its unquoted `|`s. A `#` starting a word begins a comment (the
 * guide ends some commands with one). Quotes are kept in each stage's text, so each stage is
 * then split into words by shellSplit exactly as a single command always was.
 */
export function splitPipeline(line: string): PipelineSplit {
  const texts: string[] = [];
  let current = '';
  let quote: "'" | '"' | undefined;
  let atWordStart = true;
  for (let i = 0; i < line.length; i++) {
    const c = line.charAt(i);
    if (quote === "'") {
      if (c === "'") quote = undefined;
      current += c;
      continue;
    }
    if (c === '\\' && i + 1 < line.length) {
      current += c + line.charAt(++i);
      atWordStart = false;
      continue;
    }
    const op = operatorAt(line, i, quote === '"');
    if (op) {
      const meaning = OPERATORS.find(([o]) => o === op)?.[1] ?? op;
      return refuse(meaning);
    }
    if (quote === '"') {
      if (c === '"') quote = undefined;
      current += c;
      continue;
    }
    if (c === '#' && atWordStart) break;
    if (c === '|') {
      texts.push(current);
      current = '';
      atWordStart = true;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    current += c;
    atWordStart = c === ' ' || c === '\t' || c === '\n' || c === '\r';
  }
  texts.push(current);
  if (quote)
    return {
      ok: false,
      message: `error: unexpected EOF while looking for matching \`${quote}'\n`,
      exitCode: 1,
    };
  const stages: Stage[] = [];
  for (const text of texts) {
    const split = shellSplit(text);
    if (!split.ok) return { ok: false, message: `error: ${split.message}\n`, exitCode: 1 };
    stages.push({ words: split.words, text: text.trim() });
  }
  // bash: `a |` waits for more input and `| b` is a syntax error; the console has one line.
  if (stages.length > 1 && stages.some((s) => s.words.length === 0))
    return { ok: false, message: "playground: syntax error near unexpected token `|'\n", exitCode: 2 };
  return { ok: true, stages };
}
