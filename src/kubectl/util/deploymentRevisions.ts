// A Deployment's rollout history is its ReplicaSets, numbered by the
// `deployment.kubernetes.io/revision` annotation the deployment controller keeps on them
// (pkg/controller/deployment/util/deployment_util.go). The playground's controller does not
// write that annotation yet, so when a ReplicaSet lacks it the revisions are derived instead:
// older ReplicaSets in creationTimestamp order, and the Deployment's current ReplicaSet last,
// because the real controller gives the ReplicaSet it rolls to the next number, even one it
// rolls back to. Numbers then run 1..n without the gaps a real rollback leaves.
import type { Deployment, PodTemplateSpec, ReplicaSet } from '../../engine/api/types';
import { controllerUidOf } from '../../engine/api/podUtil';
import { parseTimestamp } from '../../engine/clock/clock';
import { stableStringify } from '../../engine/controllers/daemonset/history';
import type { Simulation } from '../../engine/simulation';

/** REVISION_ANNOTATION is deploymentutil.RevisionAnnotation. */
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';
/** CHANGE_CAUSE_ANNOTATION is what `rollout history` prints in CHANGE-CAUSE. */
export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';
/** POD_TEMPLATE_HASH is appsv1.DefaultDeploymentUniqueLabelKey. */
export const POD_TEMPLATE_HASH = 'pod-template-hash';

/** DeploymentRevision is one ReplicaSet of a Deployment and its revision number. */
export interface DeploymentRevision {
  revision: number;
  replicaSet: ReplicaSet;
}

/** withoutHash is a copy of a pod template without the pod-template-hash label. */
export function withoutHash(template: PodTemplateSpec): PodTemplateSpec {
  const copy = structuredClone(template);
  if (copy.metadata?.labels) {
    delete copy.metadata.labels[POD_TEMPLATE_HASH];
  }
  return copy;
}

/** equalIgnoreHash is rollback.go's equalIgnoreHash: templates equal but for pod-template-hash. */
export function equalIgnoreHash(a: PodTemplateSpec, b: PodTemplateSpec): boolean {
  return stableStringify(withoutHash(a)) === stableStringify(withoutHash(b));
}

function annotatedRevision(rs: ReplicaSet): number | undefined {
  const text = rs.metadata.annotations?.[REVISION_ANNOTATION];
  return text !== undefined && /^\d+$/.test(text) ? Number(text) : undefined;
}

function olderFirst(a: ReplicaSet, b: ReplicaSet): number {
  const d = parseTimestamp(a.metadata.creationTimestamp) - parseTimestamp(b.metadata.creationTimestamp);
  if (d !== 0 && !Number.isNaN(d)) return d;
  return Number(a.metadata.resourceVersion ?? 0) - Number(b.metadata.resourceVersion ?? 0);
}

/** ownedReplicaSets lists the ReplicaSets a Deployment controls. */
export function ownedReplicaSets(sim: Simulation, d: Deployment): ReplicaSet[] {
  const uid = d.metadata.uid ?? '';
  return sim.api
    .list<ReplicaSet>('ReplicaSet', d.metadata.namespace)
    .filter((rs) => controllerUidOf(rs) === uid);
}

/** deploymentRevisions numbers a Deployment's ReplicaSets, oldest revision first. */
export function deploymentRevisions(sim: Simulation, d: Deployment): DeploymentRevision[] {
  const sets = ownedReplicaSets(sim, d);
  const annotated = sets.map(annotatedRevision);
  if (sets.length > 0 && annotated.every((r) => r !== undefined)) {
    return sets
      .map((rs, i) => ({ revision: annotated[i] ?? 0, replicaSet: rs }))
      .sort((a, b) => a.revision - b.revision);
  }
  const current = sets.find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
  const ordered = [...sets.filter((rs) => rs !== current).sort(olderFirst), ...(current ? [current] : [])];
  return ordered.map((rs, i) => ({ revision: i + 1, replicaSet: rs }));
}

/**
 * changeCause is a revision's CHANGE-CAUSE: the ReplicaSet's annotation, or, because the
 * playground's controller does not copy the Deployment's annotations to its ReplicaSets, the
 * Deployment's own annotation for its current ReplicaSet.
 */
export function changeCause(d: Deployment, rs: ReplicaSet): string | undefined {
  const own = rs.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION];
  if (own) return own;
  return equalIgnoreHash(rs.spec.template, d.spec.template)
    ? d.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION]
    : undefined;
}
