// kubectl create deployment NAME --image=IMAGE... [--replicas=N] [--port=P] [-- COMMAND [args...]]
// (staging/src/k8s.io/kubectl/pkg/cmd/create/create_deployment.go createDeployment, buildPodSpec):
// one container per image, named after the image's last path segment without tag or digest,
// everything labelled and selected by `app: NAME`.
import type { Container, Deployment } from '../../engine/api/types';
import type { Rng } from '../../engine/clock/rng';
import { randomSuffix } from '../../engine/clock/rng';
import { fail, int, list } from '../util/flags';
import type { Generator } from '../util/generator';
import { clientContainer, clientMeta, finishGenerated, oneName } from '../util/generator';

/**
 * containerNameFor is buildPodSpec's naming: `registry/team/nginx:1.25` → `nginx`. A name with
 * `_` or `.` is made a DNS label and given a random suffix (sanitizeAndUniquify).
 */
export function containerNameFor(image: string, rng: Rng): string {
  let name = image.split('/').pop() ?? image;
  name = name.split(':')[0]!.split('@')[0]!;
  if (/[_.]/.test(name)) name = `${name.replace(/[_.]/g, '-')}-${randomSuffix(rng)}`;
  return name;
}

/** deploymentGenerator runs `kubectl create deployment`. */
export const deploymentGenerator: Generator = {
  spec: {
    name: 'deployment',
    aliases: ['deploy'],
    usage: 'kubectl create deployment NAME --image=image -- [COMMAND] [args...]',
    short: 'Create a deployment with the specified name',
    flags: [
      {
        name: 'image',
        type: 'strings',
        description: 'Image names to run. A deployment can have multiple images set for multi-container pod.',
      },
      { name: 'port', type: 'int', description: 'The containerPort that this deployment exposes.' },
      {
        name: 'replicas',
        short: 'r',
        type: 'int',
        description: 'Number of replicas to create. Default is 1.',
      },
    ],
  },
  run(args, ctx) {
    const name = oneName(args);
    if (typeof name !== 'string') return name;
    const images = list(args, 'image');
    // cobra's MarkFlagRequired, checked before Run.
    if (!args.flags.has('image')) return fail('error: required flag(s) "image" not set\n');
    const command = args.afterDash;
    if (images.length > 1 && command.length > 0)
      return fail('error: cannot specify multiple --image options and command\n');
    const labels = { app: name };
    const containers: Container[] = images.map((image) => ({
      name: containerNameFor(image, ctx.sim.rng),
      image,
      ...(command.length > 0 ? { command: [...command] } : {}),
    }));
    const port = int(args, 'port') ?? -1;
    if (port >= 0) containers[0]!.ports = [{ containerPort: port }];
    const replicas = int(args, 'replicas') ?? 1;
    const deployment: Deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name, labels },
      spec: {
        replicas,
        selector: { matchLabels: { ...labels } },
        template: { metadata: { labels: { ...labels } }, spec: { containers } },
      },
    };
    const client = {
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: clientMeta(args, deployment.metadata, true),
      spec: {
        replicas,
        selector: { matchLabels: labels },
        template: {
          metadata: { creationTimestamp: null, labels },
          spec: { containers: containers.map(clientContainer) },
        },
        strategy: {},
      },
      status: {},
    };
    return finishGenerated(args, ctx, { object: deployment, client }, 'failed to create deployment');
  },
};
