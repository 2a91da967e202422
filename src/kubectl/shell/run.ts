// Running a console line as bash would run a pipeline: the stages left to right, each one's
// standard output the next one's standard input, every stage's errors passed through, and the
// exit status of the last stage (bash without pipefail). Before anything runs, the whole line is
// checked: an operator or program the console does not have refuses the line, so a line is
// never run in part.
import type { KubectlResult, KubectlWatch } from '../types';
import { splitPipeline } from './pipeline';
import type { Stage } from './pipeline';
import { PROGRAMS, programNames } from './programs';
import type { RunKubectl } from './program';

function notFound(name: string): KubectlResult {
  const list = programNames().join(', ');
  return {
    stdout: '',
    stderr: `playground: ${name}: command not found (the console runs ${list})\n`,
    exitCode: 127,
  };
}

// A filter first on the line has nothing to read: in a terminal it would wait for typing.
function nothingToRead(name: string): KubectlResult {
  return {
    stdout: '',
    stderr: `playground: ${name} reads the output of a command before it: pipe one into it, e.g. kubectl get pods | ${name} …\n`,
    exitCode: 2,
  };
}

/** refusal checks every stage before any runs; undefined when the whole line can run. */
function refusal(stages: Stage[]): KubectlResult | undefined {
  for (const [i, stage] of stages.entries()) {
    const name = stage.words[0] ?? '';
    if (name === 'kubectl') continue;
    const program = PROGRAMS[name];
    // The first stage's leading `kubectl` is optional: any other word there is a kubectl verb.
    if (i === 0) {
      if (program) return nothingToRead(name);
      continue;
    }
    if (!program) return notFound(name);
    const why = program.refuse?.(stage.words.slice(1));
    if (why) return { stdout: '', stderr: why, exitCode: 127 };
  }
  return undefined;
}

const kubectlWords = (words: string[]) => (words[0] === 'kubectl' ? words.slice(1) : words);

// A watch keeps printing after the line returns: its later output goes through the stages after
// it when each of them handles lines one at a time (grep, cut); otherwise the filters see only
// what was printed before the prompt returned, as when a watch is stopped.
function pipedWatch(watch: KubectlWatch, rest: Stage[], kubectl: RunKubectl): KubectlWatch | undefined {
  const streams = rest.every((s) => PROGRAMS[s.words[0] ?? '']?.streams?.(s.words.slice(1)) === true);
  if (!streams) return undefined;
  const piped: KubectlWatch = Object.create(watch) as KubectlWatch;
  piped.format = (changes) => {
    const text = watch.format(changes);
    return text === '' ? '' : runStages(rest, text, kubectl).stdout;
  };
  return piped;
}

function runStages(stages: Stage[], stdin: string, kubectl: RunKubectl): KubectlResult {
  let input = stdin;
  let stderr = '';
  let last: KubectlResult = { stdout: stdin, stderr: '', exitCode: 0 };
  for (const stage of stages) {
    const name = stage.words[0] ?? '';
    const args = stage.words.slice(1);
    const program = PROGRAMS[name];
    last = program ? program.run(args, { stdin: input, kubectl }) : kubectl(args, input);
    stderr += last.stderr;
    input = last.stdout;
  }
  return { stdout: last.stdout, stderr, exitCode: last.exitCode };
}

/**
 * runLine runs a console line: one kubectl command (the leading `kubectl` optional) or a
 * pipeline of kubectl and the filters in programs.ts. `stdin` is what the first stage reads
 * (`apply -f -` with a manifest).
 */
export function runLine(line: string, stdin: string | undefined, kubectl: RunKubectl): KubectlResult {
  const split = splitPipeline(line);
  if (!split.ok) return { stdout: '', stderr: split.message, exitCode: split.exitCode };
  const [first, ...rest] = split.stages;
  if (!first) return kubectl([], stdin);
  const refused = refusal(split.stages);
  if (refused) return refused;
  const head = kubectl(kubectlWords(first.words), stdin);
  if (rest.length === 0) return head;
  const { watch, ...printed } = head;
  const out = runStages(rest, printed.stdout, kubectl);
  const piped = watch ? pipedWatch(watch, rest, kubectl) : undefined;
  return {
    stdout: out.stdout,
    stderr: printed.stderr + out.stderr,
    exitCode: out.exitCode,
    ...(piped ? { watch: piped } : {}),
  };
}

/**
 * pipelineStages is a line's stages as words (the first without its optional `kubectl`), or
 * the message the console prints when it refuses the line.
 */
export function pipelineStages(
  line: string,
): { ok: true; stages: string[][] } | { ok: false; message: string } {
  const split = splitPipeline(line);
  if (!split.ok) return { ok: false, message: split.message.trim() };
  const refused = refusal(split.stages);
  if (refused) return { ok: false, message: refused.stderr.trim() };
  return { ok: true, stages: split.stages.map((s, i) => (i === 0 ? kubectlWords(s.words) : s.words)) };
}
