// `v1 List` documents, as `kubectl get nodes -o yaml` prints them (and typed lists such as
// `NodeList` from the raw API), unwrapped into their items the way kubectl's resource builder
// flattens them (staging/src/k8s.io/cli-runtime/pkg/resource/visitor.go, FlattenListVisitor).

/** ListItem is one item of a list with its index, for positions (`items[3]`). */
export interface ListItem {
  index: number;
  value: unknown;
}

const LIST_VERSIONS: Readonly<Record<string, string>> = {
  NodeList: 'v1',
  PodList: 'v1',
  DaemonSetList: 'apps/v1',
  DeploymentList: 'apps/v1',
  JobList: 'batch/v1',
  StatefulSetList: 'apps/v1',
  CronJobList: 'batch/v1',
  PriorityClassList: 'scheduling.k8s.io/v1',
};

/** isListKind says whether apiVersion/kind name a list: `v1 List` or a typed list of a known kind. */
export function isListKind(apiVersion: unknown, kind: unknown): boolean {
  if (kind === 'List') return apiVersion === 'v1';
  return typeof kind === 'string' && LIST_VERSIONS[kind] !== undefined && LIST_VERSIONS[kind] === apiVersion;
}

/**
 * listItems returns the items of a list document, or a message when `items` is not a list.
 * A list without items is an empty list, as `kubectl get nodes -o yaml` prints for no nodes.
 */
export function listItems(list: Record<string, unknown>): { items: ListItem[] } | { error: string } {
  const items = list.items;
  if (items === undefined || items === null) return { items: [] };
  if (!Array.isArray(items)) {
    return {
      error: `json: cannot unmarshal ${typeof items === 'object' ? 'object' : typeof items} into Go struct field List.items of type []runtime.RawExtension`,
    };
  }
  return { items: items.map((value, index) => ({ index, value })) };
}
