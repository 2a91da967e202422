// kubectl rollout status|history|undo|restart|pause|resume, for DaemonSets as
// polymorphichelpers implements them (rollout_status.go, history.go, rollback.go,
// objectpauser.go, objectrestarter.go), and the parts that apply to Deployments.
import type { DaemonSet, Deployment, KubeObject } from '../../engine/api/types';
import { ownedRevisions, stableStringify } from '../../engine/controllers/daemonset/history';
import { ANNOTATION_RESTARTED_AT } from '../../engine/api/wellKnown';
import { describePodTemplate } from '../describe/common';
import { PrefixWriter } from '../describe/writer';
import { registerVerb } from '../registry';
import type { KubectlResult, KubectlWatch, VerbArgs, VerbContext } from '../types';
import { apiErrorText } from '../util/errors';
import { DRY_RUN_FLAG, SELECTOR_FLAG, dryRunOf, dryRunSuffix, fail, int } from '../util/flags';
import { nameOf, qualifiedResourceName, typeOfKind } from '../util/resources';
import type { RolloutState } from '../util/rolloutStatus';
import { daemonSetRolloutState, deploymentRolloutState } from '../util/rolloutStatus';
import { findTargets } from '../util/targets';

function stateOf(obj: KubeObject): RolloutState {
  if (obj.kind === 'DaemonSet') return daemonSetRolloutState(obj);
  if (obj.kind === 'Deployment') return deploymentRolloutState(obj);
  return { ok: false, error: `no status viewer has been implemented for ${obj.kind}` };
}

function status(args: VerbArgs, ctx: VerbContext): KubectlResult {
  const found = findTargets(ctx.sim, args, args.positional);
  if ('error' in found) return fail(found.error);
  if (found.errors) return fail(found.errors);
  if (found.objects.length !== 1) {
    return fail(
      `error: rollout status is only supported on individual resources and resource collections, but ${found.objects.length} resources were found\n`,
    );
  }
  const obj = found.objects[0] as KubeObject;
  const state = stateOf(obj);
  if (!state.ok) return fail(`error: ${state.error}\n`);
  const result: KubectlResult = { stdout: state.message + '\n', stderr: '', exitCode: 0 };
  // Real kubectl keeps watching until done (--watch defaults to true); here the first answer is
  // immediate and the watch handle prints each new message as the rollout progresses.
  if (args.flags.get('watch') !== false && !state.done) result.watch = statusWatch(ctx, obj, state.message);
  return result;
}

function statusWatch(ctx: VerbContext, obj: KubeObject, first: string): KubectlWatch {
  let last = first;
  let finished = false;
  return {
    format: () => {
      if (finished) return '';
      const live = ctx.sim.api.get(obj.kind, obj.metadata.namespace, obj.metadata.name);
      if (!live) {
        finished = true;
        return '';
      }
      const state = stateOf(live);
      if (!state.ok || state.message === last) return '';
      last = state.message;
      finished = state.done;
      return state.message + '\n';
    },
  };
}

function daemonSetOnly(obj: KubeObject, what: string): string | undefined {
  return obj.kind === 'DaemonSet'
    ? undefined
    : `error: no ${what} has been implemented for ${obj.kind === 'Deployment' ? '"Deployment" in the playground (Deployments are background load only)' : `"${obj.kind}"`}\n`;
}

function templateText(template: DaemonSet['spec']['template']): string {
  const w = new PrefixWriter();
  describePodTemplate(w, template);
  return w.text();
}

