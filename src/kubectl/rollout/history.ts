// kubectl rollout history: the DaemonSet, StatefulSet and Deployment history viewers of
// polymorphichelpers/history.go (ControllerRevisions for a DaemonSet or a StatefulSet, ReplicaSets
// for a Deployment).
import type { Deployment, KubeObject } from '../../engine/api/types';
import { ownedRevisions } from '../../engine/controllers/daemonset/history';
import type { RevisionOwner } from '../../engine/controllers/daemonset/history';
import type { Simulation } from '../../engine/simulation';
import { PrefixWriter } from '../describe/writer';
import type { KubectlResult, VerbArgs, VerbContext } from '../types';
import { fail, int } from '../util/flags';
import { CHANGE_CAUSE_ANNOTATION, changeCause, deploymentRevisions } from '../util/deploymentRevisions';
import { nameOf } from '../util/resources';
import { findTargets } from '../util/targets';
import { templateText } from './template';

const NO_HISTORY = 'No rollout history found.';
const NO_REVISION = 'unable to find the specified revision';

function table(rows: { revision: number; cause: string | undefined }[]): string {
  const w = new PrefixWriter();
  w.write(0, 'REVISION\tCHANGE-CAUSE\n');
  for (const r of rows) w.write(0, `${r.revision}\t${r.cause || '<none>'}\n`);
  return w.text();
}

type View = { body: string } | { error: string };

function daemonSetHistory(sim: Simulation, ds: RevisionOwner, revision: number): View {
  const revisions = ownedRevisions(sim.api, ds);
  if (revisions.length === 0) return { body: NO_HISTORY };
  if (revision > 0) {
    const rev = revisions.find((r) => r.revision === revision);
    return rev ? { body: templateText(rev.data.spec.template) } : { error: NO_REVISION };
  }
  return {
    body: table(
      revisions.map((r) => ({
        revision: r.revision,
        cause: r.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION],
      })),
    ),
  };
}

function deploymentHistory(sim: Simulation, d: Deployment, revision: number): View {
  const revisions = deploymentRevisions(sim, d);
  if (revisions.length === 0) return { body: NO_HISTORY };
  if (revision > 0) {
    const rev = revisions.find((r) => r.revision === revision);
    if (!rev) return { error: NO_REVISION };
    // ViewHistory writes the change cause into the template's annotations before printing it.
    const template = structuredClone(rev.replicaSet.spec.template);
    const cause = changeCause(d, rev.replicaSet);
    if (cause) {
      template.metadata = {
        ...(template.metadata ?? {}),
        annotations: { ...(template.metadata?.annotations ?? {}), [CHANGE_CAUSE_ANNOTATION]: cause },
      };
    }
    return { body: templateText(template) };
  }
  return {
    body: table(revisions.map((r) => ({ revision: r.revision, cause: changeCause(d, r.replicaSet) }))),
  };
}

function viewHistory(sim: Simulation, obj: KubeObject, revision: number): View {
  if (obj.kind === 'DaemonSet' || obj.kind === 'StatefulSet') return daemonSetHistory(sim, obj, revision);
  if (obj.kind === 'Deployment') return deploymentHistory(sim, obj, revision);
  const group = obj.apiVersion.includes('/') ? `.${obj.apiVersion.split('/')[0]}` : '';
  return { error: `no history viewer has been implemented for "${obj.kind}${group}"` };
}

/** rolloutHistoryCommand is `kubectl rollout history`. */
export function rolloutHistoryCommand(args: VerbArgs, ctx: VerbContext): KubectlResult {
  const found = findTargets(ctx.sim, args, args.positional);
  if ('error' in found) return fail(found.error);
  const revision = int(args, 'revision') ?? 0;
  if (revision < 0) return fail(`error: revision must be a positive integer: ${revision}\n`);
  let stdout = '';
  let stderr = found.errors;
  for (const obj of found.objects) {
    const view = viewHistory(ctx.sim, obj, revision);
    if ('error' in view) {
      stderr += `error: ${view.error}\n`;
      continue;
    }
    // The name printer adds the operation after a space, so the header keeps a trailing space.
    stdout += `${nameOf(obj)} ${revision > 0 ? `with revision #${revision}` : ''}\n${view.body}\n`;
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}
