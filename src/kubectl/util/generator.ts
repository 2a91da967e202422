// What every `kubectl create <generator>` and `kubectl run` share once their object is built
// (staging/src/k8s.io/kubectl/pkg/cmd/create/create_*.go Run, cmd/run/run.go createGeneratedObject):
// client dry-run prints the object as built, server dry-run asks the API server without storing,
// and a real create stores it; the printer is `created` or -o yaml|json|name.
import type { Container, KubeObject } from '../../engine/api/types';
import { CLUSTER_SCOPED_KINDS } from '../../engine/api/types';
import { qualifiedResource, resourceForKind } from '../../engine/api/resources';
import { applyDefaults } from '../../engine/apiserver/defaults';
import type { ApiError } from '../../engine/apiserver/apiServer';
import { validateObject } from '../../engine/validation';
import { formatStatusMessage } from '../../engine/validation/fieldErrors';
import { parseOutput, printDocuments } from '../printers/output';
import type { OutputFormat } from '../printers/output';
import type { KubectlResult, SubcommandSpec, VerbArgs, VerbContext } from '../types';
import { apiErrorText } from './errors';
import { dryRunOf, dryRunSuffix, fail, namespaceOf, str, usageError } from './flags';
import { nameOf } from './resources';

/** Generated is a generator's object and the document `--dry-run=client -o yaml` prints for it. */
export interface Generated {
  object: KubeObject;
  /**
   * The object as Go serialises the generator's typed struct: zero values such as
   * `creationTimestamp: null` shown, fields in struct order (`kind` before `apiVersion`), which
   * -o json keeps and -o yaml sorts.
   */
  client: object;
}

// The formats a generator's printer takes (genericclioptions.PrintFlags without the table printer).
const ALLOWED =
  'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

/** generatorOutput reads -o for a generator, or kubectl's error when it names no printer it has. */
export function generatorOutput(args: VerbArgs): OutputFormat | { error: string } {
  const value = str(args, 'output');
  const format = parseOutput(value);
  if ('error' in format) return format;
  if (format.kind === 'custom-columns' || (format.kind === 'table' && value))
    return {
      error: `error: unable to match a printer suitable for the output format "${value}", allowed formats are: ${ALLOWED}\n`,
    };
  return format;
}

/** oneName is NameFromCommandArgs: exactly one NAME, or the usage error naming the subcommand. */
export function oneName(args: VerbArgs): string | KubectlResult {
  if (args.positional.length !== 1)
    return usageError(args, `exactly one NAME is required, got ${args.positional.length}`);
  return args.positional[0]!;
}

/** clientMeta is ObjectMeta as the generator fills it: the namespace only when `-n` was given. */
export function clientMeta(
  args: VerbArgs,
  meta: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> },
  namespaced: boolean,
): Record<string, unknown> {
  return {
    name: meta.name,
    ...(namespaced && args.flags.has('namespace') ? { namespace: namespaceOf(args) } : {}),
    creationTimestamp: null,
    ...(meta.labels ? { labels: meta.labels } : {}),
    ...(meta.annotations ? { annotations: meta.annotations } : {}),
  };
}

function printed(obj: object, format: OutputFormat, dryRunText: string, typed = false): string {
  if (format.kind === 'table') return `${nameOf(obj as KubeObject)} created${dryRunText}\n`;
  // A typed struct keeps its field order in JSON (json.MarshalIndent); the server's answer does not.
  if (typed && format.kind === 'json') return JSON.stringify(obj, null, 4) + '\n';
  return printDocuments([obj as KubeObject], format, true);
}

// The API server's own message (apierrors.StatusError.Error()), which generators wrap in theirs.
function statusMessage(error: ApiError, obj: KubeObject): string {
  if (error.reason !== 'Invalid' || !error.fieldErrors) return error.message;
  const group = resourceForKind(obj.kind).group;
  return formatStatusMessage(obj.kind, group, obj.metadata.name, error.fieldErrors);
}

/**
 * finishGenerated sends a generator's object as its Run does. `wrap` is the generator's own
 * prefix for a failed create (`failed to create deployment`); without one the API error is
 * printed as cmdutil.CheckErr prints it.
 */
export function finishGenerated(
  args: VerbArgs,
  ctx: VerbContext,
  gen: Generated,
  wrap?: string,
): KubectlResult {
  const format = generatorOutput(args);
  if ('error' in format) return fail(format.error);
  const dry = dryRunOf(args);
  if (typeof dry === 'object') return fail(dry.error);
  const obj = gen.object;
  if (!CLUSTER_SCOPED_KINDS.has(obj.kind)) obj.metadata.namespace = namespaceOf(args);
  const failed = (error: ApiError) =>
    fail(wrap ? `error: ${wrap}: ${statusMessage(error, obj)}\n` : apiErrorText(error));
  try {
    if (dry === 'client')
      return { stdout: printed(gen.client, format, dryRunSuffix(dry), true), stderr: '', exitCode: 0 };
    if (dry === 'server') {
      const defaulted = applyDefaults(obj);
      const errors = validateObject(defaulted);
      if (errors.length > 0)
        return failed({ code: 422, reason: 'Invalid', message: '', fieldErrors: errors });
      if (ctx.sim.api.get(obj.kind, obj.metadata.namespace, obj.metadata.name))
        return failed({
          code: 409,
          reason: 'AlreadyExists',
          message: `${qualifiedResource(obj.kind)} "${obj.metadata.name}" already exists`,
        });
      return { stdout: printed(defaulted, format, dryRunSuffix(dry)), stderr: '', exitCode: 0 };
    }
    const created = ctx.sim.api.create(obj);
    if (!created.ok) return failed(created.error);
    return { stdout: printed(created.object, format, ''), stderr: '', exitCode: 0 };
  } catch (e) {
    // A bad jsonpath template: the printer's own error.
    return fail(`error: ${e instanceof Error ? e.message : String(e)}\n`);
  }
}

/** Generator is one `kubectl create <generator>` subcommand: its declaration and its Run. */
export interface Generator {
  spec: SubcommandSpec;
  run(args: VerbArgs, ctx: VerbContext): KubectlResult;
}

// corev1.Container's field order, up to the fields generators set.
const CONTAINER_ORDER = ['name', 'image', 'command', 'args', 'workingDir', 'ports', 'envFrom', 'env'];
const CONTAINER_TAIL = ['imagePullPolicy', 'securityContext', 'stdin', 'stdinOnce', 'tty'];

/** clientContainer is a container as the generator's struct serialises: `resources: {}` always there. */
export function clientContainer(c: Container): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const fields = c as unknown as Record<string, unknown>;
  for (const k of CONTAINER_ORDER) if (fields[k] !== undefined) out[k] = fields[k];
  out['resources'] = {};
  for (const k of CONTAINER_TAIL) if (fields[k] !== undefined) out[k] = fields[k];
  return out;
}
