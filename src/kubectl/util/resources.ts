// Resolving what the user typed (`ds`, `pods web-1`, `daemonset/fluentd node/n1`) into API
// objects, the way kubectl's resource.Builder does, with its error texts.
import type { KubeObject, Namespace } from '../../engine/api/types';
import type { ResourceInfo } from '../../engine/api/resources';
import { allResources, resolveResource } from '../../engine/api/resources';
import type { Simulation } from '../../engine/simulation';
import { SIM_EPOCH_MS } from '../../engine/clock/clock';
import { LABEL_NAMESPACE_NAME } from '../../engine/api/wellKnown';

/** NamespaceObject is a namespace as `get namespaces` shows it, stored or only implied by its objects. */
export type NamespaceObject = Namespace;

/** AnyObject is anything kubectl can print. */
export type AnyObject = KubeObject;

/** ResourceType is discovery data for a kind kubectl knows. */
export type ResourceType = ResourceInfo;

/** resourceTypes lists every type `kubectl api-resources` shows here. */
export function resourceTypes(): ResourceType[] {
  return [...allResources()];
}

/** lookupType resolves a typed resource name (`ds`, `pods`, `namespace`), or undefined. */
export function lookupType(typed: string): ResourceType | undefined {
  return resolveResource(typed.toLowerCase());
}

/** typeOfKind is the discovery data of a kind. */
export function typeOfKind(kind: string): ResourceType | undefined {
  return resourceTypes().find((r) => r.kind === kind);
}

/** qualifiedKind is how kubectl prints a kind in `kind.group/name`: `daemonset.apps`, `pod`. */
export function qualifiedKind(kind: string): string {
  const t = typeOfKind(kind);
  const lower = kind.toLowerCase();
  return t && t.group ? `${lower}.${t.group}` : lower;
}

/** qualifiedResourceName is the API's `daemonsets.apps` / `pods` (errors use it). */
export function qualifiedResourceName(t: ResourceType): string {
  return t.group ? `${t.resource}.${t.group}` : t.resource;
}

/** nameOf prints an object as `-o name` does: `daemonset.apps/fluentd`. */
export function nameOf(obj: AnyObject): string {
  return `${qualifiedKind(obj.kind)}/${obj.metadata.name}`;
}

/** ResourceRequest is one resolved argument group: a type and the names asked for (none: all). */
export interface ResourceRequest {
  type: ResourceType;
  names: string[];
}

/** RequestResult is the resolved arguments, or kubectl's error text. */
export type RequestResult = { ok: true; requests: ResourceRequest[] } | { ok: false; error: string };

// `kubectl get all` expands to the workloads category; these are the ones the playground serves.
const ALL_CATEGORY = ['pods', 'daemonsets', 'deployments', 'replicasets', 'statefulsets'];

function unknownType(typed: string): string {
  return `error: the server doesn't have a resource type "${typed}"\n`;
}

/**
 * parseResourceArgs reads `TYPE[,TYPE...] [NAME...]` or `TYPE/NAME...` (not mixed, as
 * resource.Builder requires) into requests, in the order given.
 */
export function parseResourceArgs(positional: readonly string[]): RequestResult {
  if (positional.length === 0) return { ok: true, requests: [] };
  if (positional.some((p) => p.includes('/'))) {
    const requests: ResourceRequest[] = [];
    for (const word of positional) {
      const slash = word.indexOf('/');
      if (slash < 0) {
        return {
          ok: false,
          error:
            "error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'\n",
        };
      }
      const typed = word.slice(0, slash);
      const name = word.slice(slash + 1);
      const type = lookupType(typed);
      if (!type) return { ok: false, error: unknownType(typed) };
      if (!name)
        return {
          ok: false,
          error: `error: arguments in resource/name form must have a single resource and name\n`,
        };
      const last = requests[requests.length - 1];
      if (last && last.type.kind === type.kind) last.names.push(name);
      else requests.push({ type, names: [name] });
    }
    return { ok: true, requests };
  }
  const [typesWord = '', ...names] = positional;
  const requests: ResourceRequest[] = [];
  for (const typed of typesWord.split(',').filter((t) => t !== '')) {
    const expanded = typed.toLowerCase() === 'all' ? ALL_CATEGORY : [typed];
    for (const one of expanded) {
      const type = lookupType(one);
      if (!type) return { ok: false, error: unknownType(one) };
      requests.push({ type, names: [...names] });
    }
  }
  return { ok: true, requests };
}

function compareObjects(a: AnyObject, b: AnyObject): number {
  const an = `${'namespace' in a.metadata ? (a.metadata.namespace ?? '') : ''}/${a.metadata.name}`;
  const bn = `${'namespace' in b.metadata ? (b.metadata.namespace ?? '') : ''}/${b.metadata.name}`;
  return an < bn ? -1 : an > bn ? 1 : 0;
}

// A namespace only implied by its objects (or built in) shows as created with the cluster.
function impliedNamespace(name: string): NamespaceObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      creationTimestamp: new Date(SIM_EPOCH_MS).toISOString().replace('.000Z', 'Z'),
      labels: { [LABEL_NAMESPACE_NAME]: name },
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

/** namespaceNamed is the stored namespace, or the implied one, or undefined. */
function namespaceNamed(sim: Simulation, name: string): NamespaceObject | undefined {
  const stored = sim.api.get<Namespace>('Namespace', undefined, name);
  if (stored) return stored;
  return sim.api.store.namespaces().includes(name) ? impliedNamespace(name) : undefined;
}

/**
 * listObjects lists a type in a namespace (undefined: all namespaces; ignored for cluster-scoped
 * types), sorted by namespace and name as etcd returns them.
 */
export function listObjects(sim: Simulation, type: ResourceType, namespace: string | undefined): AnyObject[] {
  if (type.kind === 'Namespace') return sim.api.store.namespaces().map((n) => namespaceNamed(sim, n)!);
  const objs: AnyObject[] = sim.api.list(type.kind, type.namespaced ? namespace : undefined);
  return [...objs].sort(compareObjects);
}

/** getObject fetches one object by name, or undefined. */
export function getObject(
  sim: Simulation,
  type: ResourceType,
  namespace: string,
  name: string,
): AnyObject | undefined {
  if (type.kind === 'Namespace') return namespaceNamed(sim, name);
  return sim.api.get(type.kind, type.namespaced ? namespace : undefined, name);
}

/** notFoundError prints the API server's NotFound as kubectl does. */
export function notFoundError(type: ResourceType, name: string): string {
  return `Error from server (NotFound): ${qualifiedResourceName(type)} "${name}" not found\n`;
}
