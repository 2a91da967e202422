// pkg/controller/cronjob/cronjob_controllerv2.go: sync, syncCronJob (concurrency policies, the
// starting deadline, suspend, the active list, MissingJob/UnexpectedJob), cleanupFinishedJobs /
// removeOldestJobs (history limits), updateCronJob (a new schedule moves the wake-up); requeues
// with AddAfter(nextScheduleTimeDuration) rather than polling. Validation: ValidateCronJobCreate.
import { describe, expect, it } from 'vitest';
import type { CronJob, Job, Pod } from '../../../../../src/engine/api/types';
import type { Simulation } from '../../../../../src/engine/simulation';
import { validateObject } from '../../../../../src/engine/validation';
import { applyDefaults } from '../../../../../src/engine/apiserver/defaults';
import { newCronJob, newNode } from '../../../../fixtures/builders';
import type { CronJobOptions } from '../../../../fixtures/builders';
import { newCluster } from '../../../../fixtures/cluster';

const MINUTE = 60;

function cluster(opts: CronJobOptions = {}) {
  const sim = newCluster([newNode('n1'), newNode('n2'), newCronJob('cj', opts)]);
  return sim;
}

const cronJob = (sim: Simulation) => sim.api.get<CronJob>('CronJob', 'default', 'cj')!;
const jobs = (sim: Simulation) =>
  sim.api
    .list<Job>('Job')
    .map((j) => j.metadata.name)
    .sort();
const events = (sim: Simulation, reason?: string) =>
  sim.recorder.log
    .filter((e) => e.object === 'CronJob/default/cj' && (reason === undefined || e.reason === reason))
    .map((e) => (reason ? e.message : e.reason));
const minutes = (isoMinute: number) => `cj-${Date.UTC(2025, 0, 1) / 60_000 + isoMinute}`;

function patch(sim: Simulation, change: (cj: CronJob) => void): void {
  const next = structuredClone(cronJob(sim));
  change(next);
  const res = sim.api.update(next);
  if (!res.ok) throw new Error(res.error.message);
  sim.settle();
}

