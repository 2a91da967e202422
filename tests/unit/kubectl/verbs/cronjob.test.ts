// kubectl for CronJobs: printCronJob's columns (pkg/printers/internalversion/printers.go),
// describeCronJob, `create cronjob` (create_cronjob.go), `create job --from=cronjob/NAME`
// (create_job.go createJobFromCronJob), patch suspend, and delete with its Jobs and pods.
import { describe, expect, it } from 'vitest';
import type { CronJob, Job, Pod } from '../../../../src/engine/api/types';
import { kubectl, mustRun, newCluster } from '../helpers';

const create = "create cronjob tidy --image=busybox:1.36 --schedule='*/1 * * * *'";

describe('kubectl create cronjob (create_cronjob.go)', () => {
  it.each([
    ['kubectl create cronjob x --image=busybox', 'error: required flag(s) "schedule" not set\n'],
    ["kubectl create cronjob x --schedule='* * * * *'", 'error: required flag(s) "image" not set\n'],
    ['kubectl create cronjob x', 'error: required flag(s) "image", "schedule" not set\n'],
    [
      "kubectl create cronjob --image=busybox --schedule='* * * * *'",
      "error: exactly one NAME is required, got 0\nSee 'kubectl create cronjob -h' for help and examples\n",
    ],
    [
      "kubectl create cronjob x --image=busybox --schedule='@every 1d'",
      'error: failed to create cronjob: CronJob.batch "x" is invalid: spec.schedule: Invalid value: "@every 1d": failed to parse duration @every 1d: time: unknown unit "d" in duration "1d"\n',
    ],
    [
      "kubectl create cronjob x --image=busybox --schedule='* * * * *' --restart=Always",
      'error: failed to create cronjob: CronJob.batch "x" is invalid: spec.jobTemplate.spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"\n',
    ],
  ])('%s', (line, stderr) => {
    const r = kubectl(newCluster(), line);
    expect(r.stderr).toBe(stderr);
    expect(r.exitCode).toBe(1);
  });

  it('creates restartPolicy OnFailure by default, --restart=Never on request, the command after --', () => {
    const sim = newCluster();
    mustRun(sim, create);
    mustRun(
      sim,
      "create cj nightly --image=busybox:1.36 --schedule='0 3 * * *' --restart=Never -- sh -c 'rm -rf /tmp/*'",
    );
    const tidy = sim.api.get<CronJob>('CronJob', 'default', 'tidy')!;
    const nightly = sim.api.get<CronJob>('CronJob', 'default', 'nightly')!;
    expect(tidy.spec.jobTemplate.spec.template.spec.restartPolicy).toBe('OnFailure');
    expect(nightly.spec.jobTemplate.spec.template.spec.restartPolicy).toBe('Never');
    expect(nightly.spec.jobTemplate.spec.template.spec.containers[0]?.command).toEqual([
      'sh',
      '-c',
      'rm -rf /tmp/*',
    ]);
    expect(nightly.spec.jobTemplate.metadata).toEqual({ name: 'nightly' });
  });

  it('--dry-run=server checks with the API server and stores nothing', () => {
    const sim = newCluster();
    expect(mustRun(sim, `${create} --dry-run=server`).stdout).toBe(
      'cronjob.batch/tidy created (server dry run)\n',
    );
    expect(sim.api.list('CronJob')).toEqual([]);
  });
});

describe('kubectl get / describe cronjob (printCronJob, describeCronJob)', () => {
  it('shows SCHEDULE, TIMEZONE, SUSPEND, ACTIVE and LAST SCHEDULE as the controller runs it', () => {
    const sim = newCluster();
    mustRun(sim, create);
    expect(mustRun(sim, 'get cronjobs').stdout).toBe(
      [
        'NAME   SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE',
        'tidy   */1 * * * *   <none>     False     0        <none>          0s',
        '',
      ].join('\n'),
    );
    sim.runUntil(75);
    expect(mustRun(sim, 'get cj tidy').stdout).toMatch(
      /tidy\s+\*\/1 \* \* \* \*\s+<none>\s+False\s+1\s+15s\s+75s/,
    );
    const described = mustRun(sim, 'describe cronjob tidy').stdout;
    expect(described).toMatch(/Last Schedule Time:\s+Wed, 01 Jan 2025 00:01:00 \+0000/);
    expect(described).toMatch(/Active Jobs:\s+tidy-28928161\n/);
    expect(described).toMatch(
      /Normal\s+SuccessfulCreate\s+14s\s+cronjob-controller\s+Created job tidy-28928161/,
    );
  });

  it('patch suspend stops new Jobs; the SUSPEND column says True', () => {
    const sim = newCluster();
    mustRun(sim, create);
    mustRun(sim, `patch cronjob tidy -p '{"spec":{"suspend":true}}'`);
    sim.runUntil(300);
    expect(sim.api.list<Job>('Job')).toEqual([]);
    expect(mustRun(sim, 'get cronjobs').stdout).toMatch(
      /tidy\s+\S+ \* \* \* \*\s+<none>\s+True\s+0\s+<none>/,
    );
  });
});

describe('kubectl create job --from=cronjob/NAME (createJobFromCronJob)', () => {
  it('copies the Job template, marks it manual, makes the CronJob its controller, and the controller calls it unexpected', () => {
    const sim = newCluster();
    mustRun(sim, create);
    expect(mustRun(sim, 'create job tidy-now --from=cronjob/tidy').stdout).toBe(
      'job.batch/tidy-now created\n',
    );
    sim.settle();
    const job = sim.api.get<Job>('Job', 'default', 'tidy-now')!;
    const cj = sim.api.get<CronJob>('CronJob', 'default', 'tidy')!;
    expect(job.metadata.annotations).toEqual({ 'cronjob.kubernetes.io/instantiate': 'manual' });
    expect(job.metadata.ownerReferences).toEqual([
      { apiVersion: 'batch/v1', kind: 'CronJob', name: 'tidy', uid: cj.metadata.uid, controller: true },
    ]);
    expect(sim.recorder.log.filter((e) => e.reason === 'UnexpectedJob').map((e) => e.message)).toContain(
      'Saw a job that the controller did not create or forgot: tidy-now',
    );
  });

  it.each([
    ['create job x --from=cronjob/none', 'Error from server (NotFound): cronjobs.batch "none" not found\n'],
    [
      'create job x --from=cronjob/tidy --image=busybox',
      'error: either --image or --from must be specified\n',
    ],
    ['create job x --from=cronjob/tidy -- date', 'error: cannot specify --from and command\n'],
  ])('%s', (line, stderr) => {
    const sim = newCluster();
    mustRun(sim, create);
    expect(kubectl(sim, line).stderr).toBe(stderr);
  });
});

describe('kubectl delete cronjob: its Jobs and their pods go too (ownerReferences, background GC)', () => {
  it('leaves no Job or pod behind', () => {
    const sim = newCluster();
    mustRun(sim, create);
    sim.runUntil(130);
    expect(sim.api.list<Pod>('Pod').length).toBeGreaterThan(0);
    expect(mustRun(sim, 'delete cronjob tidy').stdout).toBe('cronjob.batch "tidy" deleted\n');
    sim.runUntil(200);
    expect(sim.api.list<Job>('Job')).toEqual([]);
    expect(sim.api.list<Pod>('Pod')).toEqual([]);
  });
});
