// kubectl logs: the playground simulates containers instead of running them, so there are no
// log lines yet; say so plainly, after the same checks kubectl makes.
import type { Pod } from '../../engine/api/types';
import { registerVerb } from '../registry';
import { fail, namespaceOf, ok, str } from '../util/flags';

/** logs is `kubectl logs` (a placeholder until simulated logs exist). */
export const logs = registerVerb({
  name: 'logs',
  usage: 'kubectl logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER] [options]',
  short: 'Print the logs for a container in a pod',
  flags: [
    { name: 'container', short: 'c', type: 'string', description: 'Print the logs of this container.' },
    { name: 'follow', short: 'f', type: 'bool', description: 'Specify if the logs should be streamed.' },
    {
      name: 'previous',
      short: 'p',
      type: 'bool',
      description: 'Print the logs for the previous instance of the container.',
    },
    { name: 'tail', type: 'int', description: 'Lines of recent log file to display.' },
    { name: 'timestamps', type: 'bool', description: 'Include timestamps on each line in the log output.' },
    { name: 'all-containers', type: 'bool', description: 'Get all containers logs in the pod(s).' },
    { name: 'selector', short: 'l', type: 'string', description: 'Selector (label query) to filter on.' },
  ],
  run: (args, ctx) => {
    const target = args.positional[0];
    if (!target)
      return fail(
        "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n",
      );
    const namespace = namespaceOf(args);
    const name = target.startsWith('pod/')
      ? target.slice(4)
      : target.startsWith('pods/')
        ? target.slice(5)
        : target;
    if (name.includes('/'))
      return ok(
        `The playground simulates containers rather than running them, so ${target} has no logs to show yet.\n`,
      );
    const pod = ctx.sim.api.get<Pod>('Pod', namespace, name);
    if (!pod) return fail(`Error from server (NotFound): pods "${name}" not found\n`);
    const container = str(args, 'container');
    if (container && !pod.spec.containers.some((c) => c.name === container)) {
      return fail(`error: container ${container} is not valid for pod ${name}\n`);
    }
    if (!pod.spec.nodeName)
      return fail(
        `Error from server (BadRequest): container "${container ?? pod.spec.containers[0]?.name ?? ''}" in pod "${name}" is waiting to start: ContainerCreating\n`,
      );
    return ok(
      `The playground simulates containers rather than running them, so pod/${name} has no log lines yet.\nUse 'kubectl describe pod ${name}' and 'kubectl get events' to follow what its containers do.\n`,
    );
  },
});
