// What a stage of a console pipeline is to the runner: a program that reads standard input and
// answers with its output and exit status, as the GNU tool of the same name would.
import type { KubectlResult } from '../types';

/** RunKubectl runs one kubectl command (its words, without the leading `kubectl`) on a stdin. */
export type RunKubectl = (words: string[], stdin: string | undefined) => KubectlResult;

/** ProgramIO is what a program may use: the previous stage's output and, for xargs, kubectl. */
export interface ProgramIO {
  stdin: string;
  kubectl: RunKubectl;
}

/** Program is one filter the console runs after a `|`. */
export interface Program {
  run(args: string[], io: ProgramIO): KubectlResult;
  /** refuse says, before anything on the line runs, why these arguments cannot run here. */
  refuse?(args: string[]): string | undefined;
  /**
   * streams tells whether the program with these arguments handles each line on its own, so
   * the output of a `-w` watch can be passed through it chunk by chunk as it arrives.
   */
  streams?(args: string[]): boolean;
}

/** ok is a successful run's result. */
export const ok = (stdout: string): KubectlResult => ({ stdout, stderr: '', exitCode: 0 });

/** fail is a failed run's result. */
export const fail = (stderr: string, exitCode: number): KubectlResult => ({ stdout: '', stderr, exitCode });

/** splitLines is a text's lines without their newlines; a last line without one still counts. */
export function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** joinLines ends every line with a newline, as line-oriented tools print them. */
export const joinLines = (lines: readonly string[]): string => lines.map((l) => `${l}\n`).join('');
