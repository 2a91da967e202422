// Kustomize needs a directory of files (kustomization.yaml and what it names), which a browser
// page does not have: `kubectl kustomize DIR` and `-k DIR` on apply, create and delete say so
// plainly and point to the way that works here, instead of failing on a missing path.
import { registerVerb } from '../registry';
import type { FlagSpec, KubectlResult } from '../types';
import { fail, str } from '../util/flags';
import type { VerbArgs } from '../types';

/** KUSTOMIZE_FLAG is `-k/--kustomize DIR`, which kubectl reads with a kustomization. */
export const KUSTOMIZE_FLAG: FlagSpec = {
  name: 'kustomize',
  short: 'k',
  type: 'string',
  description: 'Process a kustomization directory (not possible in the playground: it has no local files).',
};

/** noKustomization is the answer to any kustomization directory. */
export function noKustomization(dir: string): KubectlResult {
  return fail(
    `error: the playground cannot read the kustomization directory "${dir}": a browser page has no local files.\n` +
      'Render it where the files are (kubectl kustomize DIR), paste the YAML into the editor and apply it (kubectl apply -f -).\n',
  );
}

/** kustomizeRequested answers `-k DIR` on a verb, or undefined when -k was not given. */
export function kustomizeRequested(args: VerbArgs): KubectlResult | undefined {
  const dir = str(args, 'kustomize');
  return dir === undefined ? undefined : noKustomization(dir);
}

// `kubectl kustomize`.
registerVerb({
  name: 'kustomize',
  usage: 'kubectl kustomize DIR [flags]',
  short: 'Build a kustomization target from a directory or URL',
  flags: [],
  run: (args) => noKustomization(args.positional[0] ?? '.'),
});
