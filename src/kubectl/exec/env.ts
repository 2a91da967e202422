// The environment a container process sees (kubelet's makeEnvironmentVariables): the image's PATH
// and HOSTNAME, the service variables of the `kubernetes` Service every namespace gets, then the
// container's own env with fieldRef and configMapKeyRef values resolved, in that order.
import type { ConfigMap, Container, Node, Pod } from '../../engine/api/types';
import type { Simulation } from '../../engine/simulation';

// The default Service CIDR's first address, which the `kubernetes` Service is given.
const KUBERNETES_SERVICE_IP = '10.96.0.1';

/** podHostname is what `hostname` prints: the pod's name, or its node's with hostNetwork. */
export function podHostname(pod: Pod): string {
  return pod.spec.hostNetwork ? (pod.spec.nodeName ?? pod.metadata.name) : pod.metadata.name;
}

// The downward API's fieldRef paths (pkg/kubelet/kubelet_pods.go podFieldSelectorRuntimeValue).
function fieldValue(pod: Pod, path: string): string {
  const labelKey = /^metadata\.labels\['(.+)'\]$/.exec(path)?.[1];
  if (labelKey) return pod.metadata.labels?.[labelKey] ?? '';
  const annotationKey = /^metadata\.annotations\['(.+)'\]$/.exec(path)?.[1];
  if (annotationKey) return pod.metadata.annotations?.[annotationKey] ?? '';
  switch (path) {
    case 'metadata.name':
      return pod.metadata.name;
    case 'metadata.namespace':
      return pod.metadata.namespace ?? 'default';
    case 'metadata.uid':
      return pod.metadata.uid ?? '';
    case 'spec.nodeName':
      return pod.spec.nodeName ?? '';
    case 'spec.serviceAccountName':
      return pod.spec.serviceAccountName ?? 'default';
    case 'status.hostIP':
    case 'status.hostIPs':
      return pod.status?.hostIP ?? '';
    case 'status.podIP':
    case 'status.podIPs':
      return pod.status?.podIP ?? '';
    default:
      return '';
  }
}

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    fieldRef?: { fieldPath: string };
    configMapKeyRef?: { name: string; key: string };
    resourceFieldRef?: { resource: string };
  };
}

/** containerEnv lists NAME=value pairs as `env` prints them inside the container. */
export function containerEnv(sim: Simulation, pod: Pod, container: Container): [string, string][] {
  const ns = pod.metadata.namespace ?? 'default';
  const out: [string, string][] = [
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ['HOSTNAME', podHostname(pod)],
    ['KUBERNETES_SERVICE_HOST', KUBERNETES_SERVICE_IP],
    ['KUBERNETES_SERVICE_PORT', '443'],
    ['KUBERNETES_SERVICE_PORT_HTTPS', '443'],
    ['KUBERNETES_PORT', `tcp://${KUBERNETES_SERVICE_IP}:443`],
    ['KUBERNETES_PORT_443_TCP', `tcp://${KUBERNETES_SERVICE_IP}:443`],
    ['KUBERNETES_PORT_443_TCP_PROTO', 'tcp'],
    ['KUBERNETES_PORT_443_TCP_PORT', '443'],
    ['KUBERNETES_PORT_443_TCP_ADDR', KUBERNETES_SERVICE_IP],
  ];
  const node = pod.spec.nodeName ? sim.api.get<Node>('Node', undefined, pod.spec.nodeName) : undefined;
  for (const raw of (container.env ?? []) as EnvVar[]) {
    let value = raw.value ?? '';
    const from = raw.valueFrom;
    if (from?.fieldRef) value = fieldValue(pod, from.fieldRef.fieldPath);
    else if (from?.configMapKeyRef) {
      const cm = sim.api.get<ConfigMap>('ConfigMap', ns, from.configMapKeyRef.name);
      value = cm?.data?.[from.configMapKeyRef.key] ?? '';
    } else if (from?.resourceFieldRef) {
      // Without a limit, limits.* report the node's allocatable (the kubelet's defaulting).
      const [kind, resource] = from.resourceFieldRef.resource.split('.');
      const set = kind === 'requests' ? container.resources?.requests : container.resources?.limits;
      value = String(set?.[resource ?? ''] ?? node?.status?.allocatable?.[resource ?? ''] ?? '0');
    }
    out.push([raw.name, value]);
  }
  return out;
}
