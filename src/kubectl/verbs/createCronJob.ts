// kubectl create cronjob NAME --image=IMAGE --schedule=SCHEDULE [--restart=…] [-- COMMAND [args...]]
// (staging/src/k8s.io/kubectl/pkg/cmd/create/create_cronjob.go createCronJob), and
// `kubectl create job NAME --from=cronjob/NAME` (create_job.go createJobFromCronJob).
import type { CronJob, Job, KubeObject } from '../../engine/api/types';
import { ANNOTATION_CRONJOB_INSTANTIATE } from '../../engine/api/wellKnown';
import type { ApiError } from '../../engine/apiserver/apiServer';
import { deepClone } from '../../engine/api/clone';
import { applyDefaults } from '../../engine/apiserver/defaults';
import { withGeneratedSelector } from '../../engine/apiserver/jobStrategy';
import { validateObject } from '../../engine/validation';
import { formatStatusMessage } from '../../engine/validation/fieldErrors';
import type { FieldError } from '../../engine/validation/fieldErrors';
import type { Simulation } from '../../engine/simulation';
import type { KubectlResult, VerbArgs, VerbContext } from '../types';
import { dryRunOf, dryRunSuffix, fail, namespaceOf, str } from '../util/flags';
import { printDocuments } from '../printers/output';
import { nameOf } from '../util/resources';

/** cronJobFor is what createCronJob builds; restartPolicy defaults to OnFailure (Complete). */
export function cronJobFor(
  name: string,
  namespace: string | undefined,
  image: string,
  schedule: string,
  restart: string,
  command: string[],
): CronJob {
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name, ...(namespace ? { namespace } : {}) },
    spec: {
      schedule,
      jobTemplate: {
        metadata: { name },
        spec: {
          template: {
            spec: {
              containers: [{ name, image, ...(command.length > 0 ? { command } : {}) }],
              restartPolicy: restart as 'OnFailure',
            },
          },
        },
      },
    },
  };
}

// What `--dry-run=client -o yaml` prints: the generator's object with Go's zero values shown.
function clientDocument(cj: CronJob): KubeObject {
  const template = cj.spec.jobTemplate.spec.template.spec;
  const c = template.containers[0]!;
  return {
    apiVersion: cj.apiVersion,
    kind: cj.kind,
    metadata: {
      creationTimestamp: null,
      name: cj.metadata.name,
      ...(cj.metadata.namespace ? { namespace: cj.metadata.namespace } : {}),
    },
    spec: {
      jobTemplate: {
        metadata: { creationTimestamp: null, name: cj.metadata.name },
        spec: {
          template: {
            metadata: { creationTimestamp: null },
            spec: {
              containers: [
                { ...(c.command ? { command: c.command } : {}), image: c.image, name: c.name, resources: {} },
              ],
              restartPolicy: template.restartPolicy,
            },
          },
        },
      },
      schedule: cj.spec.schedule,
    },
    status: {},
  } as unknown as KubeObject;
}

// The error a typed client's Create returns, as `failed to create …: %v` prints it.
function statusText(error: ApiError, kind: string): string {
  return error.reason === 'Invalid' && error.fieldErrors
    ? formatStatusMessage(kind, 'batch', error.message.match(/"([^"]*)"/)?.[1] ?? '', error.fieldErrors)
    : error.message;
}

// A server-side dry run: the API server's checks, nothing stored (and so no controller reacts).
function serverDryRun(sim: Simulation, obj: CronJob | Job): string | undefined {
  const resource = obj.kind === 'CronJob' ? 'cronjobs' : 'jobs';
  if (sim.api.get(obj.kind, obj.metadata.namespace, obj.metadata.name))
    return `${resource}.batch "${obj.metadata.name}" already exists`;
  const defaulted = applyDefaults(deepClone(obj));
  const errors: FieldError[] = validateObject(
    defaulted.kind === 'Job' ? withGeneratedSelector(defaulted) : defaulted,
  );
  return errors.length > 0 ? formatStatusMessage(obj.kind, 'batch', obj.metadata.name, errors) : undefined;
}

function printCreated(obj: KubeObject, output: string | undefined, suffix = ''): KubectlResult {
  if (output === 'yaml' || output === 'json')
    return { stdout: printDocuments([obj], { kind: output }, true), stderr: '', exitCode: 0 };
  return { stdout: `${nameOf(obj)} created${suffix}\n`, stderr: '', exitCode: 0 };
}

