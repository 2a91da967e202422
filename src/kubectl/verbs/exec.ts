// kubectl exec: there is no process to run a command in, since containers are simulated.
import type { Pod } from '../../engine/api/types';
import { registerVerb } from '../registry';
import { fail, namespaceOf } from '../util/flags';

// `kubectl exec` (not possible against simulated containers).
registerVerb({
  name: 'exec',
  usage: 'kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]',
  short: 'Execute a command in a container',
  flags: [
    { name: 'container', short: 'c', type: 'string', description: 'Container name.' },
    { name: 'stdin', short: 'i', type: 'bool', description: 'Pass stdin to the container.' },
    { name: 'tty', short: 't', type: 'bool', description: 'Stdin is a TTY.' },
  ],
  run: (args, ctx) => {
    const target = args.positional[0];
    if (!target) return fail('error: pod, type/name or --filename must be specified\n');
    if (args.afterDash.length === 0 && args.positional.length < 2)
      return fail('error: you must specify at least one command for the container\n');
    const name = target.replace(/^pods?\//, '');
    if (!name.includes('/') && !ctx.sim.api.get<Pod>('Pod', namespaceOf(args), name)) {
      return fail(`Error from server (NotFound): pods "${name}" not found\n`);
    }
    return fail(
      `error: cannot exec into ${target}: the playground simulates containers and runs no processes, so there is nothing to execute a command in\n`,
    );
  },
});
