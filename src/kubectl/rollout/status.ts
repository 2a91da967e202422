// kubectl rollout status: the DaemonSet, Deployment and StatefulSet status viewers (polymorphichelpers/
// rollout_status.go), answered at once, with a watch handle for the messages that follow.
import type { KubeObject } from '../../engine/api/types';
import type { KubectlResult, KubectlWatch, VerbArgs, VerbContext } from '../types';
import { fail } from '../util/flags';
import type { RolloutState } from '../util/rolloutStatus';
import {
  daemonSetRolloutState,
  deploymentRolloutState,
  statefulSetRolloutState,
} from '../util/rolloutStatus';
import { findTargets } from '../util/targets';

function stateOf(obj: KubeObject): RolloutState {
  if (obj.kind === 'DaemonSet') return daemonSetRolloutState(obj);
  if (obj.kind === 'Deployment') return deploymentRolloutState(obj);
  if (obj.kind === 'StatefulSet') return statefulSetRolloutState(obj);
  return { ok: false, error: `no status viewer has been implemented for ${obj.kind}` };
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

/** rolloutStatusCommand is `kubectl rollout status`. */
export function rolloutStatusCommand(args: VerbArgs, ctx: VerbContext): KubectlResult {
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
