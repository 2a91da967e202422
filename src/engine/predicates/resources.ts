// Resource requests, node allocatable, and the scheduler's fit checks with its own words.
// Follows pkg/scheduler/framework/plugins/noderesources/fit.go (computePodResourceRequest,
// fitsRequest) and pkg/scheduler/framework/plugins/nodeports/node_ports.go.
import type { ContainerPort, Node, Pod, PodSpec, ResourceList } from '../api/types';
import { parseQuantity } from '../api/quantity';
import { SCHED_REASON_TOO_MANY_PODS } from '../api/wellKnown';

/**
 * ResourceAmounts maps a resource name to a whole amount: millicores for `cpu`, and for every
 * other resource its value rounded up (bytes for `memory` and `ephemeral-storage`, a count for
 * `pods` and extended resources such as `nvidia.com/gpu`), as the scheduler's Resource keeps them.
 */
export type ResourceAmounts = Record<string, number>;

/** InsufficientResource is one resource the node lacks, with the scheduler's reason text. */
export interface InsufficientResource {
  resourceName: string;
  /** `Insufficient cpu`, `Insufficient memory`, `Too many pods`, `Insufficient nvidia.com/gpu`. */
  reason: string;
  requested: number;
  /** What the pods already on the node request. */
  used: number;
  capacity: number;
  /** The node could not fit the pod even if it were empty (preemption would not help). */
  unresolvable: boolean;
}

const NATIVE = new Set(['cpu', 'memory', 'ephemeral-storage']);

// isScalarResourceName mirrors v1helper.IsScalarResourceName closely enough for the playground:
// extended (domain-prefixed) names, hugepages and attachable volumes are counted; unknown
// unprefixed names are ignored by the scheduler.
function isScalarResourceName(name: string): boolean {
  return name.includes('/') || name.startsWith('hugepages-') || name.startsWith('attachable-volumes-');
}

// amountOf turns quantity text into the scheduler's whole amount; invalid text counts as 0
// because validation rejects it before an object is stored.
function amountOf(name: string, quantity: string | number): number {
  const q = parseQuantity(quantity);
  if (!q.ok) return 0;
  return name === 'cpu' ? q.milliValue : q.intValue;
}

function addList(
  target: ResourceAmounts,
  list: ResourceList,
  combine: (a: number, b: number) => number,
): void {
  for (const [name, quantity] of Object.entries(list)) {
    if (!NATIVE.has(name) && !isScalarResourceName(name)) continue;
    target[name] = combine(target[name] ?? 0, amountOf(name, quantity));
  }
}

// effectiveRequests applies the API's defaulting: a limit without a request makes the request
// equal to the limit. On an already-defaulted spec this changes nothing.
function effectiveRequests(
  resources: { requests?: ResourceList; limits?: ResourceList } | undefined,
): ResourceList {
  return { ...resources?.limits, ...resources?.requests };
}

/**
 * podRequests is what the scheduler reserves for a pod (computePodResourceRequest): the sum of its
 * containers' requests, raised per resource to the largest init container's request, because init
 * containers run one at a time before the others start.
 */
export function podRequests(spec: PodSpec): ResourceAmounts {
  const total: ResourceAmounts = {};
  for (const c of spec.containers ?? []) addList(total, effectiveRequests(c.resources), (a, b) => a + b);
  for (const c of spec.initContainers ?? []) addList(total, effectiveRequests(c.resources), Math.max);
  return total;
}

/**
 * nodeAllocatable is what the scheduler may hand out on a node: `status.allocatable`, or
 * `status.capacity` when allocatable is missing (the API server defaults one to the other).
 */
export function nodeAllocatable(node: Node): ResourceAmounts {
  const list = node.status.allocatable ?? node.status.capacity ?? {};
  const amounts: ResourceAmounts = {};
  for (const [name, quantity] of Object.entries(list)) amounts[name] = amountOf(name, quantity);
  return amounts;
}

// The scheduler's cache only holds pods that are not finished (its informer drops Succeeded and
// Failed pods), so they use neither resources nor host ports.
function activePods(pods: readonly Pod[]): Pod[] {
  return pods.filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
}

/**
 * fitsResources is NodeResourcesFit's Filter: the pod slots first (`Too many pods`), then cpu,
 * memory, ephemeral-storage and extended resources (`Insufficient <name>`), each only when the pod
 * asks for more than allocatable minus what `podsOnNode` already request. An empty list means the
 * pod fits. `podsOnNode` are the pods bound to the node; finished pods are ignored.
 */
export function fitsResources(
  requests: ResourceAmounts,
  node: Node,
  podsOnNode: readonly Pod[],
): InsufficientResource[] {
  const pods = activePods(podsOnNode);
  const allocatable = nodeAllocatable(node);
  const used: ResourceAmounts = {};
  for (const p of pods) {
    for (const [name, amount] of Object.entries(podRequests(p.spec))) used[name] = (used[name] ?? 0) + amount;
  }
  const result: InsufficientResource[] = [];
  const allowedPods = allocatable['pods'] ?? 0;
  if (pods.length + 1 > allowedPods) {
    result.push({
      resourceName: 'pods',
      reason: SCHED_REASON_TOO_MANY_PODS,
      requested: 1,
      used: pods.length,
      capacity: allowedPods,
      unresolvable: allowedPods < 1,
    });
  }
  const scalars = Object.keys(requests)
    .filter((n) => !NATIVE.has(n) && isScalarResourceName(n))
    .sort();
  for (const name of ['cpu', 'memory', 'ephemeral-storage', ...scalars]) {
    const requested = requests[name] ?? 0;
    const capacity = allocatable[name] ?? 0;
    const inUse = used[name] ?? 0;
    // A resource the pod does not ask for never fails, even on an overcommitted node.
    if (requested <= 0 || requested <= capacity - inUse) continue;
    result.push({
      resourceName: name,
      reason: `Insufficient ${name}`,
      requested,
      used: inUse,
      capacity,
      unresolvable: requested > capacity,
    });
  }
  return result;
}

/** HostPortKey identifies a host port on a node: the port and its protocol. */
export interface HostPortKey {
  hostPort: number;
  protocol: string;
}

// wantedHostPorts lists the host ports a pod's containers claim. The API defaults the protocol
// to TCP and, for hostNetwork pods, hostPort to containerPort; both are applied here so specs
// work whether or not they were defaulted. Ports without a hostPort claim nothing on the node.
function wantedHostPorts(spec: PodSpec): HostPortKey[] {
  const ports: ContainerPort[] = (spec.containers ?? []).flatMap((c) => c.ports ?? []);
  return ports
    .map((p) => ({
      hostPort: p.hostPort ?? (spec.hostNetwork ? p.containerPort : 0),
      protocol: p.protocol ?? 'TCP',
    }))
    .filter((p) => p.hostPort > 0);
}

/**
 * hostPortConflicts is the NodePorts filter: the host ports the pod wants that a pod already on
 * the node holds (same port and protocol). Non-empty means the scheduler rejects the node with
 * SCHED_REASON_NODE_PORTS, "node(s) didn't have free ports for the requested pod ports".
 * Host IPs are not modelled: every host port binds all addresses (0.0.0.0).
 */
export function hostPortConflicts(spec: PodSpec, podsOnNode: readonly Pod[]): HostPortKey[] {
  const taken = new Set(
    activePods(podsOnNode)
      .flatMap((p) => wantedHostPorts(p.spec))
      .map((p) => `${p.protocol}/${p.hostPort}`),
  );
  return wantedHostPorts(spec).filter((p) => taken.has(`${p.protocol}/${p.hostPort}`));
}
