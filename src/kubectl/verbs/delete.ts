// kubectl delete: by type and name, type/name, label selector, --all, or the objects in -f -.
import { registerVerb } from '../registry';
import type { KubectlResult, VerbArgs, VerbContext } from '../types';
import type { PropagationPolicy } from '../../engine/apiserver/apiServer';
import { apiErrorText } from '../util/errors';
import {
  ALL_FLAG,
  DRY_RUN_FLAG,
  FIELD_SELECTOR_FLAG,
  FILENAME_FLAG,
  OUTPUT_FLAG,
  SELECTOR_FLAG,
  bool,
  dryRunOf,
  fail,
  int,
  list,
  namespaceOf,
  str,
} from '../util/flags';
import { readManifest } from '../util/manifest';
import type { AnyObject } from '../util/resources';
import {
  getObject,
  listObjects,
  notFoundError,
  parseResourceArgs,
  qualifiedKind,
  typeOfKind,
} from '../util/resources';
import { fieldFilter, labelFilter } from '../util/selectors';

// strconv.ParseBool's spellings: kubectl still takes the pre-1.20 boolean --cascade with a warning.
const GO_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const GO_FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/**
 * cascadeOf is delete_flags.go parseCascadingFlag: background | foreground | orphan, or a
 * deprecated boolean (true → background, false → orphan) with kubectl's warning.
 */
export function cascadeOf(
  value: string | undefined,
): { policy: PropagationPolicy; warning: string } | { error: string } {
  const flag = value ?? 'background';
  const legacy = GO_TRUE.has(flag) ? 'background' : GO_FALSE.has(flag) ? 'orphan' : undefined;
  if (legacy)
    return {
      policy: legacy === 'background' ? 'Background' : 'Orphan',
      warning: `warning: --cascade=${flag} is deprecated (boolean value) and can be replaced with --cascade=${legacy}.\n`,
    };
  if (flag === 'background') return { policy: 'Background', warning: '' };
  if (flag === 'foreground') return { policy: 'Foreground', warning: '' };
  if (flag === 'orphan') return { policy: 'Orphan', warning: '' };
  return {
    error: `error: invalid cascade value (${flag}). Must be "background", "foreground", or "orphan"\n`,
  };
}

const FORCE_WARNING =
  'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. ' +
  'The resource may continue to run on the cluster indefinitely.\n';

function targets(
  args: VerbArgs,
  ctx: VerbContext,
): { objects: AnyObject[]; errors: string; listed: boolean } | { error: string } {
  const namespace = namespaceOf(args);
  if (list(args, 'filename').length > 0) {
    const read = readManifest(ctx.stdin, namespace, args.flags.has('namespace'), 'delete');
    if (!read.ok) return { error: read.error };
    const objects: AnyObject[] = [];
    let errors = '';
    for (const item of read.items) {
      if (!item.ok) continue;
      const type = typeOfKind(item.object.kind);
      const live = ctx.sim.api.get(
        item.object.kind,
        item.object.metadata.namespace,
        item.object.metadata.name,
      );
      if (live) objects.push(live);
      else if (type)
        errors += notFoundError(type, item.object.metadata.name).replace(
          '(NotFound): ',
          '(NotFound): error when deleting "STDIN": ',
        );
    }
    return { objects, errors, listed: false };
  }
  const parsed = parseResourceArgs(args.positional);
  if (!parsed.ok) return { error: parsed.error };
  if (parsed.requests.length === 0) {
    return {
      error:
        "error: You must provide one or more resources by argument or filename.\nExample resource specifications include:\n   '-f rsrc.yaml'\n   '--filename=rsrc.json'\n   '<resource> <name>'\n   '<resource>'\n",
    };
  }
  const selector = str(args, 'selector');
  const fieldSelector = str(args, 'field-selector');
  const all = bool(args, 'all');
  const labels = labelFilter(selector);
  if (!labels.ok) return { error: labels.error };
  const fields = fieldFilter(fieldSelector);
  if (!fields.ok) return { error: fields.error };
  const objects: AnyObject[] = [];
  let errors = '';
  let listed = false;
  for (const req of parsed.requests) {
    if (req.names.length === 0) {
      if (!selector && !fieldSelector && !all)
        return { error: 'error: resource(s) were provided, but no name was specified\n' };
      listed = true;
      objects.push(
        ...listObjects(ctx.sim, req.type, bool(args, 'all-namespaces') ? undefined : namespace).filter(
          (o) => labels.filter(o) && fields.filter(o),
        ),
      );
      continue;
    }
    for (const name of req.names) {
      const obj = getObject(ctx.sim, req.type, namespace, name);
      if (obj) objects.push(obj);
      else if (!bool(args, 'ignore-not-found')) errors += notFoundError(req.type, name);
    }
  }
  return { objects, errors, listed };
}

