// kubectl explain over the playground's generated schemas (manifests/explain.ts renders kubectl's
// plaintext template), with the argument checks and --api-version handling of
// staging/src/k8s.io/kubectl/pkg/cmd/explain/explain.go.
import { ExplainError, explainField } from '../../manifests/explain';
import { registerVerb } from '../registry';
import type { KubectlResult, VerbArgs, VerbContext } from '../types';
import { explainSchema } from '../util/explainSchema';
import { bool, fail, ok, str } from '../util/flags';
import { lookupType, resourceTypes } from '../util/resources';

const NO_TYPE =
  'error: You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n';

/** SCHEMA_LOADING is explain's answer before setExplainSchema has been called. */
export const SCHEMA_LOADING = 'error: the schema is still loading, try again in a moment\n';

// Without --api-version kubectl accepts a group-qualified resource (`deployments.apps.spec`,
// SplitAndParseResourceRequestWithMatchingPrefix); the schema walker wants the bare resource.
function dropGroup(path: string): string {
  const [resource = '', ...rest] = path.split('.');
  const group = lookupType(resource)?.group;
  if (!group) return path;
  const parts = group.split('.');
  if (rest.slice(0, parts.length).join('.') !== group) return path;
  return [resource, ...rest.slice(parts.length)].join('.');
}

// checkApiVersion is what PrintModelDescription finds for an explicit group/version: no such
// group/version document, or a document without the resource.
function checkApiVersion(apiVersion: string, path: string): string | undefined {
  const parts = apiVersion.split('/');
  if (parts.length > 2 || parts.some((p) => p === '') || apiVersion === '')
    return `error: unexpected GroupVersion string: ${apiVersion}\n`;
  const [group, version] = parts.length === 2 ? [parts[0], parts[1]] : ['', parts[0]];
  const typed = path.split('.')[0] ?? '';
  const type = lookupType(typed);
  if (!type) return undefined; // explainField answers that the server has no such resource
  const gvr = `${group}/${version}, Resource=${type.resource}`;
  const served = new Set(resourceTypes().map((t) => t.apiVersion));
  if (!served.has(group ? `${group}/${version}` : `${version}`))
    return `error: couldn't find resource for "${gvr}"\n`;
  if (type.apiVersion !== (group ? `${group}/${version}` : version))
    return `error: GVR (${gvr}) not found in OpenAPI schema\n`;
  return undefined;
}

function run(args: VerbArgs, _ctx: VerbContext): KubectlResult {
  if (args.positional.length === 0) return fail(NO_TYPE);
  if (args.positional.length > 1) return fail('error: We accept only this format: explain RESOURCE\n');
  const schema = explainSchema();
  if (!schema) return fail(SCHEMA_LOADING);
  let path = args.positional[0] ?? '';
  const apiVersion = str(args, 'api-version');
  if (apiVersion !== undefined) {
    const wrong = checkApiVersion(apiVersion, path);
    if (wrong) return fail(wrong);
  } else path = dropGroup(path);
  try {
    return ok(explainField(schema, path, { recursive: bool(args, 'recursive') }));
  } catch (e) {
    if (e instanceof ExplainError) return fail(e.message);
    throw e;
  }
}

// `kubectl explain`.
registerVerb({
  name: 'explain',
  usage: 'kubectl explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group]',
  short: 'Get documentation for a resource',
  flags: [
    {
      name: 'recursive',
      type: 'bool',
      description:
        'When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.',
    },
    {
      name: 'api-version',
      type: 'string',
      description: 'Use given api-version (group/version) of the resource.',
    },
  ],
  run,
});