describe('CronJob controller · schedule on the virtual clock (sync requeues with AddAfter, never polls)', () => {
  it('an hourly CronJob sleeps until 100 ms past the hour: the only timer is the wake-up, and it keeps no run busy', () => {
    const sim = cluster({ schedule: '0 * * * *' });
    expect(sim.nextEventTime()).toBe(3600.1);
    expect(sim.isQuiet()).toBe(true);
    sim.runUntil(3599);
    expect(jobs(sim)).toEqual([]);
    sim.runUntil(3601);
    expect(jobs(sim)).toEqual([minutes(60)]);
    expect(events(sim, 'SuccessfulCreate')).toEqual([`Created job ${minutes(60)}`]);
  });

  it('each start time makes one Job named <cronjob>-<minutes since the epoch>; status records it as active and last scheduled', () => {
    const sim = cluster({ runSeconds: 600 });
    sim.runUntil(3 * MINUTE + 1);
    expect(jobs(sim)).toEqual([minutes(1), minutes(2), minutes(3)]);
    const cj = cronJob(sim);
    expect(cj.status?.active?.map((r) => [r.kind, r.name])).toEqual([
      ['Job', minutes(1)],
      ['Job', minutes(2)],
      ['Job', minutes(3)],
    ]);
    expect(cj.status?.lastScheduleTime).toBe('2025-01-01T00:03:00Z');
    const job = sim.api.get<Job>('Job', 'default', minutes(3))!;
    expect(job.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe(
      '2025-01-01T00:03:00Z',
    );
    expect(job.metadata.ownerReferences?.[0]).toMatchObject({
      kind: 'CronJob',
      name: 'cj',
      controller: true,
    });
  });

  it('a changed schedule moves the wake-up (updateCronJob)', () => {
    const sim = cluster({ schedule: '0 * * * *' });
    sim.runUntil(10);
    patch(sim, (cj) => (cj.spec.schedule = '*/5 * * * *'));
    sim.runUntil(5 * MINUTE + 1);
    expect(jobs(sim)).toEqual([minutes(5)]);
  });

  it('spec.timeZone: "0 2 * * *" in Europe/Berlin runs at 01:00 UTC and annotates Berlin time', () => {
    const sim = cluster({ schedule: '0 2 * * *', timeZone: 'Europe/Berlin' });
    expect(sim.nextEventTime()).toBe(3600.1);
    sim.runUntil(3601);
    const job = sim.api.get<Job>('Job', 'default', minutes(60))!;
    expect(job.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp']).toBe(
      '2025-01-01T02:00:00+01:00',
    );
  });
});

describe('CronJob controller · concurrencyPolicy (syncCronJob)', () => {
  it.each([
    ['Allow', 3, [minutes(1), minutes(2), minutes(3)], []],
    ['Forbid', 1, [minutes(1)], ['JobAlreadyActive', 'JobAlreadyActive']],
    ['Replace', 1, [minutes(3)], ['SuccessfulDelete', 'SuccessfulDelete']],
  ] as const)('%s with Jobs that outlast the interval: %i active', (policy, active, names, extra) => {
    const sim = cluster({ concurrencyPolicy: policy, runSeconds: 3600 });
    sim.runUntil(3 * MINUTE + 1);
    expect(cronJob(sim).status?.active ?? []).toHaveLength(active);
    expect(jobs(sim)).toEqual(names);
    expect(events(sim).filter((r) => r === 'JobAlreadyActive' || r === 'SuccessfulDelete')).toEqual(extra);
  });

  it('Forbid says why it skipped, in the controller’s words', () => {
    const sim = cluster({ concurrencyPolicy: 'Forbid', runSeconds: 3600 });
    sim.runUntil(2 * MINUTE + 1);
    expect(events(sim, 'JobAlreadyActive')).toEqual([
      'Not starting job because prior execution is running and concurrency policy is Forbid',
    ]);
  });

  it.each([
    [
      'without startingDeadlineSeconds, the skipped 00:02 start runs late, when the 00:01 Job finishes',
      {},
      [1, 2],
    ],
    [
      'with startingDeadlineSeconds: 10, the skipped start is past its deadline and never runs',
      { startingDeadlineSeconds: 10 },
      [1, 3],
    ],
  ])('Forbid: %s', (_case, opts, started) => {
    const sim = cluster({
      concurrencyPolicy: 'Forbid',
      runSeconds: 90,
      successfulJobsHistoryLimit: 5,
      ...opts,
    });
    sim.runUntil(4 * MINUTE + 1);
    // The 00:01 Job runs until about 00:02:32 (image pull, then 90 s); 00:03 and 00:04 find a Job running.
    expect(jobs(sim)).toEqual(started.map(minutes));
  });
});

describe('CronJob controller · history limits (cleanupFinishedJobs, removeOldestJobs by start time)', () => {
  it.each([
    [{}, 3, 0],
    [{ successfulJobsHistoryLimit: 1 }, 1, 0],
    [{ successfulJobsHistoryLimit: 0 }, 0, 0],
    [{ exitCode: 1, backoffLimit: 0, restartPolicy: 'Never' }, 0, 1],
    [{ exitCode: 1, backoffLimit: 0, restartPolicy: 'Never', failedJobsHistoryLimit: 3 }, 0, 3],
  ] as const)('%j: after 8 runs, %i succeeded and %i failed Jobs are kept', (opts, succeeded, failed) => {
    const sim = cluster({ runSeconds: 5, ...opts });
    sim.runUntil(8 * MINUTE);
    const finished = sim.api
      .list<Job>('Job')
      .map(
        (j) =>
          j.status?.conditions?.find(
            (c) => c.status === 'True' && (c.type === 'Complete' || c.type === 'Failed'),
          )?.type,
      );
    expect(finished.filter((t) => t === 'Complete')).toHaveLength(succeeded);
    expect(finished.filter((t) => t === 'Failed')).toHaveLength(failed);
  });

  it('the oldest go first, with their pods, and each deletion is an event', () => {
    const sim = cluster({ runSeconds: 5 });
    sim.runUntil(5 * MINUTE + 30);
    expect(jobs(sim)).toEqual([minutes(3), minutes(4), minutes(5)]);
    expect(events(sim, 'SuccessfulDelete')).toEqual([
      `Deleted job ${minutes(1)}`,
      `Deleted job ${minutes(2)}`,
    ]);
    const podOwners = sim.api
      .list<Pod>('Pod')
      .map((p) => p.metadata.name.replace(/-\w{5}$/, ''))
      .sort();
    expect(podOwners).toEqual([minutes(3), minutes(4), minutes(5)]);
  });

  it('a finished Job leaves status.active with SawCompletedJob, and sets lastSuccessfulTime', () => {
    const sim = cluster({ runSeconds: 5 });
    sim.runUntil(MINUTE + 30);
    expect(events(sim, 'SawCompletedJob')).toEqual([`Saw completed job: ${minutes(1)}, condition: Complete`]);
    const cj = cronJob(sim);
    expect(cj.status?.active).toBeUndefined();
    const job = sim.api.get<Job>('Job', 'default', minutes(1))!;
    expect(cj.status?.lastSuccessfulTime).toBe(job.status?.completionTime);
  });
});

describe('CronJob controller · suspend, the starting deadline and missed start times', () => {
  it('a suspended CronJob starts nothing; resumed, it starts only the most recent missed time', () => {
    const sim = cluster({ suspend: true, runSeconds: 5 });
    sim.runUntil(5 * MINUTE + 20);
    expect(jobs(sim)).toEqual([]);
    patch(sim, (cj) => (cj.spec.suspend = false));
    expect(jobs(sim)).toEqual([minutes(5)]);
  });

  it('past startingDeadlineSeconds a missed start is not run: mostRecentScheduleTime counts from now − deadline', () => {
    const sim = cluster({ suspend: true, startingDeadlineSeconds: 10, runSeconds: 5 });
    sim.runUntil(5 * MINUTE + 20);
    patch(sim, (cj) => (cj.spec.suspend = false));
    expect(jobs(sim)).toEqual([]);
    sim.runUntil(6 * MINUTE + 1);
    expect(jobs(sim)).toEqual([minutes(6)]);
  });

  it('startingDeadlineSeconds: 0 never starts a Job: the wake-up comes nextScheduleDelta (100 ms) after the start time, already past it', () => {
    const sim = cluster({ startingDeadlineSeconds: 0 });
    sim.runUntil(5 * MINUTE + 1);
    expect(jobs(sim)).toEqual([]);
  });

  it('more than 100 missed start times: TooManyMissedTimes, and still only the latest starts', () => {
    const sim = cluster({ suspend: true, runSeconds: 5 });
    sim.runUntil(2 * 3600 + 30);
    patch(sim, (cj) => (cj.spec.suspend = false));
    expect(events(sim, 'TooManyMissedTimes')).toEqual([
      'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew',
    ]);
    expect(jobs(sim)).toEqual([minutes(120)]);
  });

  it('a Job deleted while active is noticed as MissingJob and dropped from status.active', () => {
    const sim = cluster({ runSeconds: 600 });
    sim.runUntil(MINUTE + 1);
    sim.api.delete('Job', 'default', minutes(1));
    sim.settle();
    expect(events(sim, 'MissingJob')).toEqual([`Active job went missing: ${minutes(1)}`]);
    expect(cronJob(sim).status?.active).toBeUndefined();
  });

  it('deleting the CronJob deletes its Jobs and their pods (garbage collector, ownerReferences)', () => {
    const sim = cluster({ runSeconds: 600 });
    sim.runUntil(2 * MINUTE + 1);
    expect(sim.api.list<Pod>('Pod')).toHaveLength(2);
    sim.api.delete('CronJob', 'default', 'cj');
    sim.runUntil(4 * MINUTE);
    expect(sim.api.list<Job>('Job')).toEqual([]);
    expect(sim.api.list<Pod>('Pod')).toEqual([]);
  });
});

describe('CronJob validation (ValidateCronJobCreate, validateScheduleFormat, validateTimeZone)', () => {
  const check = (change: (cj: CronJob) => unknown) => {
    const cj = newCronJob('cj');
    change(cj);
    return validateObject(applyDefaults(cj)).map((e) => `${e.path}: ${e.message}`);
  };
  const rows: [string, (cj: CronJob) => unknown, string[]][] = [
    ['a valid CronJob', () => {}, []],
    ['an empty schedule', (c: CronJob) => (c.spec.schedule = ''), ['spec.schedule: Required value']],
    [
      'a four-field schedule',
      (c: CronJob) => (c.spec.schedule = '* * * *'),
      ['spec.schedule: Invalid value: "* * * *": expected exactly 5 fields, found 4: [* * * *]'],
    ],
    [
      'TZ= in the schedule',
      (c: CronJob) => (c.spec.schedule = 'TZ=UTC 0 * * * *'),
      [
        'spec.schedule: Invalid value: "TZ=UTC 0 * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead',
      ],
    ],
    [
      'an unknown time zone',
      (c: CronJob) => (c.spec.timeZone = 'Mars/Olympus'),
      ['spec.timeZone: Invalid value: "Mars/Olympus": unknown time zone Mars/Olympus'],
    ],
    [
      'an empty time zone',
      (c: CronJob) => (c.spec.timeZone = ''),
      ['spec.timeZone: Invalid value: "": timeZone must be nil or non-empty string'],
    ],
    [
      'Local',
      (c: CronJob) => (c.spec.timeZone = 'Local'),
      [
        'spec.timeZone: Invalid value: "Local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
      ],
    ],
    [
      'a zone name in the wrong case',
      (c: CronJob) => (c.spec.timeZone = 'europe/berlin'),
      ['spec.timeZone: Invalid value: "europe/berlin": unknown time zone europe/berlin'],
    ],
    [
      'an unknown concurrencyPolicy',
      (c: CronJob) => (c.spec.concurrencyPolicy = 'Never' as 'Allow'),
      ['spec.concurrencyPolicy: Unsupported value: "Never": supported values: "Allow", "Forbid", "Replace"'],
    ],
    [
      'a negative startingDeadlineSeconds',
      (c: CronJob) => (c.spec.startingDeadlineSeconds = -1),
      ['spec.startingDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0'],
    ],
    [
      'restartPolicy Always in the Job template',
      (c: CronJob) => (c.spec.jobTemplate.spec.template.spec.restartPolicy = 'Always'),
      [
        'spec.jobTemplate.spec.template.spec.restartPolicy: Unsupported value: "Always": supported values: "OnFailure", "Never"',
      ],
    ],
    [
      'a selector in the Job template',
      (c: CronJob) => (c.spec.jobTemplate.spec.selector = { matchLabels: { a: 'b' } }),
      [
        'spec.jobTemplate.spec.selector: Invalid value: {"matchLabels":{"a":"b"}}: `selector` will be auto-generated',
      ],
    ],
    [
      'a negative history limit',
      (c: CronJob) => (c.spec.failedJobsHistoryLimit = -1),
      ['spec.failedJobsHistoryLimit: Invalid value: -1: must be greater than or equal to 0'],
    ],
    [
      'a 53-character name',
      (c: CronJob) => (c.metadata.name = 'x'.repeat(53)),
      [`metadata.name: Invalid value: "${'x'.repeat(53)}": must be no more than 52 characters`],
    ],
  ];
  it.each(rows)('%s', (_case, change, expected) => {
    expect(check(change)).toEqual(expected);
  });

  it('defaults (SetDefaults_CronJob): Allow, not suspended, history 3 and 1', () => {
    const cj = applyDefaults(newCronJob('cj'));
    expect(cj.spec).toMatchObject({
      concurrencyPolicy: 'Allow',
      suspend: false,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 1,
    });
  });
});
