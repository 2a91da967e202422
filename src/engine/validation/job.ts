// Job validation, after ValidateJob, ValidateJobSpec and validateJobPodTemplate in
// pkg/apis/batch/validation/validation.go, and ValidateJobUpdate's immutable fields.
import type { Job } from '../api/types';
import { nameIsDNSSubdomain } from './content';
import type { FieldError } from './fieldErrors';
import { childPath, invalid, notSupported, required } from './fieldErrors';
import {
  validateImmutableField,
  validateLabelSelector,
  validateNonnegativeField,
  validateObjectMeta,
  validateObjectMetaUpdate,
} from './objectMeta';
import { validatePodTemplateSpec } from './podSpec';
import { validateSelectorMatchesTemplate, validateSelectorUnchanged } from './workload';

// A Job's pods must end: the kubelet may restart a failed container in place or not at all.
const JOB_RESTART_POLICIES = ['OnFailure', 'Never'] as const;

/** validateJobSpec is ValidateJobSpec, in upstream's order, for the fields the playground models. */
export function validateJobSpec(spec: Job['spec'] | undefined, path = 'spec'): FieldError[] {
  const s = spec ?? ({} as Partial<Job['spec']>);
  const errs = validateJobCounts(s, path);
  if (!s.selector) errs.push(required(childPath(path, 'selector')));
  else {
    errs.push(...validateLabelSelector(s.selector, childPath(path, 'selector')));
    errs.push(...validateSelectorMatchesTemplate(s.selector, s.template, childPath(path, 'template')));
  }
  return [...errs, ...validateJobPodTemplate(s, path)];
}

function validateJobCounts(s: Partial<Job['spec']>, path: string): FieldError[] {
  return [
    ...validateNonnegativeField(s.parallelism, childPath(path, 'parallelism')),
    ...validateNonnegativeField(s.completions, childPath(path, 'completions')),
    ...validateNonnegativeField(s.activeDeadlineSeconds, childPath(path, 'activeDeadlineSeconds')),
    ...validateNonnegativeField(s.backoffLimit, childPath(path, 'backoffLimit')),
    ...validateNonnegativeField(s.ttlSecondsAfterFinished, childPath(path, 'ttlSecondsAfterFinished')),
  ];
}

/**
 * validateJobSpecWithoutSelector is upstream's unexported validateJobSpec, which a CronJob's
 * jobTemplate goes through (ValidateJobTemplateSpec): the selector is generated later, per Job.
 */
export function validateJobSpecWithoutSelector(spec: Job['spec'] | undefined, path: string): FieldError[] {
  const s = spec ?? ({} as Partial<Job['spec']>);
  return [...validateJobCounts(s, path), ...validateJobPodTemplate(s, path)];
}

function validateJobPodTemplate(s: Partial<Job['spec']>, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const templatePath = childPath(path, 'template');
  errs.push(...validatePodTemplateSpec(s.template, templatePath));
  const policy = s.template?.spec?.restartPolicy;
  if (!JOB_RESTART_POLICIES.includes(policy as (typeof JOB_RESTART_POLICIES)[number]))
    errs.push(
      notSupported(childPath(templatePath, 'spec', 'restartPolicy'), policy ?? '', JOB_RESTART_POLICIES),
    );
  return errs;
}

/** validateJob validates a Job on create (after the strategy generated its selector). */
export function validateJob(job: Job): FieldError[] {
  const errs = [...validateObjectMeta(job.metadata, true, nameIsDNSSubdomain), ...validateJobSpec(job.spec)];
  // validateGeneratedSelector: without manualSelector the selector must be the generated one.
  const uid = job.metadata.uid;
  const sel = job.spec?.selector?.matchLabels ?? {};
  if (job.spec?.manualSelector !== true && uid && sel['batch.kubernetes.io/controller-uid'] !== uid)
    errs.push(invalid('spec.selector', job.spec.selector ?? null, '`selector` not auto-generated'));
  return errs;
}

/** validateJobUpdate: create rules, metadata update rules, and what a running Job may not change. */
export function validateJobUpdate(job: Job, old: Job): FieldError[] {
  return [
    ...validateObjectMetaUpdate(job.metadata, old.metadata),
    ...validateJobSpec(job.spec),
    ...validateSelectorUnchanged(job.spec?.selector, old.spec?.selector),
    ...validateImmutableField(job.spec?.template ?? null, old.spec?.template ?? null, 'spec.template'),
    ...validateImmutableField(
      job.spec?.completions ?? null,
      old.spec?.completions ?? null,
      'spec.completions',
    ),
  ];
}
