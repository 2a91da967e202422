// A simulated metrics-server (metrics.k8s.io/v1beta1) for `kubectl top`, built on the engine's
// usage model (engine/controllers/kubelet/usage.ts podUsage). Like the real one it only reports
// what a kubelet's summary API could tell it: running pods on nodes whose kubelet answers.
import type { Node, Pod } from '../../engine/api/types';
import type { PodUsage } from '../../engine/controllers/kubelet/usage';
import { podUsage } from '../../engine/controllers/kubelet/usage';
import { nodeAllocatable, podRequests } from '../../engine/predicates';
import type { Simulation } from '../../engine/simulation';

/**
 * NODE_SYSTEM_OVERHEAD is what a node uses besides its pods (kubelet, container runtime, the OS):
 * a fixed 100m CPU and 512Mi memory on every node, so an empty node does not read 0 %. The
 * playground's own choice; on a real node this is the difference between node and pod usage.
 */
export const NODE_SYSTEM_OVERHEAD: Readonly<PodUsage> = { cpuMilli: 100, memoryBytes: 512 * 1024 * 1024 };

/** ContainerUsage is one container's usage in a PodMetrics. */
export interface ContainerUsage extends PodUsage {
  name: string;
}

/** PodMetrics is what metrics-server reports for one pod. */
export interface PodMetrics {
  pod: Pod;
  containers: ContainerUsage[];
}

/** NodeMetrics is what metrics-server reports for one node, with its allocatable for the % columns. */
export interface NodeMetrics {
  name: string;
  usage: PodUsage;
}

function hasMetrics(sim: Simulation, pod: Pod): boolean {
  const node = pod.spec.nodeName;
  return pod.status?.phase === 'Running' && !!node && sim.nodeLifecycle.isKubeletUp(node);
}

// split shares a pod's usage among its containers in proportion to their requests (evenly when
// none requests the resource), giving the rounding remainder to the first container.
function split(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const shares = weights.map((w) => Math.floor(sum > 0 ? (total * w) / sum : total / weights.length));
  if (shares.length > 0) shares[0] = (shares[0] ?? 0) + total - shares.reduce((a, b) => a + b, 0);
  return shares;
}

/**
 * podMetrics is the PodMetrics of a pod, or undefined when metrics-server has none for it (not
 * running, or its node's kubelet is down). The engine models usage per pod; per-container
 * figures split it by the containers' requests.
 */
export function podMetrics(sim: Simulation, pod: Pod): PodMetrics | undefined {
  if (!hasMetrics(sim, pod)) return undefined;
  const usage = podUsage(pod);
  const containers = pod.spec.containers;
  const requests = containers.map((c) => podRequests({ containers: [c] }));
  const cpu = split(
    usage.cpuMilli,
    requests.map((r) => r['cpu'] ?? 0),
  );
  const memory = split(
    usage.memoryBytes,
    requests.map((r) => r['memory'] ?? 0),
  );
  return {
    pod,
    containers: containers.map((c, i) => ({
      name: c.name,
      cpuMilli: cpu[i] ?? 0,
      memoryBytes: memory[i] ?? 0,
    })),
  };
}

/**
 * nodeMetrics is a node's usage: its running pods plus NODE_SYSTEM_OVERHEAD, or undefined while
 * its kubelet is down (kubectl then prints `<unknown>`).
 */
export function nodeMetrics(sim: Simulation, node: Node): NodeMetrics | undefined {
  if (!sim.nodeLifecycle.isKubeletUp(node.metadata.name)) return undefined;
  const usage = { ...NODE_SYSTEM_OVERHEAD };
  for (const pod of sim.api.store.podsOnNode(node.metadata.name)) {
    if (pod.status?.phase !== 'Running') continue;
    const u = podUsage(pod);
    usage.cpuMilli += u.cpuMilli;
    usage.memoryBytes += u.memoryBytes;
  }
  return { name: node.metadata.name, usage };
}

/** nodeCapacityForTop is the allocatable cpu (millicores) and memory (bytes) the % columns divide by. */
export function nodeCapacityForTop(node: Node): { cpuMilli?: number; memoryBytes?: number } {
  const a = nodeAllocatable(node);
  return {
    ...(a['cpu'] !== undefined ? { cpuMilli: a['cpu'] } : {}),
    ...(a['memory'] !== undefined ? { memoryBytes: a['memory'] } : {}),
  };
}
