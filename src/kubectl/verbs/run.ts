// kubectl run NAME --image=IMAGE [--restart=…] [--labels=…] [--env=…] [--port=…] [-- ARGS…]
// (staging/src/k8s.io/kubectl/pkg/cmd/run/run.go createPod): a bare Pod with one container named
// after it, labelled `run: NAME` unless --labels says otherwise; words after the name are the
// container's args (its command with --command). Attaching (-i, -t, --attach, --rm) needs a live
// terminal, which the console is not, so it says so instead.
import type { Container, Pod } from '../../engine/api/types';
import { isEnvVarName } from '../../engine/validation/content';
import { registerVerb } from '../registry';
import type { KubectlResult, VerbArgs, VerbContext } from '../types';
import { DRY_RUN_FLAG, OUTPUT_FLAG, bool, dryRunOf, fail, list, str, usageError } from '../util/flags';
import { clientContainer, clientMeta, finishGenerated } from '../util/generator';

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'] as const;
const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'] as const;

/** ATTACH_TEXT is the console's answer to an attached run: one command at a time, no terminal. */
export const ATTACH_TEXT =
  'error: the playground console runs one command at a time and cannot attach a terminal to a container.\n' +
  'Run the pod without -i/-t/--attach/--rm, then read it with `kubectl logs NAME` or run one command in it with `kubectl exec NAME -- COMMAND`.\n';

// parseLabels: comma-separated k=v pairs, each with exactly one "=" and a key.
function parseLabels(text: string): Record<string, string> | string {
  const labels: Record<string, string> = {};
  for (const spec of text.split(',')) {
    const parts = spec.split('=');
    if (parts.length !== 2) return `unexpected label spec: ${spec}`;
    if (!parts[0]) return 'unexpected empty label key';
    labels[parts[0]] = parts[1]!;
  }
  return labels;
}

// parseEnvs: NAME=value with a valid C-identifier-like name (validation.IsEnvVarName).
function parseEnvs(values: readonly string[]): { name: string; value: string }[] | string {
  const envs: { name: string; value: string }[] = [];
  for (const env of values) {
    const eq = env.indexOf('=');
    const name = eq < 0 ? '' : env.slice(0, eq);
    if (!name || isEnvVarName(name).length > 0) return `invalid env: ${env}`;
    envs.push({ name, value: env.slice(eq + 1) });
  }
  return envs;
}

function run(args: VerbArgs, ctx: VerbContext): KubectlResult {
  const labelText = str(args, 'labels') ?? '';
  const labels = labelText ? parseLabels(labelText) : undefined;
  if (typeof labels === 'string') return fail(`error: ${labels}\n`);
  const env = parseEnvs(list(args, 'env'));
  if (typeof env === 'string') return fail(`error: ${env}\n`);
  const restart = str(args, 'restart') ?? 'Always';
  if (!(RESTART_POLICIES as readonly string[]).includes(restart))
    return fail(`error: invalid restart policy: ${restart}, valid values are: Always, OnFailure, Never\n`);
  const pull = str(args, 'image-pull-policy') ?? '';
  if (pull && !(PULL_POLICIES as readonly string[]).includes(pull))
    return fail(`error: invalid image pull policy: ${pull}, valid values are: Always, IfNotPresent, Never\n`);
  const dry = dryRunOf(args);
  if (typeof dry === 'object') return fail(dry.error);
  // Validate: `--` before any name leaves NAME out (ArgsLenAtDash == 0).
  const name = args.positional[0];
  if (!name) return usageError(args, 'NAME is required for run');
  if (!args.flags.has('image')) return fail('error: required flag(s) "image" not set\n');
  const image = str(args, 'image') ?? '';
  if (!image) return usageError(args, '--image is required');
  const interactive = bool(args, 'stdin');
  if (bool(args, 'tty') && !interactive)
    return usageError(args, '-i/--stdin is required for containers with -t/--tty=true');
  const port = str(args, 'port');
  if (port !== undefined && !/^\d+$/.test(port)) return usageError(args, '--port must be a number');
  const attach = bool(args, 'attach') || interactive;
  if (bool(args, 'rm') && !attach)
    return usageError(args, '--rm should only be used for attached containers');
  if (dry !== 'none' && attach)
    return usageError(
      args,
      "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)",
    );
  if (attach) return fail(ATTACH_TEXT);
  const words = [...args.positional.slice(1), ...args.afterDash];
  const container: Container = {
    name,
    image,
    ...(words.length > 0 ? (bool(args, 'command') ? { command: words } : { args: words }) : {}),
    ...(port !== undefined ? { ports: [{ containerPort: Number(port) }] } : {}),
    ...(env.length > 0 ? { env } : {}),
    ...(pull ? { imagePullPolicy: pull as Container['imagePullPolicy'] & string } : {}),
  };
  const podLabels = labels ?? { run: name };
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, labels: podLabels },
    spec: {
      containers: [container],
      dnsPolicy: 'ClusterFirst',
      restartPolicy: restart as Pod['spec']['restartPolicy'] & string,
    },
  } as Pod;
  const client = {
    kind: 'Pod',
    apiVersion: 'v1',
    metadata: clientMeta(args, pod.metadata, true),
    spec: { containers: [clientContainer(container)], restartPolicy: restart, dnsPolicy: 'ClusterFirst' },
    status: {},
  };
  return finishGenerated(args, ctx, { object: pod, client });
}

// `kubectl run`.
registerVerb({
  name: 'run',
  usage:
    'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--command] -- [COMMAND] [args...]',
  short: 'Run a particular image on the cluster',
  flags: [
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
    { name: 'image', type: 'string', description: 'The image for the container to run.' },
    {
      name: 'image-pull-policy',
      type: 'string',
      description:
        'The image pull policy for the container.  If left empty, this value will not be specified by the client and defaulted by the server.',
    },
    { name: 'env', type: 'array', description: 'Environment variables to set in the container.' },
    { name: 'port', type: 'string', description: 'The port that this container exposes.' },
    {
      name: 'labels',
      short: 'l',
      type: 'string',
      description: 'Comma separated labels to apply to the pod. Will override previous values.',
    },
    {
      name: 'restart',
      type: 'string',
      description: 'The restart policy for this Pod.  Legal values [Always, OnFailure, Never].',
    },
    {
      name: 'command',
      type: 'bool',
      description:
        "If true and extra arguments are present, use them as the 'command' field in the container, rather than the 'args' field which is the default.",
    },
    {
      name: 'stdin',
      short: 'i',
      type: 'bool',
      description: 'Keep stdin open on the container in the pod, even if nothing is attached.',
    },
    { name: 'tty', short: 't', type: 'bool', description: 'Allocate a TTY for the container in the pod.' },
    {
      name: 'attach',
      type: 'bool',
      description: 'If true, wait for the Pod to start running, and then attach to the Pod.',
    },
    { name: 'rm', type: 'bool', description: 'If true, delete the pod after it exits.' },
  ],
  run,
});
