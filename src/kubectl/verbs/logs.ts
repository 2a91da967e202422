// kubectl logs: what the simulated containers printed (the kubelet's log store), with kubectl's
// argument handling from staging/src/k8s.io/kubectl/pkg/cmd/logs/logs.go and container defaulting
// from polymorphichelpers/logsforobject.go.
import type { Pod } from '../../engine/api/types';
import { findLogTarget } from '../logs/target';
import type { LogRequest, LogStream } from '../logs/stream';
import { openLogStream } from '../logs/stream';
import { registerVerb } from '../registry';
import type { KubectlResult, VerbArgs, VerbContext } from '../types';
import { bool, fail, int, namespaceOf, str, usageError } from '../util/flags';

const USAGE = 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]';
const USAGE_ERROR = `expected '${USAGE}'.\nPOD or TYPE/NAME is a required argument for the logs command`;
// Without --tail, a selector shows the last 10 lines of each pod (selectorTail in logs.go).
const SELECTOR_TAIL = 10;
const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

function allContainerNames(pod: Pod): string {
  return [
    ...pod.spec.containers.map((c) => c.name),
    ...(pod.spec.initContainers ?? []).map((c) => `${c.name} (init)`),
  ].join(', ');
}

interface Request {
  pod: Pod;
  container: string;
}

// requestsFor picks the containers of one pod: all of them, the one asked for, the default
// container annotation, or the first (with a notice when there was a choice).
function requestsFor(
  pod: Pod,
  container: string | undefined,
  allContainers: boolean,
  allPods: boolean,
): { requests: Request[]; notice: string } | { error: string } {
  if (allContainers) {
    const names = [...(pod.spec.initContainers ?? []), ...pod.spec.containers].map((c) => c.name);
    return { requests: names.map((c) => ({ pod, container: c })), notice: '' };
  }
  let name = container;
  let notice = '';
  const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (!name && annotated && pod.spec.containers.some((c) => c.name === annotated)) name = annotated;
  if (!name) {
    name = pod.spec.containers[0]?.name ?? '';
    if (!allPods && (pod.spec.containers.length > 1 || (pod.spec.initContainers?.length ?? 0) > 0))
      notice = `Defaulted container "${name}" out of: ${allContainerNames(pod)}\n`;
  }
  const exists = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])].some((c) => c.name === name);
  if (!exists) {
    return {
      error: `error: container ${name} is not valid for pod ${pod.metadata.name} out of: ${allContainerNames(pod)}\n`,
    };
  }
  return { requests: [{ pod, container: name }], notice };
}

function validate(args: VerbArgs): string | undefined {
  const container = str(args, 'container') ?? args.positional[1];
  if (bool(args, 'all-containers') && container)
    return `error: --all-containers=true should not be specified with container name ${container}\n`;
  if (args.flags.has('container') && args.positional.length === 2)
    return 'error: only one of -c or an inline [CONTAINER] arg is allowed\n';
  const tail = int(args, 'tail');
  if (tail !== undefined && tail < -1) return 'error: --tail must be greater than or equal to -1\n';
  return undefined;
}

function run(args: VerbArgs, ctx: VerbContext): KubectlResult {
  const selector = str(args, 'selector');
  const [arg] = args.positional;
  if (args.positional.length === 0 && !selector) return usageError(args, USAGE_ERROR);
  if (args.positional.length === 1 && selector)
    return usageError(args, 'only a selector (-l) or a POD name is allowed');
  if (args.positional.length > 2) return usageError(args, USAGE_ERROR);
  const invalid = validate(args);
  if (invalid) return fail(invalid);
  const namespace = namespaceOf(args);
  const target = findLogTarget(ctx.sim, namespace, arg, selector);
  if ('error' in target) return fail(target.error);
  let stderr = target.notice;
  if (selector !== undefined && target.pods.length === 0)
    return { stdout: '', stderr: `No resources found in ${namespace} namespace.\n`, exitCode: 0 };
  const requests: Request[] = [];
  for (const pod of target.pods) {
    const picked = requestsFor(
      pod,
      str(args, 'container') ?? args.positional[1],
      bool(args, 'all-containers'),
      target.allPods,
    );
    if ('error' in picked) return fail(picked.error, '');
    stderr += picked.notice;
    requests.push(...picked.requests);
  }
  const follow = bool(args, 'follow');
  const maxRequests = int(args, 'max-log-requests') ?? 5;
  if (follow && requests.length > 1 && requests.length > maxRequests) {
    return fail(
      `error: you are attempting to follow ${requests.length} log streams, but maximum allowed concurrency is ${maxRequests}, use --max-log-requests to increase the limit\n`,
    );
  }
  const tailFlag = int(args, 'tail');
  const options: Omit<LogRequest, 'container'> = {
    previous: bool(args, 'previous'),
    follow,
    timestamps: bool(args, 'timestamps'),
    tail:
      tailFlag !== undefined && tailFlag >= 0
        ? tailFlag
        : selector && tailFlag === undefined
          ? SELECTOR_TAIL
          : undefined,
  };
  const prefixed = bool(args, 'prefix');
  let stdout = '';
  const live: { prefix: string; next: NonNullable<LogStream['next']> }[] = [];
  for (const r of requests) {
    const stream = openLogStream(ctx.sim, r.pod, { ...options, container: r.container });
    // Streams are read one after another; the first failing one ends the command.
    if ('error' in stream) return { stdout, stderr: stderr + stream.error, exitCode: 1 };
    const prefix = prefixed ? `[pod/${r.pod.metadata.name}/${r.container}] ` : '';
    stdout += addPrefix(stream.text, prefix);
    if (stream.next) live.push({ prefix, next: stream.next });
  }
  const result: KubectlResult = { stdout, stderr, exitCode: 0 };
  if (live.length > 0) {
    result.watch = { format: () => live.map((s) => addPrefix(s.next(), s.prefix)).join('') };
  }
  return result;
}

function addPrefix(text: string, prefix: string): string {
  if (!prefix || !text) return text;
  return text
    .split('\n')
    .slice(0, -1)
    .map((l) => `${prefix}${l}\n`)
    .join('');
}

// `kubectl logs`.
registerVerb({
  name: 'logs',
  usage: `kubectl ${USAGE} [options]`,
  short: 'Print the logs for a container in a pod',
  flags: [
    { name: 'container', short: 'c', type: 'string', description: 'Print the logs of this container' },
    { name: 'follow', short: 'f', type: 'bool', description: 'Specify if the logs should be streamed.' },
    {
      name: 'previous',
      short: 'p',
      type: 'bool',
      description:
        'If true, print the logs for the previous instance of the container in a pod if it exists.',
    },
    {
      name: 'tail',
      type: 'int',
      description:
        'Lines of recent log file to display. Defaults to -1 with no selector, showing all log lines otherwise 10, if a selector is provided.',
    },
    { name: 'timestamps', type: 'bool', description: 'Include timestamps on each line in the log output' },
    { name: 'all-containers', type: 'bool', description: "Get all containers' logs in the pod(s)." },
    { name: 'selector', short: 'l', type: 'string', description: 'Selector (label query) to filter on.' },
    {
      name: 'prefix',
      type: 'bool',
      description: 'Prefix each log line with the log source (pod name and container name)',
    },
    {
      name: 'max-log-requests',
      type: 'int',
      description:
        'Specify maximum number of concurrent logs to follow when using by a selector. Defaults to 5.',
    },
  ],
  run,
});
