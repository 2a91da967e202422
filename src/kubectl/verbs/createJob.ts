// kubectl create job NAME --image=IMAGE [-- COMMAND [args...]] (staging/src/k8s.io/kubectl/pkg/cmd/
// create/create_job.go createJob): a Job with one container named after it and restartPolicy
// Never — the pod template default, Always, is one a Job may not have. `--from=cronjob/…` is
// createJobFrom's.
import type { Job } from '../../engine/api/types';
import type { KubectlResult, VerbArgs, VerbContext } from '../types';
import { apiErrorText } from '../util/errors';
import { dryRunOf, dryRunSuffix, fail, namespaceOf, str } from '../util/flags';
import { printDocuments } from '../printers/output';
import { nameOf } from '../util/resources';
import { createJobFrom } from './createCronJob';

/** jobFor is what createJob builds, before the API server defaults anything. */
export function jobFor(name: string, namespace: string, image: string, command: string[]): Job {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name, namespace },
    spec: {
      template: {
        spec: {
          containers: [{ name, image, ...(command.length > 0 ? { command } : {}) }],
          restartPolicy: 'Never',
        },
      },
    },
  };
}

// What `--dry-run=client -o yaml` prints: the generator's object with Go's zero values shown.
function clientDocument(job: Job): Job {
  const c = job.spec.template.spec.containers[0]!;
  return {
    apiVersion: job.apiVersion,
    kind: job.kind,
    metadata: { creationTimestamp: null, name: job.metadata.name },
    spec: {
      template: {
        metadata: { creationTimestamp: null },
        spec: {
          containers: [
            { ...(c.command ? { command: c.command } : {}), image: c.image, name: c.name, resources: {} },
          ],
          restartPolicy: 'Never',
        },
      },
    },
    status: {},
  } as unknown as Job;
}

/** createJob runs `kubectl create job`. */
export function createJob(args: VerbArgs, ctx: VerbContext): KubectlResult {
  const names = args.positional.slice(1);
  if (names.length !== 1)
    return fail(
      `error: exactly one NAME is required, got ${names.length}\nSee 'kubectl create job -h' for help and examples\n`,
    );
  const image = str(args, 'image');
  const from = str(args, 'from');
  if (from && !image) return createJobFrom(args, ctx, names[0]!, from);
  if (!image || from) return fail('error: either --image or --from must be specified\n');
  const dry = dryRunOf(args);
  if (typeof dry === 'object') return fail(dry.error);
  const job = jobFor(names[0]!, namespaceOf(args), image, args.afterDash);
  const output = str(args, 'output');
  if (dry === 'client') {
    if (output === 'yaml' || output === 'json')
      return {
        stdout: printDocuments([clientDocument(job)], { kind: output }, true),
        stderr: '',
        exitCode: 0,
      };
    return { stdout: `${nameOf(job)} created${dryRunSuffix(dry)}\n`, stderr: '', exitCode: 0 };
  }
  if (dry === 'server')
    return { stdout: `${nameOf(job)} created${dryRunSuffix(dry)}\n`, stderr: '', exitCode: 0 };
  const created = ctx.sim.api.create(job);
  if (!created.ok) return fail(apiErrorText(created.error));
  if (output === 'yaml' || output === 'json')
    return { stdout: printDocuments([created.object], { kind: output }, true), stderr: '', exitCode: 0 };
  return { stdout: `${nameOf(created.object)} created\n`, stderr: '', exitCode: 0 };
}
