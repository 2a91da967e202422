// A StatefulSet's pods and what the controller reads off them, after
// pkg/controller/statefulset/stateful_set_utils.go (getParentNameAndOrdinal, isMemberOf,
// identityMatches, updateIdentity, updateStorage, newStatefulSetPod,
// newVersionedStatefulSetPod, isRunningAndReady, isHealthy, completeRollingUpdate).
import type { ControllerRevision, Pod, PodTemplateSpec, StatefulSet } from '../../api/types';
import { deepClone } from '../../api/clone';
import { isPodAvailable, isPodReady } from '../../api/podUtil';
import {
  LABEL_CONTROLLER_REVISION_HASH,
  LABEL_POD_INDEX,
  LABEL_STATEFULSET_POD_NAME,
} from '../../api/wellKnown';
import { controllerRef } from '../daemonset/history';

const ORDINAL_NAME = /^(.*)-([0-9]+)$/;

/** parentNameAndOrdinal is getParentNameAndOrdinal: `web-2` → web, 2; a name without an ordinal → -1. */
export function parentNameAndOrdinal(pod: Pod): { parent: string; ordinal: number } {
  const m = ORDINAL_NAME.exec(pod.metadata.name);
  if (!m) return { parent: '', ordinal: -1 };
  const ordinal = Number(m[2]);
  return Number.isSafeInteger(ordinal) ? { parent: m[1]!, ordinal } : { parent: '', ordinal: -1 };
}

/** ordinalOf is getOrdinal. */
export function ordinalOf(pod: Pod): number {
  return parentNameAndOrdinal(pod).ordinal;
}

/** podName is getPodName: `<set>-<ordinal>`. */
export function podName(set: StatefulSet, ordinal: number): string {
  return `${set.metadata.name}-${ordinal}`;
}

/** isMemberOf: the pod's name says it belongs to this set. */
export function isMemberOf(set: StatefulSet, pod: Pod): boolean {
  return parentNameAndOrdinal(pod).parent === set.metadata.name;
}

/** claimName is getPersistentVolumeClaimName: `<claim>-<set>-<ordinal>`. */
export function claimName(set: StatefulSet, claim: string, ordinal: number): string {
  return `${claim}-${set.metadata.name}-${ordinal}`;
}

/** identityMatches: the pod's name, namespace and identity labels are those of its ordinal. */
export function identityMatches(set: StatefulSet, pod: Pod): boolean {
  const { parent, ordinal } = parentNameAndOrdinal(pod);
  const labels = pod.metadata.labels ?? {};
  return (
    ordinal >= 0 &&
    parent === set.metadata.name &&
    (pod.metadata.namespace ?? 'default') === (set.metadata.namespace ?? 'default') &&
    labels[LABEL_STATEFULSET_POD_NAME] === pod.metadata.name &&
    labels[LABEL_POD_INDEX] === String(ordinal)
  );
}

interface ClaimVolume {
  name: string;
  persistentVolumeClaim?: { claimName: string };
}

/** updateIdentity writes the identity labels, hostname and subdomain of the pod's ordinal. */
export function updateIdentity(set: StatefulSet, pod: Pod): void {
  const ordinal = ordinalOf(pod);
  pod.metadata.labels = {
    ...(pod.metadata.labels ?? {}),
    [LABEL_STATEFULSET_POD_NAME]: pod.metadata.name,
    [LABEL_POD_INDEX]: String(ordinal),
  };
}

/**
 * updateStorage points each claim template's volume at the ordinal's claim, replacing a template
 * volume of the same name. The claims themselves are not created: the playground has no storage.
 */
function updateStorage(set: StatefulSet, pod: Pod, ordinal: number): void {
  const templates = set.spec.volumeClaimTemplates ?? [];
  if (templates.length === 0) return;
  const names = new Set(templates.map((t) => t.metadata.name));
  const kept = ((pod.spec.volumes ?? []) as ClaimVolume[]).filter((v) => !names.has(v.name));
  pod.spec.volumes = [
    ...templates.map((t) => ({
      name: t.metadata.name ?? '',
      persistentVolumeClaim: { claimName: claimName(set, t.metadata.name ?? '', ordinal) },
    })),
    ...kept,
  ];
}

/** newStatefulSetPod is GetPodFromTemplate plus the ordinal's identity and storage. */
export function newStatefulSetPod(set: StatefulSet, template: PodTemplateSpec, ordinal: number): Pod {
  const t = deepClone(template);
  const name = podName(set, ordinal);
  const pod: Pod = {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      ...(t.metadata ?? {}),
      name,
      namespace: set.metadata.namespace,
      labels: { ...(t.metadata?.labels ?? {}) },
      ownerReferences: [controllerRef(set)],
    },
    spec: { ...t.spec, hostname: name, ...(set.spec.serviceName ? { subdomain: set.spec.serviceName } : {}) },
    status: { phase: 'Pending' },
  };
  delete pod.metadata.generateName;
  updateIdentity(set, pod);
  updateStorage(set, pod, ordinal);
  return pod;
}

/** revisionTemplate is ApplyRevision: the set's template as a revision stored it. */
export function revisionTemplate(revision: ControllerRevision): PodTemplateSpec {
  return revision.data.spec.template;
}

/** podRevision is getPodRevision: the pod's controller-revision-hash label, which holds the revision name. */
export function podRevision(pod: Pod): string | undefined {
  return pod.metadata.labels?.[LABEL_CONTROLLER_REVISION_HASH];
}

/**
 * newVersionedStatefulSetPod picks the revision a new pod of `ordinal` gets: below the partition
 * of a RollingUpdate (or below currentReplicas when rollingUpdate is absent) the current one, so
 * a pod deleted under the partition comes back as it was; otherwise the update revision.
 */
export function newVersionedStatefulSetPod(
  set: StatefulSet,
  current: ControllerRevision,
  update: ControllerRevision,
  ordinal: number,
): Pod {
  const strategy = set.spec.updateStrategy;
  const rolling = strategy?.type === 'RollingUpdate';
  const ru = strategy?.rollingUpdate;
  const keepCurrent =
    (rolling && !ru && ordinal < (set.status?.currentReplicas ?? 0)) ||
    (ru !== undefined && ordinal < (ru.partition ?? 0));
  const revision = keepCurrent ? current : update;
  const pod = newStatefulSetPod(set, revisionTemplate(revision), ordinal);
  pod.metadata.labels = { ...pod.metadata.labels, [LABEL_CONTROLLER_REVISION_HASH]: revision.metadata.name };
  return pod;
}

/** isRunningAndReady: phase Running and the Ready condition True. */
export function isRunningAndReady(pod: Pod): boolean {
  return pod.status?.phase === 'Running' && isPodReady(pod);
}

/** isRunningAndAvailable: running, ready, and ready for minReadySeconds. */
export function isRunningAndAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
  return pod.status?.phase === 'Running' && isPodAvailable(pod, minReadySeconds, now);
}

/** isTerminating: the pod has a deletionTimestamp. */
export function isTerminating(pod: Pod): boolean {
  return pod.metadata.deletionTimestamp !== undefined;
}

/** isHealthy: running, ready and not terminating. */
export function isHealthy(pod: Pod): boolean {
  return isRunningAndReady(pod) && !isTerminating(pod);
}
