// kubectl top: there is no metrics-server in the playground, so it answers as kubectl does
// against a cluster without one.
import { registerVerb } from '../registry';
import { fail } from '../util/flags';

/** top is `kubectl top nodes|pods`. */
export const top = registerVerb({
  name: 'top',
  usage: 'kubectl top (nodes | pods) [flags]',
  short: 'Display resource (CPU/memory) usage',
  flags: [
    {
      name: 'all-namespaces',
      short: 'A',
      type: 'bool',
      description: 'If present, list the requested object(s) across all namespaces.',
    },
    { name: 'selector', short: 'l', type: 'string', description: 'Selector (label query) to filter on.' },
  ],
  run: (args) => {
    const what = args.positional[0];
    if (what && !['node', 'nodes', 'no', 'pod', 'pods', 'po'].includes(what))
      return fail(`error: unknown command "${what}" for "kubectl top"\n`);
    return fail(
      'error: Metrics API not available\n(the playground simulates no metrics-server; `kubectl describe node` shows requested resources)\n',
    );
  },
});
