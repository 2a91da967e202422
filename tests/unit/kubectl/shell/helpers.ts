// Running one console filter on a text, as the pipeline runner would after a `|`.
import type { Program } from '../../../../src/kubectl/shell/program';
import type { KubectlResult } from '../../../../src/kubectl/types';

export function filter(program: Program, args: string[], stdin: string): KubectlResult {
  return program.run(args, {
    stdin,
    kubectl: () => {
      throw new Error('a filter ran kubectl');
    },
  });
}

/** lines joins lines as a tool prints them, each ending in a newline. */
export const lines = (...ls: string[]): string => ls.map((l) => `${l}\n`).join('');
