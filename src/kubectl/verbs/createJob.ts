// kubectl create job NAME --image=IMAGE [-- COMMAND [args...]] (staging/src/k8s.io/kubectl/pkg/cmd/
// create/create_job.go createJob): a Job with one container named after it and restartPolicy
// Never — the pod template default, Always, is one a Job may not have; `--from=cronjob/…` copies a
// CronJob's Job template (createCronJob.ts).
import type { Job } from '../../engine/api/types';
import { fail, str } from '../util/flags';
import { createJobFrom } from './createCronJob';
import type { Generator } from '../util/generator';
import { clientContainer, clientMeta, finishGenerated, oneName } from '../util/generator';

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

/** jobGenerator runs `kubectl create job`. */
export const jobGenerator: Generator = {
  spec: {
    name: 'job',
    usage: 'kubectl create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...]',
    short: 'Create a job with the specified name',
    flags: [
      { name: 'image', type: 'string', description: 'Image name to run.' },
      {
        name: 'from',
        type: 'string',
        description: 'The name of the resource to create a Job from (only cronjob is supported).',
      },
    ],
  },
  run(args, ctx) {
    const name = oneName(args);
    if (typeof name !== 'string') return name;
    const image = str(args, 'image');
    const from = str(args, 'from');
    if (from && !image) return createJobFrom(args, ctx, name, from);
    if (!image || from) return fail('error: either --image or --from must be specified\n');
    const job = jobFor(name, '', image, args.afterDash);
    const c = job.spec.template.spec.containers[0]!;
    const client = {
      kind: job.kind,
      apiVersion: job.apiVersion,
      metadata: clientMeta(args, job.metadata, true),
      spec: {
        template: {
          metadata: { creationTimestamp: null },
          spec: { containers: [clientContainer(c)], restartPolicy: 'Never' },
        },
      },
      status: {},
    };
    return finishGenerated(args, ctx, { object: job, client }, 'failed to create job');
  },
};
