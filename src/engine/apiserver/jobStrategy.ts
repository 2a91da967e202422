// What pkg/registry/batch/job/strategy.go does to a Job on create before validating it
// (generateSelector, called from Validate once the uid is known): unless the user asked for a
// manual selector, the Job's pods are selected by its uid, and the template carries the labels
// that make them match — the prefixed ones and the legacy `controller-uid` / `job-name`.
import type { Job } from '../api/types';
import { deepClone } from '../api/clone';
import {
  LABEL_CONTROLLER_UID,
  LABEL_JOB_NAME,
  LABEL_LEGACY_CONTROLLER_UID,
  LABEL_LEGACY_JOB_NAME,
} from '../api/wellKnown';

/** generateJobSelector labels the template with the Job's uid and name and selects on the uid. */
export function generateJobSelector(job: Job, uid: string): void {
  if (job.spec?.manualSelector === true || !job.spec?.template) return;
  const template = job.spec.template;
  template.metadata = {
    ...(template.metadata ?? {}),
    labels: {
      ...(template.metadata?.labels ?? {}),
      [LABEL_CONTROLLER_UID]: uid,
      [LABEL_JOB_NAME]: job.metadata.name,
      [LABEL_LEGACY_CONTROLLER_UID]: uid,
      [LABEL_LEGACY_JOB_NAME]: job.metadata.name,
    },
  };
  job.spec.selector ??= { matchLabels: { [LABEL_CONTROLLER_UID]: uid } };
  // SetDefaults_Job copies the template's labels to a Job that has none; the API server defaults
  // the stored object again on every read, so the generated labels show on the Job too.
  if (Object.keys(job.metadata.labels ?? {}).length === 0)
    job.metadata.labels = { ...template.metadata.labels };
}

// A uid-shaped stand-in: a manifest is validated before the API server has named the object.
const PROVISIONAL_UID = '00000000-0000-0000-0000-000000000000';

/** withGeneratedSelector is a copy of a Job as validation sees it on create, for checking a manifest offline. */
export function withGeneratedSelector(job: Job): Job {
  const copy = deepClone(job);
  generateJobSelector(copy, PROVISIONAL_UID);
  return copy;
}
