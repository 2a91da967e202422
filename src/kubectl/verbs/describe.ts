// kubectl describe: human-readable detail of one or many objects, with their events.
import { describeObject } from '../describe/index';
import { registerVerb } from '../registry';
import type { KubectlResult, VerbArgs, VerbContext } from '../types';
import { ALL_NAMESPACES_FLAG, SELECTOR_FLAG, bool, fail, namespaceOf, str } from '../util/flags';
import type { AnyObject } from '../util/resources';
import { getObject, listObjects, notFoundError, parseResourceArgs } from '../util/resources';
import { labelFilter } from '../util/selectors';

function run(args: VerbArgs, ctx: VerbContext): KubectlResult {
  const parsed = parseResourceArgs(args.positional);
  if (!parsed.ok) return fail(parsed.error);
  if (parsed.requests.length === 0) {
    return fail(
      'You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
        "error: Required resource not specified.\nSee 'kubectl describe -h' for help and examples\n",
    );
  }
  const labels = labelFilter(str(args, 'selector'));
  if (!labels.ok) return fail(labels.error);
  const namespace = namespaceOf(args);
  const allNamespaces = bool(args, 'all-namespaces');
  const found: AnyObject[] = [];
  let errors = '';
  let listedNothing = false;
  for (const req of parsed.requests) {
    const scope = allNamespaces ? undefined : namespace;
    if (req.names.length === 0) {
      const objs = listObjects(ctx.sim, req.type, scope).filter(labels.filter);
      if (objs.length === 0) listedNothing = true;
      found.push(...objs);
      continue;
    }
    for (const name of req.names) {
      const exact = getObject(ctx.sim, req.type, namespace, name);
      if (exact) {
        found.push(exact);
        continue;
      }
      // describe falls back to a name-prefix match (`kubectl describe pod fluentd` finds fluentd-x7k2p).
      const prefixed = listObjects(ctx.sim, req.type, req.type.namespaced ? namespace : undefined).filter(
        (o) => o.metadata.name.startsWith(name),
      );
      if (prefixed.length === 0) errors += notFoundError(req.type, name);
      found.push(...prefixed);
    }
  }
  const showEvents = args.flags.get('show-events') !== false;
  const texts = found.map((o) => {
    const text = describeObject(ctx.sim, o);
    if (showEvents) return text;
    const at = text.search(/^Events:/m);
    return at >= 0 ? text.slice(0, at) : text;
  });
  let stderr = errors;
  if (found.length === 0 && listedNothing && !errors) {
    const namespaced = parsed.requests.some((r) => r.type.namespaced);
    stderr +=
      namespaced && !allNamespaces
        ? `No resources found in ${namespace} namespace.\n`
        : 'No resources found\n';
  }
  return { stdout: texts.join('\n\n'), stderr, exitCode: errors ? 1 : 0 };
}

// `kubectl describe`.
registerVerb({
  name: 'describe',
  usage: 'kubectl describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME) [flags]',
  short: 'Show details of a specific resource or group of resources',
  flags: [
    SELECTOR_FLAG,
    ALL_NAMESPACES_FLAG,
    {
      name: 'show-events',
      type: 'bool',
      description: 'If true, display events related to the described object.',
    },
    { name: 'chunk-size', type: 'int', description: 'Return large lists in chunks (ignored).' },
  ],
  run,
});
