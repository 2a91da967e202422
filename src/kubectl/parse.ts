// Turning a console line into words and flags the way a shell and cobra/pflag would, so that
// what people type in the playground is exactly what they would type in a terminal.
import type { FlagSpec, FlagValue, SubcommandSpec, VerbArgs, VerbDefinition } from './types';

/** SplitResult is a shell-split line, or why it could not be split. */
export type SplitResult = { ok: true; words: string[] } | { ok: false; message: string };

/**
 * shellSplit splits a line as a POSIX shell would for simple commands: whitespace separates
 * words, single quotes are literal, double quotes allow `\"` `\\` `\$` `` \` `` escapes, and a
 * backslash outside quotes escapes the next character. No expansion, pipes or redirects.
 */
export function shellSplit(line: string): SplitResult {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let quote: "'" | '"' | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line.charAt(i);
    if (quote === "'") {
      if (c === "'") quote = undefined;
      else word += c;
      continue;
    }
    if (quote === '"') {
      if (c === '"') quote = undefined;
      else if (c === '\\' && i + 1 < line.length && '"\\$`'.includes(line.charAt(i + 1)))
        word += line.charAt(++i);
      else word += c;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      inWord = true;
    } else if (c === '\\') {
      if (i + 1 < line.length) word += line.charAt(++i);
      inWord = true;
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (inWord) words.push(word);
      word = '';
      inWord = false;
    } else {
      word += c;
      inWord = true;
    }
  }
  if (quote) return { ok: false, message: `unexpected EOF while looking for matching \`${quote}'` };
  if (inWord) words.push(word);
  return { ok: true, words };
}

/**
 * GLOBAL_FLAGS are kubectl's persistent flags that the playground honours (`-n`) or accepts and
 * ignores (connection and logging options have no meaning without a real cluster).
 */
export const GLOBAL_FLAGS: FlagSpec[] = [
  {
    name: 'namespace',
    short: 'n',
    type: 'string',
    description: 'If present, the namespace scope for this CLI request',
  },
  { name: 'help', short: 'h', type: 'bool', description: 'help for this command' },
  { name: 'context', type: 'string', description: 'The name of the kubeconfig context to use (ignored)' },
  { name: 'kubeconfig', type: 'string', description: 'Path to the kubeconfig file (ignored)' },
  { name: 'cluster', type: 'string', description: 'The name of the kubeconfig cluster to use (ignored)' },
  { name: 'user', type: 'string', description: 'The name of the kubeconfig user to use (ignored)' },
  {
    name: 'request-timeout',
    type: 'string',
    description: 'The length of time to wait before giving up (ignored)',
  },
  { name: 'v', short: 'v', type: 'int', description: 'number for the log level verbosity (ignored)' },
];

/** FlagError is a pflag parse error, printed with the command's usage hint. */
export class FlagError extends Error {}

// strconv.ParseBool's accepted spellings.
const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

function convert(spec: FlagSpec, raw: string, shown: string, previous: FlagValue | undefined): FlagValue {
  switch (spec.type) {
    case 'bool':
      if (TRUE.has(raw)) return true;
      if (FALSE.has(raw)) return false;
      throw new FlagError(
        `invalid argument "${raw}" for "${shown}" flag: strconv.ParseBool: parsing "${raw}": invalid syntax`,
      );
    case 'int':
      if (!/^[+-]?\d+$/.test(raw)) {
        throw new FlagError(
          `invalid argument "${raw}" for "${shown}" flag: strconv.ParseInt: parsing "${raw}": invalid syntax`,
        );
      }
      return Number(raw);
    case 'strings': {
      // pflag's StringSlice splits each occurrence on commas and appends.
      const before = Array.isArray(previous) ? previous : [];
      return [...before, ...(raw === '' ? [] : raw.split(','))];
    }
    case 'array':
      return [...(Array.isArray(previous) ? previous : []), raw];
    case 'string':
      return raw;
  }
}

function shownName(spec: FlagSpec): string {
  return spec.short ? `-${spec.short}, --${spec.name}` : `--${spec.name}`;
}

/** ParsedWords is the outcome of flag parsing: flags by long name, positional words, words after `--`. */
export interface ParsedWords {
  flags: Map<string, FlagValue>;
  positional: string[];
  afterDash: string[];
}

/**
 * parseFlags reads pflag-style flags anywhere among the words (`--name=value`, `--name value`,
 * `-n value`, `-nvalue`, `-n=value`, bundled bool shorthands like `-Aw`), stopping at `--`.
 * Throws FlagError with pflag's wording for unknown flags and missing or malformed values.
 */