function history(args: VerbArgs, ctx: VerbContext): KubectlResult {
  const found = findTargets(ctx.sim, args, args.positional);
  if ('error' in found) return fail(found.error);
  const revision = int(args, 'revision') ?? 0;
  if (revision < 0) return fail(`error: revision must be a positive integer: ${revision}\n`);
  let stdout = '';
  let stderr = found.errors;
  for (const obj of found.objects) {
    const unsupported = daemonSetOnly(obj, 'history viewer');
    if (unsupported) {
      stderr += unsupported;
      continue;
    }
    const revisions = ownedRevisions(ctx.sim.api, obj as DaemonSet);
    let body: string;
    if (revisions.length === 0) body = 'No rollout history found.';
    else if (revision > 0) {
      const rev = revisions.find((r) => r.revision === revision);
      if (!rev) {
        stderr += 'error: unable to find the specified revision\n';
        continue;
      }
      body = templateText(rev.data.spec.template);
    } else {
      const w = new PrefixWriter();
      w.write(0, 'REVISION\tCHANGE-CAUSE\n');
      for (const r of revisions)
        w.write(0, `${r.revision}\t${r.metadata.annotations?.['kubernetes.io/change-cause'] || '<none>'}\n`);
      body = w.text();
    }
    // The name printer adds the operation after a space, so the header keeps a trailing space.
    stdout += `${nameOf(obj)} ${revision > 0 ? `with revision #${revision}` : ''}\n${body}\n`;
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

function undo(args: VerbArgs, ctx: VerbContext): KubectlResult {
  const found = findTargets(ctx.sim, args, args.positional);
  if ('error' in found) return fail(found.error);
  const dry = dryRunOf(args);
  if (typeof dry === 'object') return fail(dry.error);
  const toRevision = int(args, 'to-revision') ?? 0;
  let stdout = '';
  let stderr = found.errors;
  for (const obj of found.objects) {
    const unsupported = daemonSetOnly(obj, 'rollbacker');
    if (unsupported) {
      stderr += unsupported;
      continue;
    }
    const ds = obj as DaemonSet;
    if (toRevision < 0) {
      stderr += `error: unable to find specified revision ${toRevision} in history\n`;
      continue;
    }
    const revisions = ownedRevisions(ctx.sim.api, ds);
    if (toRevision === 0 && revisions.length <= 1) {
      stderr += 'error: no last revision to roll back to\n';
      continue;
    }
    // Revision 0 means the previous one: the second-highest revision number.
    const target =
      toRevision === 0 ? revisions[revisions.length - 2] : revisions.find((r) => r.revision === toRevision);
    if (!target) {
      stderr += `error: unable to find specified revision ${toRevision} in history\n`;
      continue;
    }
    if (dry === 'client') {
      stdout += `${nameOf(ds)} Pod Template:\n${templateText(target.data.spec.template).replace(/^Pod Template:\n/, '')}`;
      continue;
    }
    if (stableStringify(ds.spec.template) === stableStringify(target.data.spec.template)) {
      // kubectl prints the revision it was asked for, so `undo` alone says "revision 0".
      stdout += `${nameOf(ds)} skipped rollback (current template already matches revision ${toRevision})\n`;
      continue;
    }
    if (dry === 'none') {
      const res = ctx.sim.api.update<DaemonSet>({
        ...ds,
        spec: {
          ...ds.spec,
          template: JSON.parse(JSON.stringify(target.data.spec.template)) as DaemonSet['spec']['template'],
        },
      });
      if (!res.ok) {
        stderr += `error: failed restoring revision ${toRevision}: ${apiErrorText(res.error).trim()}\n`;
        continue;
      }
    }
    stdout += `${nameOf(ds)} rolled back${dryRunSuffix(dry)}\n`;
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

function rfc3339(timestamp: string): string {
  return timestamp.replace(/\.\d+Z$/, 'Z');
}

function restart(args: VerbArgs, ctx: VerbContext): KubectlResult {
  const found = findTargets(ctx.sim, args, args.positional);
  if ('error' in found) return fail(found.error);
  const dry = dryRunOf(args);
  if (typeof dry === 'object') return fail(dry.error);
  let stdout = '';
  let stderr = found.errors;
  const now = rfc3339(ctx.sim.clock.timestamp(Math.floor(ctx.sim.clock.now())));
  for (const obj of found.objects) {
    if (obj.kind !== 'DaemonSet' && obj.kind !== 'Deployment') {
      const t = typeOfKind(obj.kind);
      stderr += `error: ${t ? qualifiedResourceName(t) : obj.kind} "${obj.metadata.name}" restarting is not supported\n`;
      continue;
    }
    const workload = obj as DaemonSet | Deployment;
    const annotations = workload.spec.template.metadata?.annotations ?? {};
    if (annotations[ANNOTATION_RESTARTED_AT] === now) {
      stderr += `error: failed to create patch for ${obj.metadata.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another\n`;
      continue;
    }
    const next = JSON.parse(JSON.stringify(workload)) as DaemonSet | Deployment;
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

function pauseOrResume(args: VerbArgs, ctx: VerbContext, pause: boolean): KubectlResult {
  const found = findTargets(ctx.sim, args, args.positional);
  if ('error' in found) return fail(found.error);
  let stdout = '';
  let stderr = found.errors;
  for (const obj of found.objects) {
    const t = typeOfKind(obj.kind);
    const resource = t ? qualifiedResourceName(t) : obj.kind;
    // Only Deployments can be paused (objectpauser.go); DaemonSets roll out as soon as their template changes.
    if (obj.kind !== 'Deployment') {
      stderr += `error: ${resource} "${obj.metadata.name}" ${pause ? 'pausing' : 'resuming'} is not supported\n`;
      continue;
    }
    const d = obj as Deployment & { spec: { paused?: boolean } };
    if ((d.spec.paused ?? false) === pause) {
      stderr += `error: ${resource} "${obj.metadata.name}" is ${pause ? 'already paused' : 'not paused'}\n`;
      continue;
    }
    const res = ctx.sim.api.update({ ...d, spec: { ...d.spec, paused: pause } });
    if (!res.ok) stderr += apiErrorText(res.error);
    else stdout += `${nameOf(obj)} ${pause ? 'paused' : 'resumed'}\n`;
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

const SELECT = [SELECTOR_FLAG];

/** rollout is `kubectl rollout`. */
export const rollout = registerVerb({
  name: 'rollout',
  usage: 'kubectl rollout SUBCOMMAND [options]',
  short: 'Manage the rollout of a resource',
  flags: [],
  subcommands: [
    {
      name: 'status',
      usage: 'kubectl rollout status (TYPE NAME | TYPE/NAME) [flags]',
      short: 'Show the status of the rollout',
      flags: [
        ...SELECT,
        {
          name: 'watch',
          short: 'w',
          type: 'bool',
          description: 'Watch the status of the rollout until it is done.',
        },
        { name: 'revision', type: 'int', description: 'Pin to a specific revision (Deployments only).' },
        { name: 'timeout', type: 'string', description: 'The length of time to wait before ending watch.' },
      ],
    },
    {
      name: 'history',
      usage: 'kubectl rollout history (TYPE NAME | TYPE/NAME) [flags]',
      short: 'View rollout history',
      flags: [
        ...SELECT,
        {
          name: 'revision',
          type: 'int',
          description: 'See the details, including podTemplate of the revision specified.',
        },
      ],
    },
    {
      name: 'undo',
      usage: 'kubectl rollout undo (TYPE NAME | TYPE/NAME) [flags]',
      short: 'Undo a previous rollout',
      flags: [
        ...SELECT,
        DRY_RUN_FLAG,
        {
          name: 'to-revision',
          type: 'int',
          description: 'The revision to rollback to. Default to 0 (last revision).',
        },
      ],
    },
    {
      name: 'restart',
      usage: 'kubectl rollout restart RESOURCE',
      short: 'Restart a resource',
      flags: [...SELECT, DRY_RUN_FLAG],
    },
    {
      name: 'pause',
      usage: 'kubectl rollout pause RESOURCE',
      short: 'Mark the provided resource as paused',
      flags: SELECT,
    },
    {
      name: 'resume',
      usage: 'kubectl rollout resume RESOURCE',
      short: 'Resume a paused resource',
      flags: SELECT,
    },
  ],
  run: (args, ctx) => {
    switch (args.sub) {
      case 'status':
        return status(args, ctx);
      case 'history':
        return history(args, ctx);
      case 'undo':
        return undo(args, ctx);
      case 'restart':
        return restart(args, ctx);
      case 'pause':
        return pauseOrResume(args, ctx, true);
      default:
        return pauseOrResume(args, ctx, false);
    }
  },
});
