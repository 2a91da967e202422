import type { Pod, ReplicaSet } from '../../api/types';
import {
  compareByCreationTimestampAndPhase,
  controllerUidOf,
  isPodAvailable,
  isPodReady,
} from '../../api/podUtil';
import { Controller } from '../controller';
import type { ControllerContext } from '../controller';
import { deepClone } from '../../api/clone';
import { labelSelectorMatches } from '../../api/labels';
import { OrphanIndex, ReleaseIndex, adoptOrphans } from '../controllerRef';

const REPLICASET_CONTROLLER = 'replicaset-controller';

/** ownedPods lists the live pods a ReplicaSet controls. */
export function ownedPods(ctx: ControllerContext, rs: ReplicaSet): Pod[] {
  const uid = rs.metadata.uid ?? '';
  return ctx.api.store
    .dependentsOfKind<Pod>(uid, 'Pod')
    .filter(
      (o) => controllerUidOf(o) === uid && o.status?.phase !== 'Failed' && o.status?.phase !== 'Succeeded',
    );
}

// getPodsToDelete ranks pods the way ActivePods does: unscheduled, then pending, then not ready, then the newest.
function deletionRank(a: Pod, b: Pod): number {
  const rank = (p: Pod) =>
    !p.spec.nodeName ? 0 : p.status?.phase === 'Pending' ? 1 : !isPodReady(p) ? 2 : 3;
  const d = rank(a) - rank(b);
  return d !== 0 ? d : -compareByCreationTimestampAndPhase(a, b);
}

/**
 * ReplicaSetController keeps `replicas` pods of its template: it replaces pods that are deleted,
 * evicted or failed (the scheduler then places them anywhere they fit) and removes extras.
 */
export class ReplicaSetController extends Controller {
  readonly name = REPLICASET_CONTROLLER;
  // Pods left by a ReplicaSet deleted with --cascade=orphan, for claimPods to adopt.
  private readonly orphans: OrphanIndex<Pod>;
  // Pods relabelled out of their ReplicaSet's selector, for claimPods to release.
  private readonly mismatched: ReleaseIndex<Pod>;

  constructor(ctx: ControllerContext) {
    super(ctx);
    this.orphans = new OrphanIndex<Pod>(ctx.api.store, 'Pod', (pod) => {
      for (const rs of ctx.api.list<ReplicaSet>('ReplicaSet', pod.metadata.namespace))
        if (labelSelectorMatches(rs.spec.selector, pod.metadata.labels))
          this.enqueue(`${rs.metadata.namespace}/${rs.metadata.name}`);
    });
    this.mismatched = new ReleaseIndex<Pod>(
      ctx.api.store,
      'Pod',
      'ReplicaSet',
      (o) => (o as ReplicaSet).spec.selector,
    );
    ctx.api.store.watch('ReplicaSet', (e) => {
      if (e.type !== 'DELETED') this.enqueue(`${e.object.metadata.namespace}/${e.object.metadata.name}`);
    });
    ctx.api.store.watch('Pod', (e) => {
      const uid = controllerUidOf(e.object as Pod);
      const owner = uid ? ctx.api.store.getByUid(uid) : undefined;
      if (owner?.kind === 'ReplicaSet') this.enqueue(`${owner.metadata.namespace}/${owner.metadata.name}`);
    });
  }

  protected sync(key: string): void {
    const [ns, name] = key.split('/') as [string, string];
    const { api, recorder } = this.ctx;
    const rs = api.get<ReplicaSet>('ReplicaSet', ns, name);
    if (!rs) return;
    adoptOrphans(api, rs, rs.spec.selector, this.orphans);
    this.mismatched.release(api, rs, 'Pod');
    const pods = ownedPods(this.ctx, rs).filter((p) => !p.metadata.deletionTimestamp);
    const want = rs.spec.replicas ?? 1;
    // A ReplicaSet being deleted keeps its status current but creates and deletes nothing (syncReplicaSet).
    const manage = !rs.metadata.deletionTimestamp;
    if (manage && pods.length < want) {
      for (let i = pods.length; i < want; i++) {
        const t = deepClone(rs.spec.template);
        const res = api.create<Pod>({
          apiVersion: 'v1',
          kind: 'Pod',
          metadata: {
            ...(t.metadata ?? {}),
            name: '',
            generateName: `${rs.metadata.name}-`,
            namespace: ns,
            ownerReferences: [
              {
                apiVersion: 'apps/v1',
                kind: 'ReplicaSet',
                name: rs.metadata.name,
                uid: rs.metadata.uid ?? '',
                controller: true,
                blockOwnerDeletion: true,
              },
            ],
          },
          spec: t.spec,
          status: { phase: 'Pending' },
        });
        if (res.ok)
          recorder.event(
            rs,
            'Normal',
            'SuccessfulCreate',
            `Created pod: ${res.object.metadata.name}`,
            REPLICASET_CONTROLLER,
          );
        else
          recorder.event(
            rs,
            'Warning',
            'FailedCreate',
            `Error creating: ${res.error.message}`,
            REPLICASET_CONTROLLER,
          );
      }
    } else if (manage && pods.length > want) {
      for (const pod of [...pods].sort(deletionRank).slice(0, pods.length - want)) {
        api.delete('Pod', ns, pod.metadata.name);
        recorder.event(
          rs,
          'Normal',
          'SuccessfulDelete',
          `Deleted pod: ${pod.metadata.name}`,
          REPLICASET_CONTROLLER,
        );
      }
    }
    const live = ownedPods(this.ctx, rs).filter((p) => !p.metadata.deletionTimestamp);
    const minReady = rs.spec.minReadySeconds ?? 0;
    const now = this.ctx.clock.now();
    const status = {
      replicas: live.length,
      readyReplicas: live.filter(isPodReady).length,
      availableReplicas: live.filter((p) => isPodAvailable(p, minReady, now)).length,
      observedGeneration: rs.metadata.generation ?? 1,
    };
    const fresh = api.get<ReplicaSet>('ReplicaSet', ns, name)!;
    if (JSON.stringify(fresh.status) !== JSON.stringify(status))
      api.mutateStatus(fresh, (r) => (r.status = status));
    if (minReady > 0 && status.readyReplicas !== status.availableReplicas) this.enqueueAfter(key, minReady);
  }
}