export function parseFlags(words: readonly string[], specs: readonly FlagSpec[]): ParsedWords {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short as string, s]));
  const flags = new Map<string, FlagValue>();
  const positional: string[] = [];
  let afterDash: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word === '--') {
      afterDash = words.slice(i + 1);
      break;
    }
    if (word.startsWith('--') && word.length > 2) {
      const eq = word.indexOf('=');
      const name = word.slice(2, eq >= 0 ? eq : undefined);
      const spec = byName.get(name);
      if (!spec) throw new FlagError(`unknown flag: --${name}`);
      let raw: string;
      if (eq >= 0) raw = word.slice(eq + 1);
      else if (spec.type === 'bool') raw = 'true';
      else if (spec.noValueDefault !== undefined) raw = spec.noValueDefault;
      else if (i + 1 < words.length) raw = words[++i] ?? '';
      else throw new FlagError(`flag needs an argument: --${name}`);
      flags.set(spec.name, convert(spec, raw, `--${name}`, flags.get(spec.name)));
      continue;
    }
    if (word.startsWith('-') && word.length > 1) {
      const letters = word.slice(1);
      for (let j = 0; j < letters.length; j++) {
        const c = letters.charAt(j);
        const spec = byShort.get(c);
        if (!spec) throw new FlagError(`unknown shorthand flag: '${c}' in ${word}`);
        const rest = letters.slice(j + 1);
        if (spec.type === 'bool') {
          if (rest.startsWith('=')) {
            flags.set(spec.name, convert(spec, rest.slice(1), shownName(spec), undefined));
            break;
          }
          flags.set(spec.name, true);
          continue;
        }
        let raw: string;
        if (rest.length > 0) raw = rest.startsWith('=') ? rest.slice(1) : rest;
        else if (spec.noValueDefault !== undefined) raw = spec.noValueDefault;
        else if (i + 1 < words.length) raw = words[++i] ?? '';
        else throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
        flags.set(spec.name, convert(spec, raw, shownName(spec), flags.get(spec.name)));
        break;
      }
      continue;
    }
    positional.push(word);
  }
  return { flags, positional, afterDash };
}

/**
 * firstPositional finds the first word that is not a flag or a flag's value, so the verb (and a
 * subcommand) can be found even when flags come first: `kubectl -n kube-system get pods`.
 */
export function firstPositional(words: readonly string[], specs: readonly FlagSpec[]): number {
  const needsValue = (spec: FlagSpec | undefined) =>
    spec !== undefined && spec.type !== 'bool' && spec.noValueDefault === undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i] ?? '';
    if (word === '--') return -1;
    if (word.startsWith('--') && word.length > 2) {
      if (!word.includes('=') && needsValue(specs.find((s) => s.name === word.slice(2)))) i++;
      continue;
    }
    if (word.startsWith('-') && word.length > 1) {
      const last = word.charAt(word.length - 1);
      if (word.length === 2 && needsValue(specs.find((s) => s.short === last))) i++;
      continue;
    }
    return i;
  }
  return -1;
}

/** ParseOutcome is a parsed verb line, or the error kubectl would print for it. */
export type ParseOutcome = { ok: true; args: VerbArgs } | { ok: false; error: string };

/**
 * parseVerbArgs parses the words after the verb against the verb's (and subcommand's) flags and
 * words errors as cobra does: `error: unknown flag: --foo` + `See 'kubectl get --help' for usage.`
 */
export function parseVerbArgs(verb: VerbDefinition, words: readonly string[]): ParseOutcome {
  const allSubFlags = (verb.subcommands ?? []).flatMap((s) => s.flags);
  let sub: SubcommandSpec | undefined;
  let rest = [...words];
  if (verb.subcommands && verb.subcommands.length > 0) {
    const at = firstPositional(words, [...GLOBAL_FLAGS, ...verb.flags, ...allSubFlags]);
    if (at >= 0) {
      const name = words[at] ?? '';
      sub = verb.subcommands.find((s) => s.name === name || (s.aliases ?? []).includes(name));
      if (sub) rest = [...words.slice(0, at), ...words.slice(at + 1)];
      else if (!verb.runsWithoutSubcommand) {
        return {
          ok: false,
          error: `error: unknown command "${name}" for "kubectl ${verb.name}"\nRun 'kubectl ${verb.name} --help' for usage.\n`,
        };
      }
    }
  }
  const commandPath = sub ? `kubectl ${verb.name} ${sub.name}` : `kubectl ${verb.name}`;
  try {
    const parsed = parseFlags(rest, [...GLOBAL_FLAGS, ...verb.flags, ...(sub?.flags ?? [])]);
    return {
      ok: true,
      args: {
        verb: verb.name,
        sub: sub?.name,
        positional: parsed.positional,
        afterDash: parsed.afterDash,
        flags: parsed.flags,
        commandPath,
      },
    };
  } catch (e) {
    if (e instanceof FlagError)
      return { ok: false, error: `error: ${e.message}\nSee '${commandPath} --help' for usage.\n` };
    throw e;
  }
}
