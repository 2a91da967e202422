// kubectl annotate: add, change (--overwrite) or remove (`key-`) annotations.
import type { KubeObject } from '../../engine/api/types';
import { registerVerb } from '../registry';
import type { KubectlResult, VerbArgs, VerbContext } from '../types';
import { apiErrorText } from '../util/errors';
import {
  ALL_FLAG,
  DRY_RUN_FLAG,
  OUTPUT_FLAG,
  OVERWRITE_FLAG,
  SELECTOR_FLAG,
  bool,
  dryRunOf,
  dryRunSuffix,
  fail,
} from '../util/flags';
import { nameOf } from '../util/resources';
import { findTargets, splitPairs } from '../util/targets';

// The change-cause annotation may always be overwritten (annotate.go).
const CHANGE_CAUSE = 'kubernetes.io/change-cause';

function parseAnnotations(
  specs: string[],
): { add: Record<string, string>; remove: string[] } | { error: string } {
  const add: Record<string, string> = {};
  const remove: string[] = [];
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    if (eq >= 0) {
      const key = spec.slice(0, eq);
      if (!key) return { error: `error: invalid annotation format: ${spec}\n` };
      add[key] = spec.slice(eq + 1);
    } else if (spec.endsWith('-')) remove.push(spec.slice(0, -1));
    else return { error: `error: invalid annotation format: ${spec}\n` };
  }
  const both = remove.filter((k) => k in add);
  if (both.length > 0)
    return {
      error: `error: can not both modify and remove the following annotation(s) in the same command: ${both.join(', ')}\n`,
    };
  return { add, remove };
}

function run(args: VerbArgs, ctx: VerbContext): KubectlResult {
  const split = splitPairs(args.positional, 'annotation');
  if ('error' in split) return fail(split.error);
  // Validate checks for resources before label changes, as label.go / annotate.go do.
  if (split.resources.length === 0)
    return fail('error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n');
  const parsed = parseAnnotations(split.pairs);
  if ('error' in parsed) return fail(parsed.error);
  if (Object.keys(parsed.add).length === 0 && parsed.remove.length === 0)
    return fail('error: at least one annotation update is required\n');
  const dry = dryRunOf(args);
  if (typeof dry === 'object') return fail(dry.error);
  const found = findTargets(ctx.sim, args, split.resources);
  if ('error' in found) return fail(found.error);
  let stdout = '';
  let stderr = found.errors;
  for (const obj of found.objects) {
    const annotations = { ...(obj.metadata.annotations ?? {}) };
    if (!bool(args, 'overwrite')) {
      const clashes = Object.keys(parsed.add).filter((k) => k !== CHANGE_CAUSE && k in annotations);
      if (clashes.length > 0) {
        const list = clashes.map((k) => `'${k}' already has a value (${annotations[k] ?? ''})`).join('; ');
        stderr += `error: --overwrite is false but found the following declared annotation(s): ${list}\n`;
        continue;
      }
    }
    Object.assign(annotations, parsed.add);
    for (const k of parsed.remove) delete annotations[k];
    const next = { ...obj, metadata: { ...obj.metadata, annotations } } as KubeObject;
    if (dry === 'none' && JSON.stringify(next) !== JSON.stringify(obj)) {
      const res = ctx.sim.api.update(next);
      if (!res.ok) {
        stderr += apiErrorText(res.error);
        continue;
      }
    }
    stdout += `${nameOf(obj)} annotated${dryRunSuffix(dry)}\n`;
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

/** annotate is `kubectl annotate`. */
export const annotate = registerVerb({
  name: 'annotate',
  usage:
    'kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  short: 'Update the annotations on a resource',
  flags: [
    OVERWRITE_FLAG,
    SELECTOR_FLAG,
    ALL_FLAG,
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
    {
      name: 'all-namespaces',
      short: 'A',
      type: 'bool',
      description: 'If true, check the specified action in all namespaces.',
    },
  ],
  run,
});
