// The engine worker draws its first cluster before kubectl's code has arrived: kubectl (about a
// third of the worker's JavaScript) is a chunk of its own that the worker imports right after
// the first paint (issue 15's budget for the first paint). So the layers above reach kubectl's
// entry points through this link rather than a static import; kubectl's index fills it in when
// it is evaluated, as the verb modules fill the verb registry. Anything that imports '../kubectl'
// (the headless runner, the CLI, the test setup, the worker's dynamic import) has linked it.
import type * as Kubectl from './index';

/** KubectlApi is what the layers above kubectl call through the link. */
export type KubectlApi = Pick<
  typeof Kubectl,
  'runCommandLine' | 'runKubectl' | 'pipelineStages' | 'complete' | 'setExplainSchema' | 'readOnlyGetProblem'
>;

/** KubectlNotLoaded is thrown by a call through the link before kubectl's code is in. */
export class KubectlNotLoaded extends Error {
  constructor() {
    super('kubectl is still loading');
    this.name = 'KubectlNotLoaded';
  }
}

let linked: KubectlApi | null = null;

/** linkKubectl is called once by kubectl's index when it is evaluated. */
export function linkKubectl(api: KubectlApi): void {
  linked = api;
}

/** kubectlLinked tells whether kubectl's code is in. */
export function kubectlLinked(): boolean {
  return linked !== null;
}

/** kubectl returns kubectl's entry points, or throws KubectlNotLoaded before they are in. */
export function kubectl(): KubectlApi {
  if (!linked) throw new KubectlNotLoaded();
  return linked;
}
