// The StatefulSet controller, after pkg/controller/statefulset: stateful_set.go (sync,
// getPodsForStatefulSet), stateful_set_control.go (UpdateStatefulSet, getStatefulSetRevisions,
// updateStatefulSet, processReplica, processCondemned, updateStatefulSetStatus),
// stateful_set_status_updater.go and stateful_pod_control.go (recordPodEvent's texts).
import type { ControllerRevision, Pod, StatefulSet, StatefulSetStatus } from '../../api/types';
import { controllerUidOf } from '../../api/podUtil';
import { LABEL_CONTROLLER_REVISION_HASH } from '../../api/wellKnown';
import { labelSelectorMatches } from '../../api/labels';
import { Controller } from '../controller';
import type { ControllerContext } from '../controller';
import { OrphanIndex, ReleaseIndex, adoptOrphans } from '../controllerRef';
import { cleanupHistory, constructHistory } from '../daemonset/history';
import {
  identityMatches,
  isHealthy,
  isMemberOf,
  isRunningAndAvailable,
  isRunningAndReady,
  isTerminating,
  newVersionedStatefulSetPod,
  ordinalOf,
  podRevision,
  updateIdentity,
} from './statefulPod';

export const STATEFULSET_CONTROLLER = 'statefulset-controller';

function setKey(ns: string | undefined, name: string): string {
  return `${ns ?? 'default'}/${name}`;
}

/** allowsBurst: Parallel pod management creates and deletes without waiting on other pods. */
export function allowsBurst(set: StatefulSet): boolean {
  return set.spec.podManagementPolicy === 'Parallel';
}

/**
 * computeStatus is computeReplicaStatus plus the revision fields: every pod counts in replicas,
 * Running-and-Ready pods in readyReplicas (available after minReadySeconds), and pods not being
 * deleted in currentReplicas / updatedReplicas by the revision they carry.
 */
export function computeStatus(
  set: StatefulSet,
  pods: readonly Pod[],
  current: ControllerRevision,
  update: ControllerRevision,
  now: number,
): StatefulSetStatus {
  const minReady = set.spec.minReadySeconds ?? 0;
  let ready = 0;
  let available = 0;
  let currentReplicas = 0;
  let updated = 0;
  for (const pod of pods) {
    if (isRunningAndReady(pod)) {
      ready++;
      if (isRunningAndAvailable(pod, minReady, now)) available++;
    }
    if (!isTerminating(pod)) {
      const rev = podRevision(pod);
      if (rev === current.metadata.name) currentReplicas++;
      if (rev === update.metadata.name) updated++;
    }
  }
  const status: StatefulSetStatus = {
    observedGeneration: set.metadata.generation ?? 1,
    replicas: pods.length,
    ...(ready ? { readyReplicas: ready } : {}),
    ...(currentReplicas ? { currentReplicas } : {}),
    ...(updated ? { updatedReplicas: updated } : {}),
    currentRevision: current.metadata.name,
    updateRevision: update.metadata.name,
    collisionCount: set.status?.collisionCount ?? 0,
    availableReplicas: available,
  };
  // completeRollingUpdate: once every pod runs the update revision and is ready, it becomes current.
  if (
    set.spec.updateStrategy?.type === 'RollingUpdate' &&
    (status.updatedReplicas ?? 0) === status.replicas &&
    (status.readyReplicas ?? 0) === status.replicas
  ) {
    status.currentRevision = status.updateRevision;
    if (status.updatedReplicas) status.currentReplicas = status.updatedReplicas;
    else delete status.currentReplicas;
  }
  return status;
}

/**
 * StatefulSetController gives each of `replicas` pods a stable name `<set>-<ordinal>`. With
 * OrderedReady it creates them one at a time in ordinal order, each only once every lower
 * ordinal is Running and Ready, and removes them from the highest ordinal down; Parallel does
 * both at once. A pod is only ever replaced after its old self is gone from the API — so a pod
 * stuck Terminating on an unreachable node keeps its name, and no second copy of it runs.
 */
export class StatefulSetController extends Controller {
  readonly name = STATEFULSET_CONTROLLER;
  private readonly orphans: OrphanIndex<Pod>;
  private readonly orphanRevisions: OrphanIndex<ControllerRevision>;
  private readonly mismatched: ReleaseIndex<Pod>;

