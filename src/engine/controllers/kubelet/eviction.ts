import type { Pod } from '../../api/types';
import { podRequests } from '../../predicates';
import { podUsage } from './usage';

/**
 * rankForMemoryEviction is the eviction manager's rankMemoryPressure order: pods whose usage
 * exceeds their request first, then lower priority, then the largest usage above request.
 * A system-node-critical daemon pod therefore goes last.
 */
export function rankForMemoryEviction(pods: Pod[]): Pod[] {
  const over = (p: Pod) => podUsage(p).memoryBytes - (podRequests(p.spec)['memory'] ?? 0);
  return [...pods].sort((a, b) => {
    const exceedA = over(a) > 0 ? 0 : 1;
    const exceedB = over(b) > 0 ? 0 : 1;
    if (exceedA !== exceedB) return exceedA - exceedB;
    const prio = (a.spec.priority ?? 0) - (b.spec.priority ?? 0);
    if (prio !== 0) return prio;
    return over(b) - over(a);
  });
}

const MI = 1024 * 1024;

/** evictionMessage is the kubelet's Evicted message for memory. */
export function evictionMessage(pod: Pod, availableBytes: number): string {
  const usage = podUsage(pod).memoryBytes;
  const request = podRequests(pod.spec)['memory'] ?? 0;
  const c = pod.spec.containers[0]?.name ?? 'container';
  return `The node was low on resource: memory. Threshold quantity: 100Mi, available: ${Math.max(0, Math.round(availableBytes / MI))}Mi. Container ${c} was using ${Math.round(usage / MI)}Mi, request is ${Math.round(request / MI)}Mi, has larger consumption of memory. `.trimEnd();
}
