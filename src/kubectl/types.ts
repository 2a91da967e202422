// The contract between the kubectl layer and its callers (console, node menu, scenario runner).
import type { ChangeSet, Simulation } from '../engine/simulation';

/**
 * KubectlWatch is what `get -w` leaves behind: the caller keeps it and, after each batch of
 * engine changes (`sim.takeChanges()`), asks it for the lines kubectl would print next.
 */
export interface KubectlWatch {
  /**
   * format returns the text kubectl would print for these changes: one row (or one document in
   * -o yaml/json/name) per changed object that matches the query, no header, each line ending
   * in "\n"; "" when nothing matching changed. Deleted objects print their last known state.
   */
  format(changes: ChangeSet): string;
  /**
   * finished tells, after a format, that the command would have exited by now (`rollout status`
   * once the rollout is done, or its --timeout passed); a `get -w` never finishes by itself.
   */
  finished?(): boolean;
}

/** KubectlResult is what one command line printed, and its exit code. */
export interface KubectlResult {
  stdout: string;
  stderr: string;
  exitCode: number;
  /** Present for `get -w` / `--watch-only`: feed it later changes to continue the output. */
  watch?: KubectlWatch;
}

/** KubectlOptions are the inputs a command line cannot carry itself. */
export interface KubectlOptions {
  /** What `-f -` reads: the manifest text for `apply -f -` and `create -f -`. */
  stdin?: string;
}

/** VerbContext is what a verb runs against: the simulation and standard input. */
export interface VerbContext {
  sim: Simulation;
  stdin: string | undefined;
}

/**
 * FlagType is how a flag's value is read: a switch, text, a whole number, a repeatable list that
 * splits on commas (pflag StringSlice), or one that keeps each value whole (StringArray).
 */
export type FlagType = 'bool' | 'string' | 'int' | 'strings' | 'array';

/** FlagSpec declares one flag, as cobra/pflag would (`--name`, `-s`). */
export interface FlagSpec {
  name: string;
  short?: string;
  type: FlagType;
  description: string;
  /** The value a string flag takes when given bare (`--dry-run` alone); without it a value is required. */
  noValueDefault?: string;
}

/** FlagValue is a parsed flag value. */
export type FlagValue = string | boolean | number | string[];

/** VerbArgs is a parsed command line: positional arguments and the flags that were given. */
export interface VerbArgs {
  /** The verb's canonical name (`get`), whatever alias was typed. */
  verb: string;
  /** The subcommand (`status` in `rollout status`), if the verb has subcommands. */
  sub: string | undefined;
  /** Positional arguments after the verb (and subcommand). */
  positional: string[];
  /** Arguments after a literal `--` (for `exec`). */
  afterDash: string[];
  /** Flags by long name; only those present on the line. */
  flags: ReadonlyMap<string, FlagValue>;
  /** The command path for error hints: `kubectl rollout status`. */
  commandPath: string;
}

/** SubcommandSpec declares a subcommand (`rollout status`, `set image`) and its own flags. */
export interface SubcommandSpec {
  name: string;
  /** Other words that select it, as cobra's Aliases (`nodes`, `no` for `top node`). */
  aliases?: string[];
  usage: string;
  short: string;
  flags: FlagSpec[];
}

/** VerbDefinition is one registered verb module. */
export interface VerbDefinition {
  name: string;
  aliases?: string[];
  /** One-line usage, e.g. `kubectl get [(-o|--output=)json|yaml|name|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]`. */
  usage: string;
  /** One sentence for `kubectl --help`. */
  short: string;
  flags: FlagSpec[];
  subcommands?: SubcommandSpec[];
  /**
   * The verb runs on its own when no subcommand is named, as a cobra command with both a Run and
   * subcommands does (`kubectl create -f -`): a word naming no subcommand is then an argument.
   */
  runsWithoutSubcommand?: boolean;
  run(args: VerbArgs, ctx: VerbContext): KubectlResult;
}
