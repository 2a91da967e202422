// Reading a GNU tool's options the way getopt_long does: bundled short options (`-iv`), a short
// option's value attached or next (`-A5`, `-A 5`), long options (`--count`, `--context=3`),
// options after operands (GNU permutes them) and `--` ending the options.
import { fail } from './program';
import type { KubectlResult } from '../types';

/** OptionSpec is one option: its short letter and/or long name, and whether it takes a value. */
export interface OptionSpec {
  key: string;
  short?: string;
  long?: string;
  value?: boolean;
}

/** Options are the options given, by key (the last value wins), and the operands in order. */
export interface Options {
  flags: Map<string, string | true>;
  operands: string[];
}

/** usageError is what a GNU tool prints for a bad option, and its status. */
export function usageError(tool: string, message: string, exitCode: number, usage?: string): KubectlResult {
  const usageLine = usage ? `Usage: ${usage}\n` : '';
  return fail(`${tool}: ${message}\n${usageLine}Try '${tool} --help' for more information.\n`, exitCode);
}

/**
 * getopt parses args against specs. `numberOption` names the key a bare `-N` sets (head/tail's
 * `-5`). Errors come back in getopt's words (`invalid option -- 'z'`) for the caller to print.
 */
export function getopt(
  args: readonly string[],
  specs: readonly OptionSpec[],
  numberOption?: string,
): { ok: true; options: Options } | { ok: false; message: string } {
  const flags = new Map<string, string | true>();
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] ?? '';
    if (arg === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = arg.slice(2, eq >= 0 ? eq : undefined);
      const matches = specs.filter((s) => s.long !== undefined && s.long.startsWith(name));
      const spec = matches.find((s) => s.long === name) ?? (matches.length === 1 ? matches[0] : undefined);
      if (!spec) {
        return {
          ok: false,
          message: matches.length > 1 ? `option '--${name}' is ambiguous` : `unrecognized option '--${name}'`,
        };
      }
      if (spec.value) {
        if (eq >= 0) flags.set(spec.key, arg.slice(eq + 1));
        else if (i + 1 < args.length) flags.set(spec.key, args[++i] ?? '');
        else return { ok: false, message: `option '--${spec.long}' requires an argument` };
      } else {
        if (eq >= 0) return { ok: false, message: `option '--${spec.long}' doesn't allow an argument` };
        flags.set(spec.key, true);
      }
      continue;
    }
    if (arg.startsWith('-') && arg.length > 1) {
      if (numberOption && /^-\d+$/.test(arg)) {
        flags.set(numberOption, arg.slice(1));
        continue;
      }
      for (let j = 1; j < arg.length; j++) {
        const c = arg.charAt(j);
        const spec = specs.find((s) => s.short === c);
        if (!spec) return { ok: false, message: `invalid option -- '${c}'` };
        if (!spec.value) {
          flags.set(spec.key, true);
          continue;
        }
        const rest = arg.slice(j + 1);
        if (rest) flags.set(spec.key, rest);
        else if (i + 1 < args.length) flags.set(spec.key, args[++i] ?? '');
        else return { ok: false, message: `option requires an argument -- '${c}'` };
        break;
      }
      continue;
    }
    operands.push(arg);
  }
  return { ok: true, options: { flags, operands } };
}

/** noFiles is the answer to a file operand: the playground has no files, only the pipe. */
export function noFiles(tool: string, file: string, exitCode: number): KubectlResult {
  return fail(`${tool}: ${file}: No such file or directory\n`, exitCode);
}

/**
 * stdinOptions reads the options of a filter that reads only its standard input (cut, head,
 * tail, uniq, wc): a bad option is the tool's usage error, and a file operand (other than `-`)
 * its "No such file or directory", both with `exitCode`.
 */
export function stdinOptions(
  tool: string,
  args: readonly string[],
  specs: readonly OptionSpec[],
  exitCode: number,
  numberOption?: string,
): { ok: true; flags: Options['flags'] } | { ok: false; result: KubectlResult } {
  const parsed = getopt(args, specs, numberOption);
  if (!parsed.ok) return { ok: false, result: usageError(tool, parsed.message, exitCode) };
  const file = parsed.options.operands.find((f) => f !== '-');
  if (file !== undefined) return { ok: false, result: noFiles(tool, file, exitCode) };
  return { ok: true, flags: parsed.options.flags };
}
