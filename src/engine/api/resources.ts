import type { Kind } from './types';

/** ResourceInfo is what discovery tells kubectl about a kind. */
export interface ResourceInfo {
  kind: Kind;
  /** Plural resource name, as in `kubectl get daemonsets`. */
  resource: string;
  singular: string;
  group: string;
  apiVersion: string;
  shortNames: string[];
  namespaced: boolean;
}

const RESOURCES: ResourceInfo[] = [
  {
    kind: 'Node',
    resource: 'nodes',
    singular: 'node',
    group: '',
    apiVersion: 'v1',
    shortNames: ['no'],
    namespaced: false,
  },
  {
    kind: 'Pod',
    resource: 'pods',
    singular: 'pod',
    group: '',
    apiVersion: 'v1',
    shortNames: ['po'],
    namespaced: true,
  },
  {
    kind: 'Event',
    resource: 'events',
    singular: 'event',
    group: '',
    apiVersion: 'v1',
    shortNames: ['ev'],
    namespaced: true,
  },
  {
    kind: 'DaemonSet',
    resource: 'daemonsets',
    singular: 'daemonset',
    group: 'apps',
    apiVersion: 'apps/v1',
    shortNames: ['ds'],
    namespaced: true,
  },
  {
    kind: 'Deployment',
    resource: 'deployments',
    singular: 'deployment',
    group: 'apps',
    apiVersion: 'apps/v1',
    shortNames: ['deploy'],
    namespaced: true,
  },
  {
    kind: 'ReplicaSet',
    resource: 'replicasets',
    singular: 'replicaset',
    group: 'apps',
    apiVersion: 'apps/v1',
    shortNames: ['rs'],
    namespaced: true,
  },
  {
    kind: 'Job',
    resource: 'jobs',
    singular: 'job',
    group: 'batch',
    apiVersion: 'batch/v1',
    shortNames: [],
    namespaced: true,
  },
  {
    kind: 'StatefulSet',
    resource: 'statefulsets',
    singular: 'statefulset',
    group: 'apps',
    apiVersion: 'apps/v1',
    shortNames: ['sts'],
    namespaced: true,
  },
  {
    kind: 'CronJob',
    resource: 'cronjobs',
    singular: 'cronjob',
    group: 'batch',
    apiVersion: 'batch/v1',
    shortNames: ['cj'],
    namespaced: true,
  },
  {
    kind: 'ControllerRevision',
    resource: 'controllerrevisions',
    singular: 'controllerrevision',
    group: 'apps',
    apiVersion: 'apps/v1',
    shortNames: [],
    namespaced: true,
  },
  {
    kind: 'PriorityClass',
    resource: 'priorityclasses',
    singular: 'priorityclass',
    group: 'scheduling.k8s.io',
    apiVersion: 'scheduling.k8s.io/v1',
    shortNames: ['pc'],
    namespaced: false,
  },
  {
    kind: 'Namespace',
    resource: 'namespaces',
    singular: 'namespace',
    group: '',
    apiVersion: 'v1',
    shortNames: ['ns'],
    namespaced: false,
  },
  {
    kind: 'ConfigMap',
    resource: 'configmaps',
    singular: 'configmap',
    group: '',
    apiVersion: 'v1',
    shortNames: ['cm'],
    namespaced: true,
  },
];

/** allResources lists every kind the playground serves. */
export function allResources(): readonly ResourceInfo[] {
  return RESOURCES;
}

/** resourceForKind looks up discovery data for a kind. */
export function resourceForKind(kind: Kind): ResourceInfo {
  const info = RESOURCES.find((r) => r.kind === kind);
  if (!info) throw new Error(`no resource for kind ${kind}`);
  return info;
}

/**
 * resolveResource maps what a user types (`ds`, `daemonset`, `daemonsets`, `daemonsets.apps`,
 * `DaemonSet`) to a kind, as kubectl's RESTMapper does; undefined when nothing matches.
 */
export function resolveResource(typed: string): ResourceInfo | undefined {
  const t = typed.toLowerCase();
  return RESOURCES.find(
    (r) =>
      r.resource === t ||
      r.singular === t ||
      r.shortNames.includes(t) ||
      r.kind.toLowerCase() === t ||
      (r.group !== '' && (t === `${r.resource}.${r.group}` || t === `${r.singular}.${r.group}`)),
  );
}

/** qualifiedResource is how the API server names a resource in errors: `daemonsets.apps`, `pods`. */
export function qualifiedResource(kind: Kind): string {
  const r = resourceForKind(kind);
  return r.group ? `${r.resource}.${r.group}` : r.resource;
}
