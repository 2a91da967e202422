// kubectl rollout status: the DaemonSet, Deployment and StatefulSet status viewers (polymorphichelpers/
// rollout_status.go), answered at once, with a watch handle for the messages that follow.
import type { KubeObject } from '../../engine/api/types';
import type { KubectlResult, KubectlWatch, VerbArgs, VerbContext } from '../types';
import { parseDuration } from '../util/duration';
import { fail, str } from '../util/flags';
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

/**
 * statusWatch is the rest of UntilWithSync's loop: a new message per status change, the end when
 * the viewer says done, `object has been deleted` when it goes, and the timeout's error when
 * `deadline` (simulated seconds; undefined: never) passes first.
 */
function statusWatch(
  ctx: VerbContext,
  obj: KubeObject,
  first: string,
  deadline: number | undefined,
): KubectlWatch {
  let last = first;
  let finished = false;
  return {
    format: (changes) => {
      if (finished) return '';
      const live = ctx.sim.api.get(obj.kind, obj.metadata.namespace, obj.metadata.name);
      if (!live || live.metadata.uid !== obj.metadata.uid) {
        finished = true;
        return 'error: object has been deleted\n';
      }
      const state = stateOf(live);
      let text = '';
      if (state.ok && state.message !== last) {
        last = state.message;
        finished = state.done;
        text = state.message + '\n';
      }
      if (!finished && deadline !== undefined && changes.time >= deadline) {
        finished = true;
        text += 'error: timed out waiting for the condition\n';
      }
      return text;
    },
    finished: () => finished,
  };
}

/** rolloutStatusCommand is `kubectl rollout status`. */
export function rolloutStatusCommand(args: VerbArgs, ctx: VerbContext): KubectlResult {
  const timeoutText = str(args, 'timeout');
  const timeout = timeoutText === undefined ? { ok: true as const, seconds: 0 } : parseDuration(timeoutText);
  if (!timeout.ok)
    return fail(
      `error: invalid argument "${timeoutText}" for "--timeout" flag: ${timeout.message}\nSee '${args.commandPath} --help' for usage.\n`,
    );
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
  // immediate and the watch handle prints each new message until the rollout is done. With
  // --watch=false the first answer is all (UntilWithSync returns after one event).
  if (args.flags.get('watch') !== false && !state.done) {
    // --timeout=0 (the default) means never (ContextWithOptionalTimeout).
    const deadline = timeout.seconds > 0 ? ctx.sim.now() + timeout.seconds : undefined;
    result.watch = statusWatch(ctx, obj, state.message, deadline);
  }
  return result;
}
