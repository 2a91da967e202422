// The builders and the expectSyncDaemonSets helper shared by the DaemonSet decision tables.
import { expect } from 'vitest';
import type { DaemonSet, Pod } from '../../../../../src/engine/api/types';
import { DaemonSetState } from '../../../../../src/engine/controllers/daemonset/dsState';
import type { NodeDecision } from '../../../../../src/engine/controllers/daemonset/placement';
import type { RollingUpdateDecision } from '../../../../../src/engine/controllers/daemonset/rollingUpdate';
import type { DaemonSetOptions, PodOptions } from '../../../../fixtures/builders';
import { newDaemonSet, newNode, newPod } from '../../../../fixtures/builders';

export const NOW = 1000;
export const NEW = 'rev-new';
export const OLD = 'rev-old';
export const isUpdated = (p: Pod) => p.metadata.labels?.['controller-revision-hash'] === NEW;

export const noSurge: DaemonSetOptions = {
  updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } },
};
export const surge = (maxSurge: number | string = 1): DaemonSetOptions => ({
  updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge } },
});
export const unavailable = (maxUnavailable: number | string): DaemonSetOptions => ({
  updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable, maxSurge: 0 } },
});

// The DaemonSet of every table selects nodes labelled pool=a.
export const daemonSet = (opts: DaemonSetOptions = {}) =>
  newDaemonSet('ds', { nodeSelector: { pool: 'a' }, ...opts });
export const fits = (name = 'node-1') => newNode(name, { labels: { pool: 'a' } });
export const otherPool = (name = 'node-1') => newNode(name, { labels: { pool: 'b' } });
export const tainted = (effect: 'NoSchedule' | 'NoExecute', name = 'node-1') =>
  newNode(name, { labels: { pool: 'a' }, taints: [{ key: 'dedicated', value: 'db', effect }] });

export type PodState =
  | 'available'
  | 'ready'
  | 'unready'
  | 'failed'
  | 'succeeded'
  | 'deleting'
  | 'failed-deleting'
  | 'succeeded-deleting';

/**
 * pod builds a daemon pod of `ds` on `node`: `available` has been ready long past any
 * minReadySeconds, `ready` turned ready just now.
 */
export function pod(
  ds: DaemonSet,
  name: string,
  node: string,
  revision: string,
  state: PodState = 'available',
  more: PodOptions = {},
): Pod {
  return newPod(name, {
    ownedBy: ds,
    revision,
    nodeName: node,
    createdAt: 10,
    ...(state === 'available' ? { readySince: NOW - 600 } : {}),
    ...(state === 'ready' ? { readySince: NOW } : {}),
    ...(state === 'failed' || state === 'failed-deleting' ? { phase: 'Failed' } : {}),
    ...(state === 'succeeded' || state === 'succeeded-deleting' ? { phase: 'Succeeded' } : {}),
    ...(state === 'deleting' ? { readySince: NOW - 600 } : {}),
    ...(state.endsWith('deleting') ? { deletingSince: NOW - 1 } : {}),
    ...more,
  });
}

/**
 * daemonPodsOn indexes the pods as the controller does and returns what it then sees on the node:
 * its entry of getNodesToDaemonPods (DaemonSetState.podsOn).
 */
export function daemonPodsOn(node: string, pods: Pod[]): Pod[] {
  const state = new DaemonSetState();
  for (const p of pods) state.indexPod(`default/${p.metadata.name}`, p, node);
  return state.podsOn(node);
}

/** Sync is what one pass of the controller asks for: the nodes that get a pod, the pods that go. */
export interface Sync {
  creates: string[];
  deletes: string[];
}

export function fromNode(nodeName: string, d: NodeDecision): Sync {
  return { creates: d.createOnNode ? [nodeName] : [], deletes: d.podsToDelete.map((p) => p.metadata.name) };
}

export function fromRollout(d: RollingUpdateDecision): Sync {
  return { creates: d.nodesToCreate, deletes: d.podsToDelete.map((p) => p.metadata.name) };
}

/** expectSyncDaemonSets states the creates and deletes a decision must come to (upstream's helper of that name). */
export function expectSyncDaemonSets(got: Sync, creates: string[], deletes: string[]): void {
  expect({ creates: [...got.creates].sort(), deletes: [...got.deletes].sort() }).toEqual({
    creates: [...creates].sort(),
    deletes: [...deletes].sort(),
  });
}
