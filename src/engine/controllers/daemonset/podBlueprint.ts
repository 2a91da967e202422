// What every pod of one DaemonSet revision has in common, built once per template and frozen:
// stored objects are never changed in place, so thousands of daemon pods can point at one copy of
// their containers, labels, owner reference and tolerations (NewPod plus AddOrUpdateDaemonPodTolerations
// in pkg/controller/daemon). Only the node affinity differs from pod to pod.
import type { DaemonSet, ObjectMeta, Pod, PodSpec } from '../../api/types';
import { deepFreeze } from '../../api/clone';
import { replaceDaemonSetPodNodeNameNodeAffinity } from '../../predicates/daemonPlacement';
import { addOrUpdateDaemonPodTolerations } from '../../predicates/daemonTolerations';
import { controllerRef } from './history';
import { CONTROLLER_REVISION_HASH, POD_TEMPLATE_GENERATION_LABEL } from './keys';

export interface PodBlueprint {
  /** The DaemonSet generation and revision hash it was built for. */
  readonly version: string;
  readonly metadata: Readonly<ObjectMeta>;
  readonly spec: Readonly<PodSpec>;
}

/** podBlueprint builds the shared parts of a DaemonSet's pods for one template version. */
export function podBlueprint(
  ds: DaemonSet,
  version: string,
  hash: string,
  generation: number | undefined,
): PodBlueprint {
  const template = ds.spec.template;
  const labels: Record<string, string> = { ...(template.metadata?.labels ?? {}) };
  if (generation !== undefined) labels[POD_TEMPLATE_GENERATION_LABEL] = String(generation);
  if (hash) labels[CONTROLLER_REVISION_HASH] = hash;
  const metadata: ObjectMeta = {
    ...(template.metadata ?? {}),
    name: '',
    generateName: `${ds.metadata.name}-`,
    namespace: ds.metadata.namespace,
    labels,
    ownerReferences: [controllerRef(ds)],
  };
  return deepFreeze({ version, metadata, spec: addOrUpdateDaemonPodTolerations(template.spec) });
}

/** daemonPodFor is the pod the controller creates on a node: the blueprint pinned to that node. */
export function daemonPodFor(blueprint: PodBlueprint, nodeName: string): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { ...blueprint.metadata },
    spec: {
      ...blueprint.spec,
      affinity: replaceDaemonSetPodNodeNameNodeAffinity(blueprint.spec.affinity, nodeName),
    },
    status: { phase: 'Pending' },
  };
}
