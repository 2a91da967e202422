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
import type { Generator } from '../util/generator';
import { clientContainer, clientMeta, finishGenerated, oneName } from '../util/generator';
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

// A server-side dry run of a Job from a CronJob: the API server's checks, nothing stored.
function serverDryRun(sim: Simulation, job: Job): string | undefined {
  if (sim.api.get(job.kind, job.metadata.namespace, job.metadata.name))
    return `jobs.batch "${job.metadata.name}" already exists`;
  const errors: FieldError[] = validateObject(withGeneratedSelector(applyDefaults(deepClone(job))));
  return errors.length > 0 ? formatStatusMessage(job.kind, 'batch', job.metadata.name, errors) : undefined;
}

// The error a typed client's Create returns, as `failed to create job: %v` prints it.
function statusText(error: ApiError): string {
  return error.reason === 'Invalid' && error.fieldErrors
    ? formatStatusMessage('Job', 'batch', error.message.match(/"([^"]*)"/)?.[1] ?? '', error.fieldErrors)
    : error.message;
}

function printCreated(obj: KubeObject, output: string | undefined, suffix = ''): KubectlResult {
  if (output === 'yaml' || output === 'json')
    return { stdout: printDocuments([obj], { kind: output }, true), stderr: '', exitCode: 0 };
  return { stdout: `${nameOf(obj)} created${suffix}\n`, stderr: '', exitCode: 0 };
}

/** cronJobGenerator runs `kubectl create cronjob`. */
export const cronJobGenerator: Generator = {
  spec: {
    name: 'cronjob',
    aliases: ['cj'],
    usage: "kubectl create cronjob NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...]",
    short: 'Create a cron job with the specified name',
    flags: [
      { name: 'image', type: 'string', description: 'Image name to run.' },
      {
        name: 'schedule',
        type: 'string',
        description: 'A schedule in the Cron format the job should be run with.',
      },
      {
        name: 'restart',
        type: 'string',
        description: "job's restart policy. supported values: OnFailure, Never",
      },
    ],
  },
  run(args, ctx) {
    // cobra checks the required flags before the command runs.
    const missing = ['image', 'schedule'].filter((f) => !args.flags.has(f));
    if (missing.length > 0) return fail(`error: required flag(s) "${missing.join('", "')}" not set\n`);
    const name = oneName(args);
    if (typeof name !== 'string') return name;
    const cj = cronJobFor(
      name,
      undefined,
      str(args, 'image') ?? '',
      str(args, 'schedule') ?? '',
      str(args, 'restart') || 'OnFailure',
      args.afterDash,
    );
    const pod = cj.spec.jobTemplate.spec.template.spec;
    const client = {
      kind: cj.kind,
      apiVersion: cj.apiVersion,
      metadata: clientMeta(args, cj.metadata as { name: string }, true),
      spec: {
        schedule: cj.spec.schedule,
        jobTemplate: {
          metadata: { name, creationTimestamp: null },
          spec: {
            template: {
              metadata: { creationTimestamp: null },
              spec: { containers: [clientContainer(pod.containers[0]!)], restartPolicy: pod.restartPolicy },
            },
          },
        },
      },
      status: {},
    };
    return finishGenerated(args, ctx, { object: cj, client }, 'failed to create cronjob');
  },
};

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
  if (!created.ok) return fail(`error: failed to create job: ${statusText(created.error)}\n`);
  return printCreated(created.object, output);
}
