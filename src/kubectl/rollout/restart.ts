// kubectl rollout restart: stamp kubectl.kubernetes.io/restartedAt on the pod template
// (polymorphichelpers/objectrestarter.go); a paused Deployment is refused.
import type { DaemonSet, Deployment, StatefulSet } from '../../engine/api/types';
import { ANNOTATION_RESTARTED_AT } from '../../engine/api/wellKnown';
import type { KubectlResult, VerbArgs, VerbContext } from '../types';
import { apiErrorText } from '../util/errors';
import { dryRunOf, dryRunSuffix, fail } from '../util/flags';
import { nameOf, qualifiedResourceName, typeOfKind } from '../util/resources';
import { findTargets } from '../util/targets';

function rfc3339(timestamp: string): string {
  return timestamp.replace(/\.\d+Z$/, 'Z');
}

/** rolloutRestartCommand is `kubectl rollout restart`. */
export function rolloutRestartCommand(args: VerbArgs, ctx: VerbContext): KubectlResult {
  const found = findTargets(ctx.sim, args, args.positional);
  if ('error' in found) return fail(found.error);
  const dry = dryRunOf(args);
  if (typeof dry === 'object') return fail(dry.error);
  let stdout = '';
  let stderr = found.errors;
  const now = rfc3339(ctx.sim.clock.timestamp(Math.floor(ctx.sim.clock.now())));
  for (const obj of found.objects) {
    const t = typeOfKind(obj.kind);
    const resource = t ? qualifiedResourceName(t) : obj.kind;
    if (obj.kind !== 'DaemonSet' && obj.kind !== 'Deployment' && obj.kind !== 'StatefulSet') {
      stderr += `error: ${resource} "${obj.metadata.name}" restarting is not supported\n`;
      continue;
    }
    if (obj.kind === 'Deployment' && (obj.spec as { paused?: boolean }).paused) {
      stderr += `error: ${resource} "${obj.metadata.name}" can't restart paused deployment (run rollout resume first)\n`;
      continue;
    }
    const workload = obj as DaemonSet | Deployment | StatefulSet;
    const annotations = workload.spec.template.metadata?.annotations ?? {};
    if (annotations[ANNOTATION_RESTARTED_AT] === now) {
      stderr += `error: failed to create patch for ${obj.metadata.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another\n`;
      continue;
    }
    const next = structuredClone(workload);
    next.spec.template.metadata = {
      ...(next.spec.template.metadata ?? {}),
      annotations: { ...annotations, [ANNOTATION_RESTARTED_AT]: now },
    };
    if (dry === 'none') {
      const res = ctx.sim.api.update(next);
      if (!res.ok) {
        stderr += apiErrorText(res.error);
        continue;
      }
    }
    stdout += `${nameOf(obj)} restarted${dryRunSuffix(dry)}\n`;
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}
