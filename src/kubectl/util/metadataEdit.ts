// What `kubectl label` and `kubectl annotate` share: their flags, the order in which they check
// their arguments (resources first, then the pairs, then --dry-run, then the objects, as
// label.go and annotate.go do), and the write of each changed object.
import type { KubeObject } from '../../engine/api/types';
import type { FlagSpec, VerbArgs, VerbContext } from '../types';
import { apiErrorText } from './errors';
import type { DryRun } from './flags';
import { ALL_FLAG, DRY_RUN_FLAG, OUTPUT_FLAG, OVERWRITE_FLAG, SELECTOR_FLAG, dryRunOf } from './flags';
import type { Targets } from './targets';
import { findTargets, splitPairs } from './targets';

export const METADATA_EDIT_FLAGS: FlagSpec[] = [
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
];

/** KeyEdits are the `key=value` additions and `key-` removals of one command line. */
export interface KeyEdits {
  add: Record<string, string>;
  remove: string[];
}

export interface MetadataEdit {
  edits: KeyEdits;
  dry: DryRun;
  targets: Targets;
}

/**
 * prepareMetadataEdit reads a label or annotate command line. `requireEdits` is false when the
 * command can run without changes (`kubectl label --list`).
 */
export function prepareMetadataEdit(
  args: VerbArgs,
  ctx: VerbContext,
  pairType: 'label' | 'annotation',
  parse: (pairs: string[]) => KeyEdits | { error: string },
  requireEdits: boolean,
): MetadataEdit | { error: string } {
  const split = splitPairs(args.positional, pairType);
  if ('error' in split) return split;
  if (split.resources.length === 0)
    return {
      error: 'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n',
    };
  const edits = parse(split.pairs);
  if ('error' in edits) return edits;
  if (requireEdits && Object.keys(edits.add).length === 0 && edits.remove.length === 0)
    return { error: `error: at least one ${pairType} update is required\n` };
  const dry = dryRunOf(args);
  if (typeof dry === 'object') return dry;
  const targets = findTargets(ctx.sim, args, split.resources);
  if ('error' in targets) return targets;
  return { edits, dry, targets };
}

/** writeEdited stores a changed object unless it is a dry run; the error text when the API refuses. */
export function writeEdited(ctx: VerbContext, before: KubeObject, next: KubeObject, dry: DryRun): string {
  if (dry !== 'none' || JSON.stringify(next) === JSON.stringify(before)) return '';
  const res = ctx.sim.api.update(next);
  return res.ok ? '' : apiErrorText(res.error);
}
