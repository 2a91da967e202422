// Lesson checks run a command after every change to the cluster, so it may only read: a
// `kubectl get` (with any global flags, in any order) piped into filters that only read their
// input. The grammar is kubectl's, so the test of it lives here.
import { GLOBAL_FLAGS, firstPositional, parseVerbArgs } from './parse';
import { findVerb } from './registry';
import { pipelineStages } from './shell/run';

/**
 * readOnlyGetProblem says why `command` is not a read-only `kubectl get`, optionally piped into
 * the programs in `filters` (`get pods -o wide | grep node-2 | wc -l`), or returns undefined.
 * `because` ends the texts that refuse a verb or a program.
 */
export function readOnlyGetProblem(
  command: string,
  filters: ReadonlySet<string>,
  because: string,
): string | undefined {
  const pipeline = pipelineStages(command);
  if (!pipeline.ok) return pipeline.message.replace(/^(error|playground): /, '');
  const [words = [], ...piped] = pipeline.stages;
  const writer = piped.find((f) => !filters.has(f[0] ?? ''));
  if (writer) {
    return `Unsupported value: "${writer[0] ?? ''}": supported values: ${[...filters].map((f) => `"${f}"`).join(', ')} (${because})`;
  }
  const at = firstPositional(words, GLOBAL_FLAGS);
  if (at < 0) return 'Required value: a kubectl get command, e.g. get pods -n kube-system -o name';
  const word = words[at] ?? '';
  const verb = findVerb(word);
  if (verb?.name !== 'get') return `Unsupported value: "${word}": supported values: "get" (${because})`;
  const parsed = parseVerbArgs(verb, [...words.slice(0, at), ...words.slice(at + 1)]);
  if (!parsed.ok) return parsed.error.split('\n')[0]?.replace(/^error: /, '') ?? parsed.error;
  const flags = parsed.args.flags;
  if (flags.has('watch') || flags.has('watch-only'))
    return 'Invalid value: a check runs once after each change; --watch never returns';
  return undefined;
}
