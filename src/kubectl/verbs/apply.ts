// kubectl apply -f -: create what is new, three-way-merge what exists, leave what is equal.
import type { KubeObject } from '../../engine/api/types';
import { applyDefaults } from '../../engine/apiserver/defaults';
import { validateObject } from '../../engine/validation';
import { formatInvalid } from '../../engine/validation/fieldErrors';
import { registerVerb } from '../registry';
import { KUSTOMIZE_FLAG, kustomizeRequested } from './kustomize';
import type { KubectlResult, VerbArgs, VerbContext } from '../types';
import { printDocuments } from '../printers/output';
import { apiErrorText } from '../util/errors';
import type { DryRun } from '../util/flags';
import {
  DRY_RUN_FLAG,
  FILENAME_FLAG,
  OUTPUT_FLAG,
  dryRunOf,
  dryRunSuffix,
  fail,
  list,
  str,
  VALIDATE_FLAG,
} from '../util/flags';
import type { Json } from '../util/merge';
import { applyPatch, isObject, strategicMerge } from '../util/merge';
import { readStdinManifest, stdinPathError } from '../util/stdinManifest';
import { nameOf, typeOfKind } from '../util/resources';

/** LAST_APPLIED is the annotation kubectl apply keeps its last manifest in. */
export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

function sortKeys(v: Json): Json {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (!isObject(v)) return v;
  return Object.fromEntries(
    Object.keys(v)
      .sort()
      .map((k) => [k, sortKeys(v[k] ?? null)]),
  );
}

/** lastAppliedValue is what kubectl stores: the manifest as written, as sorted compact JSON. */
export function lastAppliedValue(raw: Record<string, Json>): string {
  const copy = JSON.parse(JSON.stringify(raw)) as Record<string, Json>;
  const meta = isObject(copy['metadata']) ? copy['metadata'] : {};
  const annotations = isObject(meta['annotations']) ? meta['annotations'] : {};
  delete annotations[LAST_APPLIED];
  meta['annotations'] = annotations;
  copy['metadata'] = meta;
  return JSON.stringify(sortKeys(copy)) + '\n';
}

function withAnnotation<T extends KubeObject>(obj: T, value: string): T {
  const copy = JSON.parse(JSON.stringify(obj)) as T;
  copy.metadata.annotations = { ...(copy.metadata.annotations ?? {}), [LAST_APPLIED]: value };
  return copy;
}

// What apply compares: everything but status and server-written metadata.
function comparable(obj: KubeObject): string {
  const { status: _status, ...rest } = JSON.parse(JSON.stringify(obj)) as Record<string, unknown> & {
    status?: unknown;
  };
  const meta = rest['metadata'] as Record<string, unknown>;
  for (const k of ['uid', 'resourceVersion', 'generation', 'creationTimestamp', 'managedFields'])
    delete meta[k];
  return JSON.stringify(sortKeys(rest as Json));
}

function missingAnnotationWarning(obj: KubeObject): string {
  const t = typeOfKind(obj.kind);
  const resource = t ? t.resource : obj.kind.toLowerCase();
  return (
    `Warning: resource ${resource}/${obj.metadata.name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. ` +
    'kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. ' +
    'The missing annotation will be patched automatically.\n'
  );
}

interface Outcome {
  stdout: string;
  stderr: string;
  failed: boolean;
}

