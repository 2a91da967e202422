// kubectl rollout undo: the DaemonSet, StatefulSet and Deployment rollbackers of
// polymorphichelpers/rollback.go (a StatefulSet rolls back through its ControllerRevisions as a
// DaemonSet does).
import type { Deployment, KubeObject, PodTemplateSpec } from '../../engine/api/types';
import { ownedRevisions, stableStringify } from '../../engine/controllers/daemonset/history';
import type { RevisionOwner } from '../../engine/controllers/daemonset/history';
import type { Simulation } from '../../engine/simulation';
import type { KubectlResult, VerbArgs, VerbContext } from '../types';
import { apiErrorText } from '../util/errors';
import type { DryRun } from '../util/flags';
import { dryRunOf, fail, int } from '../util/flags';
import { deploymentRevisions, equalIgnoreHash, withoutHash } from '../util/deploymentRevisions';
import { nameOf } from '../util/resources';
import { findTargets } from '../util/targets';
import { templateText } from './template';

/** Rollback is a rollbacker's answer: the operation the name printer appends, or an error. */
type Rollback = { operation: string } | { error: string };

const notFound = (revision: number): Rollback => ({
  error: `unable to find specified revision ${revision} in history`,
});

// Annotations a rollback keeps from the Deployment rather than copying them from the ReplicaSet.
const ANNOTATIONS_TO_SKIP = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

function restored(sim: Simulation, next: KubeObject, toRevision: number): Rollback {
  const res = sim.api.update(next);
  return res.ok
    ? { operation: 'rolled back' }
    : { error: `failed restoring revision ${toRevision}: ${apiErrorText(res.error).trim()}` };
}

function rollbackDaemonSet(sim: Simulation, ds: RevisionOwner, toRevision: number, dry: DryRun): Rollback {
  if (toRevision < 0) return notFound(toRevision);
  const revisions = ownedRevisions(sim.api, ds);
  if (toRevision === 0 && revisions.length <= 1) return { error: 'no last revision to roll back to' };
  // Revision 0 means the previous one: the second-highest revision number.
  const target =
    toRevision === 0 ? revisions[revisions.length - 2] : revisions.find((r) => r.revision === toRevision);
  if (!target) return notFound(toRevision);
  const template = target.data.spec.template;
  if (dry === 'client') return { operation: templateText(template).trimEnd() };
  if (stableStringify(ds.spec.template) === stableStringify(template)) {
    // kubectl prints the revision it was asked for, so `undo` alone says "revision 0".
    return { operation: `skipped rollback (current template already matches revision ${toRevision})` };
  }
  if (dry === 'server') return { operation: 'rolled back' };
  return restored(sim, { ...ds, spec: { ...ds.spec, template: structuredClone(template) } }, toRevision);
}

function rollbackDeployment(sim: Simulation, d: Deployment, toRevision: number, dry: DryRun): Rollback {
  if (toRevision < 0) return notFound(toRevision);
  const revisions = deploymentRevisions(sim, d);
  const target =
    toRevision === 0 ? revisions[revisions.length - 2] : revisions.find((r) => r.revision === toRevision);
  if (!target) {
    return toRevision === 0
      ? { error: `no rollout history found for deployment "${d.metadata.name}"` }
      : notFound(toRevision);
  }
  const rs = target.replicaSet;
  if (dry === 'client') return { operation: templateText(rs.spec.template).trimEnd() };
  if ((d.spec as { paused?: boolean }).paused) {
    return {
      error: `you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/${d.metadata.name}' and try again`,
    };
  }
  if (equalIgnoreHash(rs.spec.template, d.spec.template))
    return { operation: `skipped rollback (current template already matches revision ${toRevision})` };
  if (dry === 'server') return { operation: 'rolled back' };
  const template: PodTemplateSpec = withoutHash(rs.spec.template);
  return restored(
    sim,
    { ...d, metadata: rollbackAnnotations(d, rs.metadata.annotations), spec: { ...d.spec, template } },
    toRevision,
  );
}

// The Deployment takes the ReplicaSet's annotations, keeping its own bookkeeping ones. The
// playground's controller copies no annotations to ReplicaSets, so a ReplicaSet without any
// leaves the Deployment's annotations as they are.
function rollbackAnnotations(
  d: Deployment,
  fromReplicaSet: Record<string, string> | undefined,
): Deployment['metadata'] {
  if (!fromReplicaSet || Object.keys(fromReplicaSet).length === 0) return d.metadata;
  const annotations: Record<string, string> = {};
  for (const [k, v] of Object.entries(d.metadata.annotations ?? {}))
    if (ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  for (const [k, v] of Object.entries(fromReplicaSet)) if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  return { ...d.metadata, annotations };
}

function rollback(sim: Simulation, obj: KubeObject, toRevision: number, dry: DryRun): Rollback {
  if (obj.kind === 'DaemonSet' || obj.kind === 'StatefulSet')
    return rollbackDaemonSet(sim, obj, toRevision, dry);
  if (obj.kind === 'Deployment') return rollbackDeployment(sim, obj, toRevision, dry);
  const group = obj.apiVersion.includes('/') ? `.${obj.apiVersion.split('/')[0]}` : '';
  return { error: `no rollbacker has been implemented for "${obj.kind}${group}"` };
}

/** rolloutUndoCommand is `kubectl rollout undo`. */
export function rolloutUndoCommand(args: VerbArgs, ctx: VerbContext): KubectlResult {
  const found = findTargets(ctx.sim, args, args.positional);
  if ('error' in found) return fail(found.error);
  const dry = dryRunOf(args);
  if (typeof dry === 'object') return fail(dry.error);
  const toRevision = int(args, 'to-revision') ?? 0;
  let stdout = '';
  let stderr = found.errors;
  for (const obj of found.objects) {
    const result = rollback(ctx.sim, obj, toRevision, dry);
    if ('error' in result) {
      stderr += `error: ${result.error}\n`;
      continue;
    }
    const suffix = dry === 'client' ? '' : dry === 'server' ? ' (server dry run)' : '';
    stdout += `${nameOf(obj)} ${result.operation}${suffix}\n`;
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}
