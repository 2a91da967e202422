// kubectl label: add, change (--overwrite) or remove (`key-`) labels.
import type { KubeObject } from '../../engine/api/types';
import { registerVerb } from '../registry';
import type { KubectlResult, VerbArgs, VerbContext } from '../types';
import { bool, dryRunSuffix, fail } from '../util/flags';
import { validateLabelValue } from '../../engine/api/labels';
import type { KeyEdits } from '../util/metadataEdit';
import { METADATA_EDIT_FLAGS, prepareMetadataEdit, writeEdited } from '../util/metadataEdit';
import { nameOf } from '../util/resources';

function parseLabels(specs: string[]): KeyEdits | { error: string } {
  const add: Record<string, string> = {};
  const remove: string[] = [];
  for (const spec of specs) {
    if (spec.includes('=')) {
      const parts = spec.split('=');
      if (parts.length !== 2) return { error: `error: invalid label spec: ${spec}\n` };
      const [key = '', value = ''] = parts;
      const bad = validateLabelValue(value);
      if (bad)
        return {
          error: `error: invalid label value: "${spec}": ${bad.replace(/^invalid label value "[^"]*": /, '')}\n`,
        };
      add[key] = value;
    } else if (spec.endsWith('-')) {
      remove.push(spec.slice(0, -1));
    } else {
      return { error: `error: unknown label spec: ${spec}\n` };
    }
  }
  if (remove.some((k) => k in add))
    return { error: 'error: can not both modify and remove a label in the same command\n' };
  return { add, remove };
}

// label.go updateDataChangeMsg: what happened to the labels, compared key by key.
function changeMessage(before: Record<string, string>, after: Record<string, string>): string {
  const removed = Object.keys(before).some((k) => !(k in after));
  const added = Object.entries(after).some(([k, v]) => before[k] !== v);
  if (added && removed) return 'label(s) changed';
  return added ? 'labeled' : removed ? 'unlabeled' : 'not labeled';
}

function run(args: VerbArgs, ctx: VerbContext): KubectlResult {
  const listing = bool(args, 'list');
  const prepared = prepareMetadataEdit(args, ctx, 'label', parseLabels, !listing);
  if ('error' in prepared) return fail(prepared.error);
  const { edits: parsed, dry, targets: found } = prepared;
  const overwrite = bool(args, 'overwrite');
  let stdout = '';
  let stderr = found.errors;
  for (const obj of found.objects) {
    if (listing) {
      stdout += Object.entries(obj.metadata.labels ?? {})
        .map(([k, v]) => `${k}=${v}\n`)
        .join('');
      continue;
    }
    const labels = { ...(obj.metadata.labels ?? {}) };
    if (!overwrite) {
      // validateNoOverwrites: only a different value clashes; the same value is a no-op.
      const clashes = Object.keys(parsed.add).filter((k) => k in labels && labels[k] !== parsed.add[k]);
      if (clashes.length > 0) {
        const errs = clashes.map(
          (k) => `'${k}' already has a value (${labels[k] ?? ''}), and --overwrite is false`,
        );
        // utilerrors.Aggregate prints one error bare and several as `[e1, e2]`.
        stderr += `error: ${errs.length === 1 ? errs[0] : `[${errs.join(', ')}]`}\n`;
        continue;
      }
    }
    for (const k of parsed.remove) if (!(k in labels)) stdout += `label "${k}" not found.\n`;
    Object.assign(labels, parsed.add);
    for (const k of parsed.remove) delete labels[k];
    const next = { ...obj, metadata: { ...obj.metadata, labels } } as KubeObject;
    const msg = changeMessage(obj.metadata.labels ?? {}, labels);
    const refused = writeEdited(ctx, obj, next, dry);
    if (refused) {
      stderr += refused;
      continue;
    }
    stdout += `${nameOf(obj)} ${msg}${dryRunSuffix(dry)}\n`;
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

// `kubectl label`.
registerVerb({
  name: 'label',
  usage:
    'kubectl label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  short: 'Update the labels on a resource',
  flags: [
    ...METADATA_EDIT_FLAGS,
    { name: 'list', type: 'bool', description: 'If true, display the labels for a given resource.' },
  ],
  run,
});