  constructor(ctx: ControllerContext) {
    super(ctx);
    const { store } = ctx.api;
    this.orphans = new OrphanIndex<Pod>(store, 'Pod', (pod) => {
      for (const set of ctx.api.list<StatefulSet>('StatefulSet', pod.metadata.namespace))
        if (labelSelectorMatches(set.spec.selector, pod.metadata.labels))
          this.enqueue(setKey(set.metadata.namespace, set.metadata.name));
    });
    this.orphanRevisions = new OrphanIndex<ControllerRevision>(store, 'ControllerRevision');
    this.mismatched = new ReleaseIndex<Pod>(
      store,
      'Pod',
      'StatefulSet',
      (o) => (o as StatefulSet).spec.selector,
      (o) => this.enqueue(setKey(o.metadata.namespace, o.metadata.name)),
    );
    store.watch('StatefulSet', (e) => {
      if (e.type !== 'DELETED') this.enqueue(setKey(e.object.metadata.namespace, e.object.metadata.name));
    });
    store.watch('Pod', (e) => {
      const uid = controllerUidOf(e.object as Pod);
      const owner = uid ? store.getByUid(uid) : undefined;
      if (owner?.kind === 'StatefulSet') this.enqueue(setKey(owner.metadata.namespace, owner.metadata.name));
    });
  }

  /** podsOf is getPodsForStatefulSet after the claim: the pods it controls that are named after it. */
  podsOf(set: StatefulSet): Pod[] {
    const uid = set.metadata.uid ?? '';
    return this.ctx.api.store
      .dependentsOfKind<Pod>(uid, 'Pod')
      .filter((p) => controllerUidOf(p) === uid && isMemberOf(set, p))
      .sort((a, b) => ordinalOf(a) - ordinalOf(b));
  }

  protected sync(key: string): void {
    const [ns, name] = key.split('/') as [string, string];
    const { api } = this.ctx;
    const set = api.get<StatefulSet>('StatefulSet', ns, name);
    if (!set) return;
    // adoptOrphanRevisions, then the pod claim: revisions first, so a set created again over the
    // pods an orphaning delete left behind finds its history and does not restart them.
    adoptOrphans(api, set, set.spec.selector, this.orphanRevisions);
    adoptOrphans(api, set, set.spec.selector, this.orphans, (pod) => isMemberOf(set, pod));
    this.mismatched.release(api, set, 'Pod');
    // getStatefulSetRevisions: the update revision is the template's; the current one is the
    // revision the status names, or the update revision when there is none yet.
    const { current: update, old } = constructHistory(api, set);
    const current = old.find((r) => r.metadata.name === set.status?.currentRevision) ?? update;
    this.updateStatefulSet(set, current, update);
    const pods = this.podsOf(set);
    const now = this.ctx.clock.now();
    const status = computeStatus(set, pods, current, update, now);
    const fresh = api.get<StatefulSet>('StatefulSet', ns, name);
    if (fresh && JSON.stringify(fresh.status) !== JSON.stringify(status))
      api.mutateStatus(fresh, (s) => (s.status = status));
    // truncateHistory: never a revision a pod runs, nor the current or the update revision.
    const live = new Set([status.currentRevision, status.updateRevision, ...pods.map(podRevision)]);
    const liveHashes = new Set(
      [update, ...old]
        .filter((r) => live.has(r.metadata.name))
        .map((r) => r.metadata.labels?.[LABEL_CONTROLLER_REVISION_HASH] ?? ''),
    );
    cleanupHistory(api, set, old, liveHashes);
    const minReady = set.spec.minReadySeconds ?? 0;
    if (minReady > 0 && (status.readyReplicas ?? 0) !== status.availableReplicas)
      this.enqueueAfter(key, minReady);
  }

  private event(set: StatefulSet, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.ctx.recorder.event(set, type, reason, message, STATEFULSET_CONTROLLER);
  }

  /** createPod is CreateStatefulPod with recordPodEvent's texts; false when the API refused it. */
  private createPod(set: StatefulSet, pod: Pod): Pod | undefined {
    const res = this.ctx.api.create<Pod>(pod);
    if (res.ok) {
      this.event(
        set,
        'Normal',
        'SuccessfulCreate',
        `create Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`,
      );
      return res.object;
    }
    this.event(
      set,
      'Warning',
      'FailedCreate',
      `create Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} failed error: ${res.error.message}`,
    );
    return undefined;
  }

  /** deletePod is DeleteStatefulPod: a graceful delete, then the SuccessfulDelete event. */
  private deletePod(set: StatefulSet, pod: Pod): void {
    this.ctx.api.delete('Pod', pod.metadata.namespace, pod.metadata.name);
    this.event(
      set,
      'Normal',
      'SuccessfulDelete',
      `delete Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`,
    );
  }

