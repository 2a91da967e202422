// kubectl exec (staging/src/k8s.io/kubectl/pkg/cmd/exec/exec.go Complete, Validate, Run): the pod
// is found (or the first pod of TYPE/NAME), a completed pod or an unknown -c container is refused
// as kubectl refuses them, a container that is not running gets the kubelet's answer, and a
// running one runs the command in the playground's read-only shell (../exec/shell.ts). A non-zero
// exit prints `command terminated with exit code N` and becomes kubectl's own exit code.
import type { Container, Pod } from '../../engine/api/types';
import { runInContainer } from '../exec/shell';
import { findLogTarget } from '../logs/target';
import { registerVerb } from '../registry';
import type { KubectlResult, VerbArgs, VerbContext } from '../types';
import { bool, fail, namespaceOf, str, usageError } from '../util/flags';

/** INTERACTIVE_TEXT answers `exec -it POD -- sh`: the console has no terminal to attach. */
export const INTERACTIVE_TEXT =
  'error: the playground console runs one command at a time and cannot open an interactive shell.\n' +
  'Run each command on its own instead, for example:\n' +
  '  kubectl exec POD -- hostname\n  kubectl exec POD -- env\n  kubectl exec POD -- ls /var/log\n';

function allContainerNames(pod: Pod): string {
  return [
    ...pod.spec.containers.map((c) => c.name),
    ...(pod.spec.initContainers ?? []).map((c) => `${c.name} (init)`),
  ].join(', ');
}

// podcmd.FindOrDefaultContainerByName: -c, else the default-container annotation, else the first.
function pickContainer(
  pod: Pod,
  name: string | undefined,
): { container: Container; notice: string } | string {
  const wanted = name || pod.metadata.annotations?.['kubectl.kubernetes.io/default-container'];
  if (wanted) {
    const c = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])].find((x) => x.name === wanted);
    if (!c)
      return `error: container ${wanted} is not valid for pod ${pod.metadata.name} out of: ${allContainerNames(pod)}\n`;
    return { container: c, notice: '' };
  }
  const first = pod.spec.containers[0]!;
  const notice =
    pod.spec.containers.length > 1 || (pod.spec.initContainers ?? []).length > 0
      ? `Defaulted container "${first.name}" out of: ${allContainerNames(pod)}\n`
      : '';
  return { container: first, notice };
}

function run(args: VerbArgs, ctx: VerbContext): KubectlResult {
  // Everything before `--` but the pod is a command given the old way, which kubectl refuses.
  if (args.positional.length > 1)
    return usageError(
      args,
      'exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead',
    );
  const target = args.positional[0];
  if (!target) return fail('error: pod, type/name or --filename must be specified\n');
  const command = args.afterDash;
  if (command.length === 0) return fail('error: you must specify at least one command for the container\n');
  const found = findLogTarget(ctx.sim, namespaceOf(args), target, undefined);
  if ('error' in found) return fail(found.error);
  const pod = found.pods[0]!;
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed')
    return fail(`error: cannot exec into a container in a completed pod; current phase is ${phase}\n`);
  const picked = pickContainer(pod, str(args, 'container'));
  if (typeof picked === 'string') return fail(picked);
  const { container, notice } = picked;
  if (bool(args, 'stdin') || bool(args, 'tty')) return fail(notice + INTERACTIVE_TEXT);
  // The API server needs a node to proxy to; the kubelet needs the container running.
  if (!pod.spec.nodeName)
    return fail(
      `${notice}Error from server (BadRequest): pod ${pod.metadata.name} does not have a host assigned\n`,
    );
  const status = pod.status?.containerStatuses?.find((s) => s.name === container.name);
  if (!status?.state.running)
    return fail(`${notice}error: unable to upgrade connection: container not found ("${container.name}")\n`);
  const out = runInContainer(ctx.sim, pod, container, command);
  if (out.exitCode === 0) return { stdout: out.stdout, stderr: notice + out.stderr, exitCode: 0 };
  return {
    stdout: out.stdout,
    stderr: `${notice}${out.stderr}command terminated with exit code ${out.exitCode}\n`,
    exitCode: out.exitCode,
  };
}

// `kubectl exec`.
registerVerb({
  name: 'exec',
  usage: 'kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]',
  short: 'Execute a command in a container',
  flags: [
    { name: 'container', short: 'c', type: 'string', description: 'Container name.' },
    { name: 'stdin', short: 'i', type: 'bool', description: 'Pass stdin to the container.' },
    { name: 'tty', short: 't', type: 'bool', description: 'Stdin is a TTY.' },
    { name: 'quiet', short: 'q', type: 'bool', description: 'Only print output from the remote session.' },
  ],
  run,
});
