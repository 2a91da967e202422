// kubectl rollout pause|resume: set a Deployment's spec.paused (polymorphichelpers/objectpauser.go,
// objectresumer.go). DaemonSets cannot be paused: they roll out as soon as their template changes.
import type { Deployment } from '../../engine/api/types';
import type { KubectlResult, VerbArgs, VerbContext } from '../types';
import { apiErrorText } from '../util/errors';
import { fail } from '../util/flags';
import { nameOf, qualifiedResourceName, typeOfKind } from '../util/resources';
import { findTargets } from '../util/targets';

/** PausableDeployment is a Deployment with the spec.paused field the engine's type leaves out. */
type PausableDeployment = Deployment & { spec: { paused?: boolean } };

/** rolloutPauseCommand is `kubectl rollout pause` (pause true) and `kubectl rollout resume` (false). */
export function rolloutPauseCommand(args: VerbArgs, ctx: VerbContext, pause: boolean): KubectlResult {
  const found = findTargets(ctx.sim, args, args.positional);
  if ('error' in found) return fail(found.error);
  let stdout = '';
  let stderr = found.errors;
  for (const obj of found.objects) {
    const t = typeOfKind(obj.kind);
    const resource = t ? qualifiedResourceName(t) : obj.kind;
    if (obj.kind !== 'Deployment') {
      stderr += `error: ${resource} "${obj.metadata.name}" ${pause ? 'pausing' : 'resuming'} is not supported\n`;
      continue;
    }
    const d = obj as PausableDeployment;
    if ((d.spec.paused ?? false) === pause) {
      stderr += `error: ${resource} "${obj.metadata.name}" is ${pause ? 'already paused' : 'not paused'}\n`;
      continue;
    }
    const spec = { ...d.spec };
    // A resumed Deployment drops the field, as `paused: false` is its default.
    if (pause) spec.paused = true;
    else delete spec.paused;
    const res = ctx.sim.api.update({ ...d, spec });
    if (!res.ok) stderr += apiErrorText(res.error);
    else stdout += `${nameOf(obj)} ${pause ? 'paused' : 'resumed'}\n`;
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}