  /**
   * updateStatefulSet makes the pods conform to the set: replicas first (processReplica in
   * ordinal order), then scale-down of ordinals ≥ replicas from the highest (processCondemned),
   * then, for RollingUpdate, the highest-ordinal pod at ordinal ≥ partition that runs another
   * revision is deleted, one at a time, each only when the ones above it are healthy again.
   */
  private updateStatefulSet(set: StatefulSet, current: ControllerRevision, update: ControllerRevision): void {
    // A set being deleted only has its status kept up to date.
    if (set.metadata.deletionTimestamp) return;
    const pods = this.podsOf(set);
    const replicaCount = set.spec.replicas ?? 1;
    const replicas: (Pod | undefined)[] = new Array<Pod | undefined>(replicaCount).fill(undefined);
    const condemned: Pod[] = [];
    for (const pod of pods) {
      const ord = ordinalOf(pod);
      if (ord >= 0 && ord < replicaCount) replicas[ord] = pod;
      else if (ord >= replicaCount) condemned.push(pod);
    }
    // The first unhealthy pod, a missing one included: scale-down may remove it even when not ready.
    const unhealthy = [
      ...replicas.map((p, i) => (p && isHealthy(p) ? -1 : i)),
      ...condemned.filter((p) => !isHealthy(p)).map(ordinalOf),
    ].filter((o) => o >= 0);
    const firstUnhealthy = unhealthy.length > 0 ? Math.min(...unhealthy) : undefined;
    const monotonic = !allowsBurst(set);
    const now = this.ctx.clock.now();
    const minReady = set.spec.minReadySeconds ?? 0;

    for (let i = 0; i < replicaCount; i++) {
      let pod = replicas[i];
      // A Failed or Succeeded pod is deleted; its replacement comes on a later sync, once the old
      // one is gone from the API (a terminal pod's delete is immediate).
      if (pod && (pod.status?.phase === 'Failed' || pod.status?.phase === 'Succeeded')) {
        if (!isTerminating(pod)) {
          const failed = pod.status.phase === 'Failed';
          this.event(
            set,
            failed ? 'Warning' : 'Normal',
            failed ? 'RecreatingFailedPod' : 'RecreatingTerminatedPod',
            `StatefulSet ${set.metadata.namespace ?? 'default'}/${set.metadata.name} is recreating ${failed ? 'failed' : 'terminated'} Pod ${pod.metadata.name}`,
          );
          this.deletePod(set, pod);
        }
        pod = this.ctx.api.get<Pod>('Pod', set.metadata.namespace, pod.metadata.name);
        if (pod) {
          if (monotonic) return;
          continue;
        }
      }
      if (!pod) {
        const created = this.createPod(set, newVersionedStatefulSetPod(set, current, update, i));
        if (!created) return;
        replicas[i] = created;
        if (monotonic) return;
        continue;
      }
      // OrderedReady: nothing more until this pod has finished terminating, or is Running and
      // Ready (and available for minReadySeconds) — every later ordinal waits on it.
      if (monotonic && isTerminating(pod)) return;
      if (monotonic && !isRunningAndReady(pod)) return;
      if (monotonic && !isRunningAndAvailable(pod, minReady, now)) return;
      // UpdateStatefulPod: identity labels a user removed or changed are written back. (Its storage
      // half would rewrite the volumes of a live pod, which pod validation forbids: not attempted.)
      if (!identityMatches(set, pod)) {
        this.ctx.api.mutateStatus(pod, (p) => updateIdentity(set, p));
        this.event(
          set,
          'Normal',
          'SuccessfulUpdate',
          `update Pod ${pod.metadata.name} in StatefulSet ${set.metadata.name} successful`,
        );
      }
    }

    // Scale down from the highest ordinal; OrderedReady one at a time, and only while every lower
    // pod is healthy (the first unhealthy pod itself may go).
    condemned.sort((a, b) => ordinalOf(a) - ordinalOf(b));
    for (let t = condemned.length - 1; t >= 0; t--) {
      const pod = condemned[t]!;
      if (isTerminating(pod)) {
        if (monotonic) return;
        continue;
      }
      if (monotonic && !isRunningAndReady(pod) && ordinalOf(pod) !== firstUnhealthy) return;
      this.deletePod(set, pod);
      if (monotonic) return;
    }

    // OnDelete: pods take the new template only when someone deletes them.
    if (set.spec.updateStrategy?.type === 'OnDelete') return;
    const partition = set.spec.updateStrategy?.rollingUpdate?.partition ?? 0;
    for (let target = replicaCount - 1; target >= partition; target--) {
      const pod = replicas[target];
      if (!pod) return;
      if (podRevision(pod) !== update.metadata.name && !isTerminating(pod)) {
        this.deletePod(set, pod);
        return;
      }
      if (!isHealthy(pod)) return;
    }
  }
}
