// Reading parsed flags, and the flag declarations several verbs share (kubectl declares them once
// too: cmdutil.AddDryRunFlag, printFlags, AddLabelSelectorFlagVar ...).
import type { FieldValidation } from '../../manifests';
import type { FlagSpec, KubectlResult, VerbArgs } from '../types';

/** str reads a string flag, or undefined when absent. */
export function str(args: VerbArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

/** bool reads a switch; absent means false. */
export function bool(args: VerbArgs, name: string): boolean {
  return args.flags.get(name) === true;
}

/** int reads a whole-number flag, or undefined when absent. */
export function int(args: VerbArgs, name: string): number | undefined {
  const v = args.flags.get(name);
  return typeof v === 'number' ? v : undefined;
}

/** list reads a repeatable, comma-splitting flag (pflag StringSlice). */
export function list(args: VerbArgs, name: string): string[] {
  const v = args.flags.get(name);
  return Array.isArray(v) ? v : [];
}

/** namespaceOf is the request namespace: `-n` or `default`. */
export function namespaceOf(args: VerbArgs): string {
  return str(args, 'namespace') || 'default';
}

/** DryRun is the `--dry-run` strategy. */
export type DryRun = 'none' | 'client' | 'server';

/** dryRunOf reads `--dry-run`, or an error text for a bad value (cmdutil.GetDryRunStrategy). */
export function dryRunOf(args: VerbArgs): DryRun | { error: string } {
  const v = str(args, 'dry-run');
  if (v === undefined || v === 'none') return 'none';
  if (v === 'client' || v === 'server') return v;
  return { error: `error: Invalid dry-run value (${v}). Must be "none", "server", or "client".\n` };
}

// strconv.ParseBool's spellings, which GetValidationDirective tries before the named values.
const GO_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const GO_FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/**
 * validationOf reads `--validate` as cmdutil.GetValidationDirective does: strict (the default,
 * also bare `--validate` and any true), warn, ignore (also any false); anything else is refused.
 */
export function validationOf(args: VerbArgs): FieldValidation | { error: string } {
  const v = str(args, 'validate') ?? 'strict';
  if (GO_TRUE.has(v) || v === 'strict') return 'Strict';
  if (GO_FALSE.has(v) || v === 'ignore') return 'Ignore';
  if (v === 'warn') return 'Warn';
  return {
    error: `error: invalid - validate option "${v}"; must be one of: strict (or true), warn, ignore (or false)\n`,
  };
}

/** VALIDATE_FLAG is `--validate=strict|warn|ignore|true|false` (bare `--validate` means strict). */
export const VALIDATE_FLAG: FlagSpec = {
  name: 'validate',
  type: 'string',
  noValueDefault: 'strict',
  description:
    'Must be one of: strict (or true), warn, ignore (or false). "strict" fails the request on unknown or duplicate fields, "warn" prints a warning for each and goes on, "ignore" drops them silently.',
};

/** dryRunSuffix is what kubectl appends to an operation under --dry-run. */
export function dryRunSuffix(dry: DryRun): string {
  return dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
}

/** ok is a successful result. */
export function ok(stdout: string, stderr = ''): KubectlResult {
  return { stdout, stderr, exitCode: 0 };
}

/** fail is a failed result; `stderr` should already carry kubectl's `error: ` prefix where it has one. */
export function fail(stderr: string, stdout = ''): KubectlResult {
  return { stdout, stderr: stderr.endsWith('\n') ? stderr : stderr + '\n', exitCode: 1 };
}

/** usageError is cmdutil.UsageErrorf: the message plus `See 'kubectl x -h' for help and examples`. */
export function usageError(args: VerbArgs, message: string): KubectlResult {
  return fail(`error: ${message}\nSee '${args.commandPath} -h' for help and examples\n`);
}

/** OUTPUT_FLAG is `-o/--output`. */
export const OUTPUT_FLAG: FlagSpec = {
  name: 'output',
  short: 'o',
  type: 'string',
  description: 'Output format. One of: (json, yaml, name, wide, jsonpath=..., custom-columns=...)',
};

/** SELECTOR_FLAG is `-l/--selector`. */
export const SELECTOR_FLAG: FlagSpec = {
  name: 'selector',
  short: 'l',
  type: 'string',
  description: "Selector (label query) to filter on, supports '=', '==', '!=', 'in', 'notin'.",
};

/** FIELD_SELECTOR_FLAG is `--field-selector`, a field query such as `spec.nodeName=node-1`. */
export const FIELD_SELECTOR_FLAG: FlagSpec = {
  name: 'field-selector',
  type: 'string',
  description: 'Selector (field query) to filter on, e.g. spec.nodeName=node-1.',
};

/** ALL_NAMESPACES_FLAG is `-A/--all-namespaces`. */
export const ALL_NAMESPACES_FLAG: FlagSpec = {
  name: 'all-namespaces',
  short: 'A',
  type: 'bool',
  description: 'If present, list the requested object(s) across all namespaces.',
};

/** DRY_RUN_FLAG is `--dry-run=none|client|server` (bare `--dry-run` means client). */
export const DRY_RUN_FLAG: FlagSpec = {
  name: 'dry-run',
  type: 'string',
  noValueDefault: 'client',
  description:
    'Must be "none", "server", or "client". If client strategy, only print the object that would be sent.',
};

/** FILENAME_FLAG is `-f/--filename`; the playground reads only `-` (standard input). */
export const FILENAME_FLAG: FlagSpec = {
  name: 'filename',
  short: 'f',
  type: 'strings',
  description:
    'The files that contain the configurations (in the playground: `-` for the manifest given as input).',
};

/** OVERWRITE_FLAG is `--overwrite` for label, annotate and taint. */
export const OVERWRITE_FLAG: FlagSpec = {
  name: 'overwrite',
  type: 'bool',
  description: 'If true, allow existing values to be overwritten.',
};

/** ALL_FLAG is `--all`: every object of the type in the namespace. */
export const ALL_FLAG: FlagSpec = {
  name: 'all',
  type: 'bool',
  description: 'Select all resources of the type.',
};
