// kubectl scale: set spec.replicas through the scale subresource, which Deployments, ReplicaSets
// and StatefulSets have and DaemonSets do not (staging/src/k8s.io/kubectl/pkg/cmd/scale/scale.go).
import type { Deployment, KubeObject, ReplicaSet, StatefulSet } from '../../engine/api/types';
import { registerVerb } from '../registry';
import type { KubectlResult, VerbArgs, VerbContext } from '../types';
import { apiErrorText } from '../util/errors';
import { ALL_FLAG, DRY_RUN_FLAG, SELECTOR_FLAG, dryRunOf, dryRunSuffix, fail, int } from '../util/flags';
import { nameOf } from '../util/resources';
import { findTargets } from '../util/targets';

// A kind without a scale subresource: the PATCH to <resource>/<name>/scale is a 404 without a name.
const NO_SCALE = 'Error from server (NotFound): the server could not find the requested resource\n';

type Scalable = Deployment | ReplicaSet | StatefulSet;

function scalable(obj: KubeObject): obj is Scalable {
  return obj.kind === 'Deployment' || obj.kind === 'ReplicaSet' || obj.kind === 'StatefulSet';
}

function run(args: VerbArgs, ctx: VerbContext): KubectlResult {
  const replicas = int(args, 'replicas');
  if (replicas === undefined) return fail('error: required flag(s) "replicas" not set\n');
  if (replicas < 0)
    return fail(
      'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n',
    );
  const current = int(args, 'current-replicas') ?? -1;
  if (current < -1) return fail('error: The --current-replicas must specify an integer of -1 or greater\n');
  const dry = dryRunOf(args);
  if (typeof dry === 'object') return fail(dry.error);
  const found = findTargets(ctx.sim, args, args.positional);
  if ('error' in found) return fail(found.error);
  if (found.objects.length === 0) return fail(found.errors || 'error: no objects passed to scale\n');
  let stdout = '';
  for (const obj of found.objects) {
    // Client-side dry run only prints; the server is never asked, so even a DaemonSet "scales".
    if (dry === 'client') {
      stdout += `${nameOf(obj)} scaled${dryRunSuffix(dry)}\n`;
      continue;
    }
    if (!scalable(obj)) return { stdout, stderr: NO_SCALE, exitCode: 1 };
    const now = obj.spec.replicas ?? 1;
    if (current !== -1 && current !== now)
      return { stdout, stderr: `error: Expected replicas to be ${current}, was ${now}\n`, exitCode: 1 };
    if (dry === 'none' && now !== replicas) {
      const res = ctx.sim.api.update<Scalable>({ ...obj, spec: { ...obj.spec, replicas } } as Scalable);
      if (!res.ok) return { stdout, stderr: apiErrorText(res.error), exitCode: 1 };
    }
    stdout += `${nameOf(obj)} scaled${dryRunSuffix(dry)}\n`;
  }
  // NotFound errors for missing names come last, after the objects that were scaled.
  return { stdout, stderr: found.errors, exitCode: found.errors ? 1 : 0 };
}

// `kubectl scale`.
registerVerb({
  name: 'scale',
  usage:
    'kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  flags: [
    { name: 'replicas', type: 'int', description: 'The new desired number of replicas. Required.' },
    {
      name: 'current-replicas',
      type: 'int',
      description:
        'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.',
    },
    SELECTOR_FLAG,
    ALL_FLAG,
    DRY_RUN_FLAG,
  ],
  run,
});
