// kubectl annotate: add, change (--overwrite) or remove (`key-`) annotations.
import type { KubeObject } from '../../engine/api/types';
import { registerVerb } from '../registry';
import type { KubectlResult, VerbArgs, VerbContext } from '../types';
import { bool, dryRunSuffix, fail } from '../util/flags';
import type { KeyEdits } from '../util/metadataEdit';
import { METADATA_EDIT_FLAGS, prepareMetadataEdit, writeEdited } from '../util/metadataEdit';
import { nameOf } from '../util/resources';

// The change-cause annotation may always be overwritten (annotate.go).
const CHANGE_CAUSE = 'kubernetes.io/change-cause';

function parseAnnotations(specs: string[]): KeyEdits | { error: string } {
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
  const prepared = prepareMetadataEdit(args, ctx, 'annotation', parseAnnotations, true);
  if ('error' in prepared) return fail(prepared.error);
  const { edits, dry, targets } = prepared;
  let stdout = '';
  let stderr = targets.errors;
  for (const obj of targets.objects) {
    const annotations = { ...(obj.metadata.annotations ?? {}) };
    if (!bool(args, 'overwrite')) {
      // validateNoAnnotationOverwrites: only a different value clashes.
      const clashes = Object.keys(edits.add).filter(
        (k) => k !== CHANGE_CAUSE && k in annotations && annotations[k] !== edits.add[k],
      );
      if (clashes.length > 0) {
        const list = clashes.map((k) => `'${k}' already has a value (${annotations[k] ?? ''})`).join('; ');
        stderr += `error: --overwrite is false but found the following declared annotation(s): ${list}\n`;
        continue;
      }
    }
    Object.assign(annotations, edits.add);
    for (const k of edits.remove) delete annotations[k];
    const next = { ...obj, metadata: { ...obj.metadata, annotations } } as KubeObject;
    const refused = writeEdited(ctx, obj, next, dry);
    if (refused) {
      stderr += refused;
      continue;
    }
    stdout += `${nameOf(obj)} annotated${dryRunSuffix(dry)}\n`;
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

// `kubectl annotate`.
registerVerb({
  name: 'annotate',
  usage:
    'kubectl annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version] [options]',
  short: 'Update the annotations on a resource',
  flags: METADATA_EDIT_FLAGS,
  run,
});
