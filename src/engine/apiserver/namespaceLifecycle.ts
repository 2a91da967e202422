// The NamespaceLifecycle admission plugin (plugin/pkg/admission/namespace/lifecycle/admission.go)
// and the namespace registry's delete (pkg/registry/core/namespace/storage/storage.go): built-in
// namespaces may not be deleted, a deleted namespace turns Terminating until the namespace
// controller has emptied it, and nothing new may be created in it meanwhile.
import type { KubeObject, Namespace } from '../api/types';
import { CLUSTER_SCOPED_KINDS } from '../api/types';
import { qualifiedResource } from '../api/resources';
import { LABEL_NAMESPACE_NAME } from '../api/wellKnown';
import type { ApiError } from './apiServer';
import type { ObjectStore } from './objectStore';

/** IMMORTAL_NAMESPACES are the namespaces the lifecycle plugin refuses to delete. */
export const IMMORTAL_NAMESPACES: ReadonlySet<string> = new Set(['default', 'kube-system', 'kube-public']);

/** admitCreate refuses an object created in a namespace being terminated, or a namespace that exists. */
export function admitCreate(store: ObjectStore, obj: KubeObject): ApiError | undefined {
  if (obj.kind === 'Namespace') {
    if (!store.namespaces().includes(obj.metadata.name)) return undefined;
    return {
      code: 409,
      reason: 'AlreadyExists',
      message: `namespaces "${obj.metadata.name}" already exists`,
    };
  }
  const ns = obj.metadata.namespace;
  if (CLUSTER_SCOPED_KINDS.has(obj.kind) || !ns || obj.kind === 'Event') return undefined;
  if (!store.get<Namespace>('Namespace', undefined, ns)?.metadata.deletionTimestamp) return undefined;
  return {
    code: 403,
    reason: 'Forbidden',
    message: `${qualifiedResource(obj.kind)} "${obj.metadata.name}" is forbidden: unable to create new content in namespace ${ns} because it is being terminated`,
  };
}

/**
 * terminating is the namespace as a delete leaves it: marked, phase Terminating. A namespace only
 * implied by its objects is stored first, as if it had been created with the cluster at `epoch`.
 */
export function terminating(
  stored: Namespace | undefined,
  name: string,
  now: string,
  epoch: string,
): Namespace {
  const base: Namespace = stored ?? {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: { name, creationTimestamp: epoch, labels: { [LABEL_NAMESPACE_NAME]: name } },
    spec: { finalizers: ['kubernetes'] },
  };
  return {
    ...base,
    metadata: { ...base.metadata, deletionTimestamp: base.metadata.deletionTimestamp ?? now },
    status: { phase: 'Terminating' },
  };
}

/** deleteForbidden is the lifecycle plugin's answer for a built-in namespace. */
export function deleteForbidden(name: string): ApiError | undefined {
  if (!IMMORTAL_NAMESPACES.has(name)) return undefined;
  return {
    code: 403,
    reason: 'Forbidden',
    message: `namespaces "${name}" is forbidden: this namespace may not be deleted`,
  };
}