function applyOne(
  ctx: VerbContext,
  obj: KubeObject,
  raw: Record<string, Json>,
  dry: DryRun,
  output: string | undefined,
): Outcome {
  const api = ctx.sim.api;
  const annotation = lastAppliedValue(raw);
  const live = api.get(obj.kind, obj.metadata.namespace, obj.metadata.name);
  const print = (o: KubeObject, op: string): string =>
    output
      ? printDocuments([o], { kind: output === 'name' ? 'name' : output === 'json' ? 'json' : 'yaml' }, true)
      : `${nameOf(o)} ${op}${dryRunSuffix(dry)}\n`;
  if (!live) {
    const desired = withAnnotation(obj, annotation);
    if (dry === 'server') {
      const errors = validateObject(applyDefaults(desired));
      if (errors.length > 0)
        return {
          stdout: '',
          stderr: formatInvalid(desired.kind, desired.metadata.name, errors) + '\n',
          failed: true,
        };
    }
    if (dry !== 'none') return { stdout: print(desired, 'created'), stderr: '', failed: false };
    const created = api.create(desired);
    if (!created.ok)
      return {
        stdout: '',
        stderr: apiErrorText(created.error, { verb: 'creating', file: 'STDIN' }),
        failed: true,
      };
    return { stdout: print(created.object, 'created'), stderr: '', failed: false };
  }
  const previous = live.metadata.annotations?.[LAST_APPLIED];
  let lastApplied: Json = null;
  try {
    lastApplied = previous ? (JSON.parse(previous) as Json) : null;
  } catch {
    lastApplied = null;
  }
  const { status: _status, ...modified } = JSON.parse(
    JSON.stringify(withAnnotation(obj, annotation)),
  ) as Record<string, Json>;
  const { status: liveStatus, ...liveRest } = JSON.parse(JSON.stringify(live)) as Record<string, Json>;
  const merged = strategicMerge(liveRest, applyPatch(lastApplied, modified)) as Record<string, Json>;
  if (liveStatus !== undefined) merged['status'] = liveStatus;
  const candidate = merged as unknown as KubeObject;
  const warning = previous ? '' : missingAnnotationWarning(live);
  if (comparable(applyDefaults(candidate)) === comparable(live))
    return { stdout: print(live, 'unchanged'), stderr: warning, failed: false };
  if (dry === 'server') {
    const errors = validateObject(applyDefaults(candidate), live);
    if (errors.length > 0)
      return {
        stdout: '',
        stderr: warning + formatInvalid(live.kind, live.metadata.name, errors) + '\n',
        failed: true,
      };
  }
  if (dry !== 'none') return { stdout: print(candidate, 'configured'), stderr: warning, failed: false };
  const updated = api.update(candidate);
  if (!updated.ok)
    return {
      stdout: '',
      stderr: warning + apiErrorText(updated.error, { verb: 'applying patch', file: 'STDIN' }),
      failed: true,
    };
  return { stdout: print(updated.object, 'configured'), stderr: warning, failed: false };
}

function run(args: VerbArgs, ctx: VerbContext): KubectlResult {
  const kustomized = kustomizeRequested(args);
  if (kustomized) return kustomized;
  const files = list(args, 'filename');
  if (files.length === 0) return fail('error: must specify one of -f and -k\n');
  const pathError = stdinPathError(files);
  if (pathError) return fail(pathError);
  const dry = dryRunOf(args);
  if (typeof dry === 'object') return fail(dry.error);
  const output = str(args, 'output');
  if (output !== undefined && !['yaml', 'json', 'name'].includes(output)) {
    return fail(
      `error: unable to match a printer suitable for the output format "${output}", allowed formats are: json,name,yaml\n`,
    );
  }
  const read = readStdinManifest(args, ctx.stdin, 'apply');
  if (!read.ok) return fail(read.error);
  let stdout = '';
  let stderr = '';
  let failed = false;
  for (const item of read.items) {
    if (!item.ok) {
      stderr += item.error;
      failed = true;
      continue;
    }
    const outcome = applyOne(ctx, item.object, item.raw, dry, output);
    stdout += outcome.stdout;
    stderr += item.warnings + outcome.stderr;
    failed ||= outcome.failed;
  }
  return { stdout, stderr, exitCode: failed ? 1 : 0 };
}

// `kubectl apply -f -`.
registerVerb({
  name: 'apply',
  usage: 'kubectl apply (-f FILENAME | -k DIRECTORY) [options]',
  short: 'Apply a configuration to a resource by file name or stdin',
  flags: [
    FILENAME_FLAG,
    KUSTOMIZE_FLAG,
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
    VALIDATE_FLAG,
    {
      name: 'server-side',
      type: 'bool',
      description: 'Apply on the server (treated as client-side apply here).',
    },
    { name: 'force-conflicts', type: 'bool', description: 'Ignored in the playground.' },
    { name: 'prune', type: 'bool', description: 'Not supported in the playground.' },
    {
      name: 'record',
      type: 'bool',
      description: 'Deprecated: record the command in the kubernetes.io/change-cause annotation.',
    },
  ],
  run,
});
