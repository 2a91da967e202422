// CronJob validation, after ValidateCronJobCreate, ValidateCronJobUpdate, validateCronJobSpec,
// validateScheduleFormat, validateTimeZone and ValidateJobTemplateSpec in
// pkg/apis/batch/validation/validation.go.
import type { CronJob } from '../api/types';
import { parseStandard } from '../clock/cron';
import { loadLocation } from '../clock/timeZone';
import { nameIsDNSSubdomain } from './content';
import type { FieldError } from './fieldErrors';
import { childPath, goStruct, invalid, notSupported, required } from './fieldErrors';
import { validateJobSpecWithoutSelector } from './job';
import { validateNonnegativeField, validateObjectMeta, validateObjectMetaUpdate } from './objectMeta';

const CONCURRENCY_POLICIES = ['Allow', 'Forbid', 'Replace'] as const;

// The controller names each Job `<cronjob>-<minutes since the epoch>`: 11 more characters, and a
// Job name is at most 63 (DNS1035LabelMaxLength - 11).
const MAX_CRONJOB_NAME_LENGTH = 52;

// validTimeZoneCharacters: each part of a tz database name (https://data.iana.org/time-zones/theory.html#naming).
const TIME_ZONE_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

function validateScheduleFormat(
  schedule: string,
  allowTZInSchedule: boolean,
  timeZone: string | undefined,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const parsed = parseStandard(schedule);
  if (!parsed.ok) errs.push(invalid(path, schedule, parsed.error));
  if (allowTZInSchedule && schedule.includes('TZ') && timeZone !== undefined)
    errs.push(invalid(path, schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'));
  else if (!allowTZInSchedule && schedule.includes('TZ'))
    errs.push(invalid(path, schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  return errs;
}

function validateTimeZone(timeZone: string | undefined, path: string): FieldError[] {
  if (timeZone === undefined) return [];
  if (timeZone === '') return [invalid(path, timeZone, 'timeZone must be nil or non-empty string')];
  for (const part of timeZone.split('/'))
    if (part === '.' || part === '..' || part.startsWith('-') || !TIME_ZONE_PART.test(part))
      return [invalid(path, timeZone, `unknown time zone ${timeZone}`)];
  const errs: FieldError[] = [];
  if (timeZone.toLowerCase() === 'local')
    errs.push(
      invalid(
        path,
        timeZone,
        'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones',
      ),
    );
  const bad = loadLocation(timeZone);
  if (bad) errs.push(invalid(path, timeZone, bad));
  return errs;
}

function validateCronJobSpec(cj: CronJob, old: CronJob | undefined): FieldError[] {
  const spec = cj.spec ?? ({} as Partial<CronJob['spec']>);
  const errs: FieldError[] = [];
  if (!spec.schedule) errs.push(required('spec.schedule'));
  else
    errs.push(
      ...validateScheduleFormat(
        spec.schedule,
        old !== undefined && (old.spec?.schedule ?? '').includes('TZ'),
        spec.timeZone,
        'spec.schedule',
      ),
    );
  errs.push(...validateNonnegativeField(spec.startingDeadlineSeconds, 'spec.startingDeadlineSeconds'));
  if (!old || old.spec?.timeZone !== spec.timeZone)
    errs.push(...validateTimeZone(spec.timeZone, 'spec.timeZone'));
  const policy = spec.concurrencyPolicy ?? '';
  if (policy === '') errs.push(required('spec.concurrencyPolicy'));
  else if (!CONCURRENCY_POLICIES.includes(policy))
    errs.push(notSupported('spec.concurrencyPolicy', policy, CONCURRENCY_POLICIES));
  // ValidateJobTemplateSpec: every Job gets a generated selector, so the template may not bring one.
  const templatePath = childPath('spec.jobTemplate', 'spec');
  const jobSpec = spec.jobTemplate?.spec;
  errs.push(...validateJobSpecWithoutSelector(jobSpec, templatePath));
  if (jobSpec?.selector)
    errs.push(
      invalid(
        childPath(templatePath, 'selector'),
        goStruct(jobSpec.selector, ['matchLabels', 'matchExpressions']),
        '`selector` will be auto-generated',
      ),
    );
  if (jobSpec?.manualSelector === true)
    errs.push(notSupported(childPath(templatePath, 'manualSelector'), true, ['nil', 'false']));
  errs.push(...validateNonnegativeField(spec.successfulJobsHistoryLimit, 'spec.successfulJobsHistoryLimit'));
  errs.push(...validateNonnegativeField(spec.failedJobsHistoryLimit, 'spec.failedJobsHistoryLimit'));
  return errs;
}

/** validateCronJob is ValidateCronJobCreate: metadata, spec, and a name short enough for its Jobs. */
export function validateCronJob(cj: CronJob): FieldError[] {
  const errs = [
    ...validateObjectMeta(cj.metadata, true, nameIsDNSSubdomain),
    ...validateCronJobSpec(cj, undefined),
  ];
  const name = cj.metadata?.name ?? '';
  if (name.length > MAX_CRONJOB_NAME_LENGTH)
    errs.push(invalid('metadata.name', name, `must be no more than ${MAX_CRONJOB_NAME_LENGTH} characters`));
  return errs;
}

/** validateCronJobUpdate is ValidateCronJobUpdate: no length check, so an old long name can still change. */
export function validateCronJobUpdate(cj: CronJob, old: CronJob): FieldError[] {
  return [...validateObjectMetaUpdate(cj.metadata, old.metadata), ...validateCronJobSpec(cj, old)];
}
