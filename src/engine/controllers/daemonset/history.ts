import type { ControllerRevision, DaemonSet, PodTemplateSpec, StatefulSet } from '../../api/types';
import type { ApiServer } from '../../apiserver/apiServer';
import { CONTROLLER_REVISION_HASH, TEMPLATE_GENERATION_ANNOTATION } from './keys';
import { deepClone } from '../../api/clone';

// The alphabet of apimachinery's rand.SafeEncodeString: hashes never spell words.
const SAFE_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** stableStringify writes JSON with sorted keys, so equal templates always hash equally. */
export function stableStringify(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableStringify(v)}`).join(',')}}`;
}

function fnv32a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * computeHash is controller.ComputeHash: an FNV-32a hash of the template (and the collision
 * count, when set), printed in decimal and encoded with SafeEncodeString, e.g. `6d9f8c7b5`.
 */
export function computeHash(template: PodTemplateSpec, collisionCount?: number): string {
  const h = fnv32a(stableStringify(template) + (collisionCount ? `#${collisionCount}` : ''));
  return String(h)
    .split('')
    .map((d) => SAFE_ALPHABET[d.charCodeAt(0) % SAFE_ALPHABET.length])
    .join('');
}

/**
 * RevisionOwner is a workload whose template history is kept in ControllerRevisions: the DaemonSet
 * and the StatefulSet controllers share pkg/controller/history, so they share this code.
 */
export type RevisionOwner = DaemonSet | StatefulSet;

/** ownedRevisions lists the owner's ControllerRevisions, oldest revision first. */
export function ownedRevisions(api: ApiServer, ds: RevisionOwner): ControllerRevision[] {
  const uid = ds.metadata.uid;
  if (!uid) return [];
  return api.store
    .dependentsOfKind<ControllerRevision>(uid, 'ControllerRevision')
    .sort((a, b) => a.revision - b.revision);
}

/** templateGeneration reads the `deprecated.daemonset.template.generation` annotation (util.GetTemplateGeneration). */
export function templateGeneration(ds: DaemonSet): number | undefined {
  const raw = ds.metadata.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
  if (raw === undefined) return undefined;
  const n = Number(raw);
  return Number.isInteger(n) ? n : undefined;
}

function templateOf(rev: ControllerRevision): string {
  return stableStringify(rev.data.spec.template);
}

/**
 * constructHistory finds or creates the revision of the current template and returns it with the
 * others. An existing revision that matches (after `rollout undo`) is moved to the newest number,
 * as upstream does, instead of creating a duplicate.
 */
export function constructHistory(
  api: ApiServer,
  ds: RevisionOwner,
): { current: ControllerRevision; old: ControllerRevision[] } {
  const revisions = ownedRevisions(api, ds);
  const wanted = stableStringify(ds.spec.template);
  const maxRevision = revisions.reduce((m, r) => Math.max(m, r.revision), 0);
  const matching = revisions.filter((r) => templateOf(r) === wanted);
  let current = matching[matching.length - 1];
  if (current && current.revision < maxRevision) {
    current = api.mutate(current, (r) => {
      r.revision = maxRevision + 1;
    });
  }
  if (!current) {
    const hash = computeHash(ds.spec.template, ds.status?.collisionCount);
    const created = api.create<ControllerRevision>({
      apiVersion: 'apps/v1',
      kind: 'ControllerRevision',
      metadata: {
        name: `${ds.metadata.name}-${hash}`,
        namespace: ds.metadata.namespace,
        labels: { ...(ds.spec.template.metadata?.labels ?? {}), [CONTROLLER_REVISION_HASH]: hash },
        annotations: { ...pickChangeCause(ds) },
        ownerReferences: [controllerRef(ds)],
      },
      data: { spec: { template: deepClone(ds.spec.template) } },
      revision: maxRevision + 1,
    });
    if (!created.ok) throw new Error(`cannot store revision: ${created.error.message}`);
    current = created.object;
  }
  const currentName = current.metadata.name;
  return { current, old: ownedRevisions(api, ds).filter((r) => r.metadata.name !== currentName) };
}

function pickChangeCause(ds: RevisionOwner): Record<string, string> {
  const cause = ds.metadata.annotations?.['kubernetes.io/change-cause'];
  return cause ? { 'kubernetes.io/change-cause': cause } : {};
}

/** controllerRef is metav1.NewControllerRef for a DaemonSet or a StatefulSet. */
export function controllerRef(ds: RevisionOwner) {
  return {
    apiVersion: 'apps/v1',
    kind: ds.kind,
    name: ds.metadata.name,
    uid: ds.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/**
 * cleanupHistory deletes the oldest revisions beyond revisionHistoryLimit, never one that a live
 * pod still runs (update.go cleanupHistory).
 */
export function cleanupHistory(
  api: ApiServer,
  ds: RevisionOwner,
  old: ControllerRevision[],
  liveHashes: Set<string>,
): void {
  const limit = ds.spec.revisionHistoryLimit ?? 10;
  const removable = old.filter((r) => !liveHashes.has(r.metadata.labels?.[CONTROLLER_REVISION_HASH] ?? ''));
  const excess = removable.length - limit;
  for (let i = 0; i < excess; i++) {
    const r = removable[i]!;
    api.delete('ControllerRevision', r.metadata.namespace, r.metadata.name);
  }
}
