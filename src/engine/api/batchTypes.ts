// The batch/v1 workloads: a Job that runs pods to completion, and the CronJob that stamps Jobs on
// a schedule.
import type { LabelSelector, Labels, ObjectMeta, ObjectReference, TypeMeta } from './metaTypes';
import type { PodTemplateSpec } from './podTypes';

/** JobCondition is batch/v1 JobCondition: Complete, Failed, SuccessCriteriaMet, FailureTarget, Suspended. */
export interface JobCondition {
  type: 'Complete' | 'Failed' | 'SuccessCriteriaMet' | 'FailureTarget' | 'Suspended';
  status: 'True' | 'False' | 'Unknown';
  lastProbeTime?: string;
  lastTransitionTime?: string;
  reason?: string;
  message?: string;
}

export interface JobSpec {
  parallelism?: number;
  completions?: number;
  activeDeadlineSeconds?: number;
  backoffLimit?: number;
  selector?: LabelSelector;
  manualSelector?: boolean;
  template: PodTemplateSpec;
  ttlSecondsAfterFinished?: number;
  completionMode?: 'NonIndexed' | 'Indexed';
  suspend?: boolean;
  podReplacementPolicy?: 'TerminatingOrFailed' | 'Failed';
}

export interface Job extends TypeMeta {
  kind: 'Job';
  metadata: ObjectMeta;
  spec: JobSpec;
  status?: {
    conditions?: JobCondition[];
    startTime?: string;
    completionTime?: string;
    active?: number;
    succeeded?: number;
    failed?: number;
    terminating?: number;
    ready?: number;
    uncountedTerminatedPods?: { succeeded?: string[]; failed?: string[] };
  };
}

/** JobTemplateSpec is what a CronJob stamps each Job from: metadata for the Job and its spec. */
export interface JobTemplateSpec {
  metadata?: { labels?: Labels; annotations?: Record<string, string>; name?: string };
  spec: JobSpec;
}

export interface CronJobSpec {
  schedule: string;
  timeZone?: string;
  startingDeadlineSeconds?: number;
  concurrencyPolicy?: 'Allow' | 'Forbid' | 'Replace';
  suspend?: boolean;
  jobTemplate: JobTemplateSpec;
  successfulJobsHistoryLimit?: number;
  failedJobsHistoryLimit?: number;
}

export interface CronJob extends TypeMeta {
  kind: 'CronJob';
  metadata: ObjectMeta;
  spec: CronJobSpec;
  status?: {
    active?: ObjectReference[];
    lastScheduleTime?: string;
    lastSuccessfulTime?: string;
  };
}
