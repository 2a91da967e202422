import type { Deployment, ReplicaSet } from '../../api/types';
import { controllerUidOf } from '../../api/podUtil';
import { Controller } from '../controller';
import type { ControllerContext } from '../controller';
import { computeHash, stableStringify } from '../daemonset/history';
import { scaledValue } from '../daemonset/rollingUpdate';
import { labelSelectorMatches } from '../../api/labels';
import { deepClone } from '../../api/clone';
import { pausedScale } from './pausedScale';
import { reconcileNewReplicaSet, reconcileOldReplicaSets } from './rolling';
import { OrphanIndex, adoptOrphans } from '../controllerRef';

const DEPLOYMENT_CONTROLLER = 'deployment-controller';
const POD_TEMPLATE_HASH = 'pod-template-hash';

/**
 * DeploymentController runs background workloads: one ReplicaSet per template (named by the
 * pod-template-hash), scaled up and down within maxSurge and maxUnavailable (25 % each by default,
 * surge rounded up, unavailable rounded down) or, with Recreate, old pods first.
 */
export class DeploymentController extends Controller {
  readonly name = DEPLOYMENT_CONTROLLER;
  // ReplicaSets left by a Deployment deleted with --cascade=orphan, for getReplicaSetsForDeployment to claim.
  private readonly orphans: OrphanIndex<ReplicaSet>;

  constructor(ctx: ControllerContext) {
    super(ctx);
    this.orphans = new OrphanIndex<ReplicaSet>(ctx.api.store, 'ReplicaSet', (rs) => {
      for (const d of ctx.api.list<Deployment>('Deployment', rs.metadata.namespace))
        if (labelSelectorMatches(d.spec.selector, rs.metadata.labels))
          this.enqueue(`${d.metadata.namespace}/${d.metadata.name}`);
    });
    ctx.api.store.watch('Deployment', (e) => {
      if (e.type !== 'DELETED') this.enqueue(`${e.object.metadata.namespace}/${e.object.metadata.name}`);
    });
    ctx.api.store.watch('ReplicaSet', (e) => {
      const uid = controllerUidOf(e.object);
      const owner = uid ? ctx.api.store.getByUid(uid) : undefined;
      if (owner?.kind === 'Deployment') this.enqueue(`${owner.metadata.namespace}/${owner.metadata.name}`);
    });
  }

  private replicaSets(d: Deployment): ReplicaSet[] {
    const uid = d.metadata.uid ?? '';
    return this.ctx.api.store
      .dependentsOfKind<ReplicaSet>(uid, 'ReplicaSet')
      .filter((o) => controllerUidOf(o) === uid);
  }

  protected sync(key: string): void {
    const [ns, name] = key.split('/') as [string, string];
    const { api, recorder } = this.ctx;
    const d = api.get<Deployment>('Deployment', ns, name);
    // A Deployment being deleted is left to the garbage collector (syncDeployment's syncStatusOnly).
    if (!d || d.metadata.deletionTimestamp) return;
    adoptOrphans(api, d, d.spec.selector, this.orphans);
    const hash = computeHash(d.spec.template);
    const all = this.replicaSets(d);
    let current = all.find((rs) => stableStringify(withoutHash(rs)) === stableStringify(d.spec.template));
    const replicas = d.spec.replicas ?? 1;
    const paused = d.spec.paused === true;
    // While paused, a changed template gets no ReplicaSet yet (getAllReplicaSetsAndSyncRevision
    // with createIfNotExisted=false): the rollout waits for `kubectl rollout resume`.
    if (!current && !paused) {
      const template = deepClone(d.spec.template);
      template.metadata = {
        ...(template.metadata ?? {}),
        labels: { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH]: hash },
      };
      const res = api.create<ReplicaSet>({
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: {
          name: `${d.metadata.name}-${hash}`,
          namespace: ns,
          labels: { ...(d.spec.template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH]: hash },
          ownerReferences: [
            {
              apiVersion: 'apps/v1',
              kind: 'Deployment',
              name: d.metadata.name,
              uid: d.metadata.uid ?? '',
              controller: true,
              blockOwnerDeletion: true,
            },
          ],
        },
        spec: {
          replicas: 0,
          selector: { matchLabels: { ...(d.spec.selector.matchLabels ?? {}), [POD_TEMPLATE_HASH]: hash } },
          template,
          ...(d.spec.minReadySeconds ? { minReadySeconds: d.spec.minReadySeconds } : {}),
        },
      });
      if (!res.ok) return;
      current = res.object;
    }
    const old = all.filter(
      (rs) => rs !== current && (rs.spec.replicas ?? 0) + (rs.status?.replicas ?? 0) > 0,
    );
    const scale = (rs: ReplicaSet, to: number) => {
      if ((rs.spec.replicas ?? 0) === to) return;
      const from = rs.spec.replicas ?? 0;
      api.mutate(rs, (r) => (r.spec.replicas = to));
      recorder.event(
        d,
        'Normal',
        'ScalingReplicaSet',
        `Scaled ${to > from ? 'up' : 'down'} replica set ${rs.metadata.name} from ${from} to ${to}`,
        DEPLOYMENT_CONTROLLER,
      );
    };
    if (paused) {
      // syncDeployment hands a paused Deployment to sync(): it scales, it does not roll.
      const surge =
        d.spec.strategy?.type === 'Recreate'
          ? 0
          : scaledValue(d.spec.strategy?.rollingUpdate?.maxSurge ?? '25%', replicas, true);
      for (const [rs, to] of pausedScale(all, current, replicas, surge)) scale(rs, to);
    } else if (!current) {
      return;
    } else if (d.spec.strategy?.type === 'Recreate') {
      for (const rs of old) scale(rs, 0);
      if (old.every((rs) => (rs.status?.replicas ?? 0) === 0)) scale(current, replicas);
    } else {
      // rolloutRolling: scale the new ReplicaSet up, or else the old ones down — one step per sync;
      // the ReplicaSets' own updates bring the controller back for the next.
      const up = reconcileNewReplicaSet(d, [current, ...old], current);
      if (up) scale(...up);
      else for (const down of reconcileOldReplicaSets(d, old, current)) scale(...down);
    }
    const fresh = api.get<Deployment>('Deployment', ns, name)!;
    const sets = this.replicaSets(fresh);
    const sum = (f: (rs: ReplicaSet) => number) => sets.reduce((s, rs) => s + f(rs), 0);
    const status = {
      observedGeneration: fresh.metadata.generation ?? 1,
      replicas: sum((rs) => rs.status?.replicas ?? 0),
      updatedReplicas: current?.status?.replicas ?? 0,
      readyReplicas: sum((rs) => rs.status?.readyReplicas ?? 0),
      availableReplicas: sum((rs) => rs.status?.availableReplicas ?? 0),
      unavailableReplicas: Math.max(0, replicas - sum((rs) => rs.status?.availableReplicas ?? 0)),
    };
    if (JSON.stringify(fresh.status) !== JSON.stringify(status))
      api.mutateStatus(fresh, (x) => (x.status = status));
  }
}

function withoutHash(rs: ReplicaSet) {
  const t = deepClone(rs.spec.template);
  if (t.metadata?.labels) delete t.metadata.labels[POD_TEMPLATE_HASH];
  return t;
}
