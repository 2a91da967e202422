// The kubectl layer's one entry point: a command line in, kubectl's output out.
import type { Simulation } from '../engine/simulation';
import { GLOBAL_FLAGS, firstPositional, parseVerbArgs, shellSplit } from './parse';
import { allVerbs, findVerb } from './registry';
import type { KubectlOptions, KubectlResult, VerbDefinition } from './types';
import { complete } from './complete';
import { linkKubectl } from './link';
import { readOnlyGetProblem } from './readOnlyGet';
import { setExplainSchema } from './util/explainSchema';
import { internalError } from './util/errors';
import { tabwrite } from './printers/tabwriter';
import { pipelineStages, runLine } from './shell/run';
import './verbs/index';

export type { KubectlOptions, KubectlResult } from './types';
export { complete, readOnlyGetProblem, setExplainSchema };
export { rolloutStatus } from './util/rolloutStatus';
export { pipelineStages } from './shell/run';

function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) (d[0] as number[])[j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = d[i] as number[];
      const prev = d[i - 1] as number[];
      row[j] = Math.min(
        (prev[j] ?? 0) + 1,
        (row[j - 1] ?? 0) + 1,
        (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
  }
  return d[a.length]?.[b.length] ?? 0;
}

// cobra's SuggestionsFor: an edit distance of at most 2, or a prefix of a command's name.
function unknownCommand(word: string): KubectlResult {
  const suggestions = allVerbs()
    .map((v) => v.name)
    .filter((n) => distance(word.toLowerCase(), n) <= 2 || n.startsWith(word.toLowerCase()));
  // cobra prints the error with Println, so a suggestion list (ending in a newline) leaves a blank line.
  const hint =
    suggestions.length > 0
      ? `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}\n`
      : '\n';
  return {
    stdout: '',
    stderr: `error: unknown command "${word}" for "kubectl"${hint}Run 'kubectl --help' for usage.\n`,
    exitCode: 1,
  };
}

function rootHelp(): KubectlResult {
  const rows = allVerbs().map((v) => `  ${v.name}\t${v.short}`);
  const text =
    'kubectl controls the Kubernetes cluster manager (simulated: a small Kubernetes running in this page).\n\n' +
    ' Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\n' +
    'Commands:\n' +
    tabwrite(rows.join('\n') + '\n', { minWidth: 0, padding: 3 }) +
    '\nUsage:\n  kubectl [flags] [options]\n\n' +
    'Use "kubectl <command> --help" for more information about a given command.\n';
  return { stdout: text, stderr: '', exitCode: 0 };
}

function verbHelp(verb: VerbDefinition, sub: string | undefined): KubectlResult {
  const subDef = verb.subcommands?.find(
    (s) => s.name === sub || (sub !== undefined && (s.aliases ?? []).includes(sub)),
  );
  const flags = subDef ? [...subDef.flags, ...verb.flags] : verb.flags;
  const flagRows = flags.map((f) => `    ${f.short ? `-${f.short}, ` : ''}--${f.name}\t${f.description}`);
  let text = `${subDef?.short ?? verb.short}\n\n`;
  if (!subDef && verb.subcommands?.length) {
    text +=
      'Available Commands:\n' +
      tabwrite(verb.subcommands.map((s) => `  ${s.name}\t${s.short}`).join('\n') + '\n', {
        minWidth: 0,
        padding: 3,
      }) +
      '\n';
  }
  if (flagRows.length > 0)
    text += 'Options:\n' + tabwrite(flagRows.join('\n') + '\n', { minWidth: 0, padding: 2 }) + '\n';
  text += `Usage:\n  ${subDef?.usage ?? verb.usage}\n`;
  return { stdout: text, stderr: '', exitCode: 0 };
}

/**
 * runKubectl runs one kubectl command line against the simulation and returns what kubectl
 * would print. It never throws: bad input becomes kubectl's error text and exit code 1, and an
 * internal failure becomes `error: ...`. A leading `kubectl` is optional.
 */
export function runKubectl(sim: Simulation, line: string, opts: KubectlOptions = {}): KubectlResult {
  const split = shellSplit(line);
  if (!split.ok) return { stdout: '', stderr: `error: ${split.message}\n`, exitCode: 1 };
  const words = split.words[0] === 'kubectl' ? split.words.slice(1) : split.words;
  return runKubectlWords(sim, words, opts.stdin);
}

/** runKubectlWords runs kubectl with its words already split (the word `kubectl` left off). */
export function runKubectlWords(sim: Simulation, words: string[], stdin: string | undefined): KubectlResult {
  try {
    const at = firstPositional(words, GLOBAL_FLAGS);
    if (at < 0) return rootHelp();
    const word = words[at] ?? '';
    if (word === 'help') {
      const target = findVerb(words[at + 1] ?? '');
      return target ? verbHelp(target, words[at + 2]) : rootHelp();
    }
    const verb = findVerb(word);
    if (!verb) return unknownCommand(word);
    const parsed = parseVerbArgs(verb, [...words.slice(0, at), ...words.slice(at + 1)]);
    if (!parsed.ok) return { stdout: '', stderr: parsed.error, exitCode: 1 };
    if (parsed.args.flags.get('help') === true) return verbHelp(verb, parsed.args.sub);
    if (verb.subcommands?.length && !parsed.args.sub && !verb.runsWithoutSubcommand)
      return verbHelp(verb, undefined);
    return verb.run(parsed.args, { sim, stdin });
  } catch (e) {
    return { stdout: '', stderr: internalError(e), exitCode: 1 };
  }
}

/**
 * runCommandLine runs what a user types at the console's `$` prompt: a kubectl command, or a
 * pipeline of kubectl and the console's filters (`… -o json | jq '.status'`, `… | grep -A 5
 * Taints`, `… | xargs kubectl delete pod`). It never throws, like runKubectl.
 */
export function runCommandLine(sim: Simulation, line: string, opts: KubectlOptions = {}): KubectlResult {
  try {
    return runLine(line, opts.stdin, (words, stdin) => runKubectlWords(sim, words, stdin));
  } catch (e) {
    return { stdout: '', stderr: internalError(e), exitCode: 1 };
  }
}

linkKubectl({ runCommandLine, runKubectl, pipelineStages, complete, setExplainSchema, readOnlyGetProblem });