function run(args: VerbArgs, ctx: VerbContext): KubectlResult {
  const dry = dryRunOf(args);
  if (typeof dry === 'object') return fail(dry.error);
  const cascade = cascadeOf(str(args, 'cascade'));
  if ('error' in cascade) return fail(cascade.error);
  const force = bool(args, 'force');
  let grace = int(args, 'grace-period') ?? -1;
  if (bool(args, 'now')) grace = 1;
  // --grace-period=0 alone becomes 1, so nothing is removed without its kubelet's say unless --force.
  if (grace === 0 && !force) grace = 1;
  if (force && grace < 0) grace = 0;
  const found = targets(args, ctx);
  if ('error' in found) return fail(found.error);
  let stdout = '';
  let stderr = cascade.warning + (grace === 0 && force ? FORCE_WARNING : '');
  stderr += found.errors;
  const operation = grace === 0 ? 'force deleted' : 'deleted';
  let failed = false;
  const suffix = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
  for (const obj of found.objects) {
    if (dry === 'none') {
      const ns = 'namespace' in obj.metadata ? obj.metadata.namespace : undefined;
      const res = ctx.sim.api.delete(obj.kind as never, ns, obj.metadata.name, {
        propagationPolicy: cascade.policy,
        ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}),
      });
      if (!res.ok) {
        stderr += apiErrorText(res.error);
        failed = true;
        continue;
      }
    }
    stdout +=
      str(args, 'output') === 'name'
        ? `${qualifiedKind(obj.kind)}/${obj.metadata.name}\n`
        : `${qualifiedKind(obj.kind)} "${obj.metadata.name}" ${operation}${suffix}\n`;
  }
  if (found.listed && found.objects.length === 0) stdout += 'No resources found\n';
  return { stdout, stderr, exitCode: found.errors || failed ? 1 : 0 };
}

// `kubectl delete`.
registerVerb({
  name: 'delete',
  usage: 'kubectl delete ([-f FILENAME] | TYPE [(NAME | -l label | --all)]) [options]',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  flags: [
    FILENAME_FLAG,
    SELECTOR_FLAG,
    FIELD_SELECTOR_FLAG,
    ALL_FLAG,
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
    {
      name: 'all-namespaces',
      short: 'A',
      type: 'bool',
      description: 'If present, delete the selected objects in all namespaces.',
    },
    {
      name: 'grace-period',
      type: 'int',
      description: 'Period of time in seconds given to the resource to terminate gracefully.',
    },
    {
      name: 'force',
      type: 'bool',
      description: 'If true, immediately remove resources from API and bypass graceful deletion.',
    },
    {
      name: 'now',
      type: 'bool',
      description: 'If true, resources are signaled for immediate shutdown (same as --grace-period=1).',
    },
    {
      name: 'ignore-not-found',
      type: 'bool',
      description: 'Treat "resource not found" as a successful delete.',
    },
    {
      name: 'wait',
      type: 'bool',
      description: 'Wait for resources to be gone (the playground returns at once).',
    },
    {
      name: 'cascade',
      type: 'string',
      noValueDefault: 'background',
      description:
        'Must be "background", "foreground", or "orphan". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.',
    },
  ],
  run,
});