/** createCronJob runs `kubectl create cronjob`. */
export function createCronJob(args: VerbArgs, ctx: VerbContext): KubectlResult {
  // cobra checks the required flags before the command runs.
  const missing = ['image', 'schedule'].filter((f) => !args.flags.has(f));
  if (missing.length > 0) return fail(`error: required flag(s) "${missing.join('", "')}" not set\n`);
  const names = args.positional.slice(1);
  if (names.length !== 1)
    return fail(
      `error: exactly one NAME is required, got ${names.length}\nSee 'kubectl create cronjob -h' for help and examples\n`,
    );
  const dry = dryRunOf(args);
  if (typeof dry === 'object') return fail(dry.error);
  const enforced = args.flags.has('namespace') ? namespaceOf(args) : undefined;
  const cj = cronJobFor(
    names[0]!,
    enforced,
    str(args, 'image') ?? '',
    str(args, 'schedule') ?? '',
    str(args, 'restart') || 'OnFailure',
    args.afterDash,
  );
  const output = str(args, 'output');
  if (dry === 'client') {
    if (output === 'yaml' || output === 'json') return printCreated(clientDocument(cj), output);
    return printCreated(cj, output, output ? '' : dryRunSuffix(dry));
  }
  const toCreate: CronJob = { ...cj, metadata: { ...cj.metadata, namespace: namespaceOf(args) } };
  if (dry === 'server') {
    const refused = serverDryRun(ctx.sim, toCreate);
    if (refused) return fail(`error: failed to create cronjob: ${refused}\n`);
    return printCreated(applyDefaults(deepClone(toCreate)), output, output ? '' : dryRunSuffix(dry));
  }
  const created = ctx.sim.api.create<CronJob>(toCreate);
  if (!created.ok) return fail(`error: failed to create cronjob: ${statusText(created.error, 'CronJob')}\n`);
  return printCreated(created.object, output);
}

/**
 * jobFromCronJob is createJobFromCronJob: the CronJob's Job template under a name of the user's
 * choosing, marked `cronjob.kubernetes.io/instantiate: manual`, with the CronJob as controller
 * but without blockOwnerDeletion (kubectl leaves it out so no extra permission is needed).
 */
export function jobFromCronJob(name: string, cj: CronJob): Job {
  const template = cj.spec.jobTemplate;
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name,
      namespace: cj.metadata.namespace,
      annotations: { [ANNOTATION_CRONJOB_INSTANTIATE]: 'manual', ...(template.metadata?.annotations ?? {}) },
      ...(template.metadata?.labels ? { labels: { ...template.metadata.labels } } : {}),
      ownerReferences: [
        {
          apiVersion: 'batch/v1',
          kind: 'CronJob',
          name: cj.metadata.name,
          uid: cj.metadata.uid ?? '',
          controller: true,
        },
      ],
    },
    spec: deepClone(template.spec),
  };
}

/** createJobFrom runs `kubectl create job NAME --from=cronjob/NAME`. */
export function createJobFrom(args: VerbArgs, ctx: VerbContext, name: string, from: string): KubectlResult {
  if (args.afterDash.length > 0) return fail('error: cannot specify --from and command\n');
  const dry = dryRunOf(args);
  if (typeof dry === 'object') return fail(dry.error);
  const slash = from.indexOf('/');
  const type = slash < 0 ? from : from.slice(0, slash);
  const source = slash < 0 ? '' : from.slice(slash + 1);
  if (
    !['cronjob', 'cronjobs', 'cj', 'cronjob.batch', 'cronjobs.batch'].includes(type.toLowerCase()) ||
    !source
  )
    return fail(
      slash < 0
        ? `error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n`
        : `error: unknown object type ${type === 'job' || type === 'jobs' ? '*v1.Job' : type}\n`,
    );
  const ns = namespaceOf(args);
  const cj = ctx.sim.api.get<CronJob>('CronJob', ns, source);
  if (!cj) return fail(`Error from server (NotFound): cronjobs.batch "${source}" not found\n`);
  const job = jobFromCronJob(name, cj);
  const output = str(args, 'output');
  if (dry === 'client') return printCreated(job, output, output ? '' : dryRunSuffix(dry));
  if (dry === 'server') {
    const refused = serverDryRun(ctx.sim, job);
    if (refused) return fail(`error: failed to create job: ${refused}\n`);
    return printCreated(applyDefaults(deepClone(job)), output, output ? '' : dryRunSuffix(dry));
  }
  const created = ctx.sim.api.create<Job>(job);
  if (!created.ok) return fail(`error: failed to create job: ${statusText(created.error, 'Job')}\n`);
  return printCreated(created.object, output);
}
