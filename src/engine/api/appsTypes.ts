// The apps/v1 workloads: DaemonSet, Deployment and its ReplicaSets, StatefulSet, and the
// ControllerRevision a DaemonSet or StatefulSet records its template history in.
import type { IntOrString, LabelSelector, ObjectMeta, TypeMeta } from './metaTypes';
import type { PodTemplateSpec, ResourceRequirements } from './podTypes';

export interface DaemonSetUpdateStrategy {
  type?: 'RollingUpdate' | 'OnDelete';
  rollingUpdate?: { maxUnavailable?: IntOrString; maxSurge?: IntOrString };
}

export interface DaemonSetSpec {
  selector: LabelSelector;
  template: PodTemplateSpec;
  updateStrategy?: DaemonSetUpdateStrategy;
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
}

export interface DaemonSetStatus {
  currentNumberScheduled: number;
  numberMisscheduled: number;
  desiredNumberScheduled: number;
  numberReady: number;
  observedGeneration?: number;
  updatedNumberScheduled?: number;
  numberAvailable?: number;
  numberUnavailable?: number;
  collisionCount?: number;
}

export interface DaemonSet extends TypeMeta {
  kind: 'DaemonSet';
  metadata: ObjectMeta;
  spec: DaemonSetSpec;
  status?: DaemonSetStatus;
}

export interface DeploymentSpec {
  replicas?: number;
  selector: LabelSelector;
  template: PodTemplateSpec;
  strategy?: {
    type?: 'RollingUpdate' | 'Recreate';
    rollingUpdate?: { maxUnavailable?: IntOrString; maxSurge?: IntOrString };
  };
  minReadySeconds?: number;
  revisionHistoryLimit?: number;
  /** A paused Deployment scales but does not roll out (`kubectl rollout pause`). */
  paused?: boolean;
}

export interface Deployment extends TypeMeta {
  kind: 'Deployment';
  metadata: ObjectMeta;
  spec: DeploymentSpec;
  status?: {
    observedGeneration?: number;
    replicas?: number;
    updatedReplicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    unavailableReplicas?: number;
  };
}

export interface ReplicaSet extends TypeMeta {
  kind: 'ReplicaSet';
  metadata: ObjectMeta;
  spec: { replicas?: number; selector: LabelSelector; template: PodTemplateSpec; minReadySeconds?: number };
  status?: {
    replicas: number;
    readyReplicas?: number;
    availableReplicas?: number;
    observedGeneration?: number;
  };
}

/** StatefulSetUpdateStrategy is apps/v1 StatefulSetUpdateStrategy. */
export interface StatefulSetUpdateStrategy {
  type?: 'RollingUpdate' | 'OnDelete';
  rollingUpdate?: { partition?: number; maxUnavailable?: IntOrString };
}

/** PersistentVolumeClaimTemplate is the part of a v1 PersistentVolumeClaim a StatefulSet stamps per pod. */
export interface PersistentVolumeClaimTemplate {
  apiVersion?: string;
  kind?: string;
  metadata: Partial<ObjectMeta>;
  spec?: {
    accessModes?: string[];
    resources?: ResourceRequirements;
    storageClassName?: string;
    volumeMode?: string;
  };
}

export interface StatefulSetSpec {
  replicas?: number;
  selector: LabelSelector;
  template: PodTemplateSpec;
  /** Optional since the API stopped requiring it; the governing headless Service is not simulated. */
  serviceName?: string;
  podManagementPolicy?: 'OrderedReady' | 'Parallel';
  updateStrategy?: StatefulSetUpdateStrategy;
  revisionHistoryLimit?: number;
  minReadySeconds?: number;
  volumeClaimTemplates?: PersistentVolumeClaimTemplate[];
  persistentVolumeClaimRetentionPolicy?: {
    whenDeleted?: 'Retain' | 'Delete';
    whenScaled?: 'Retain' | 'Delete';
  };
  ordinals?: { start?: number };
}

/** StatefulSetStatus is apps/v1 StatefulSetStatus. */
export interface StatefulSetStatus {
  observedGeneration?: number;
  replicas: number;
  readyReplicas?: number;
  currentReplicas?: number;
  updatedReplicas?: number;
  availableReplicas?: number;
  currentRevision?: string;
  updateRevision?: string;
  collisionCount?: number;
}

export interface StatefulSet extends TypeMeta {
  kind: 'StatefulSet';
  metadata: ObjectMeta;
  spec: StatefulSetSpec;
  status?: StatefulSetStatus;
}

export interface ControllerRevision extends TypeMeta {
  kind: 'ControllerRevision';
  metadata: ObjectMeta;
  /** For a DaemonSet, the patch `{spec: {template: ...}}` the controller stores (see controller_history). */
  data: { spec: { template: PodTemplateSpec } };
  revision: number;
}
