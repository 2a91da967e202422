// The pod's QoS class (pkg/apis/core/v1/helper/qos GetPodQOS), shared by the kubelet's admission
// and eviction and by `kubectl describe`.
import type { Container, Pod } from './types';
import { parseQuantity } from './quantity';

export type QOSClass = 'Guaranteed' | 'Burstable' | 'BestEffort';

// Limits without requests default the requests (API server defaulting), so count them as requests.
function requestsOf(c: Container): Record<string, string> {
  return { ...(c.resources?.limits ?? {}), ...(c.resources?.requests ?? {}) };
}

/** qosClass is GetPodQOS: Guaranteed, Burstable or BestEffort from cpu/memory requests and limits. */
export function qosClass(pod: Pod): QOSClass {
  const all = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])];
  const nonZero = (v: string): boolean => {
    const q = parseQuantity(v);
    return q.ok && q.value !== 0;
  };
  const relevant = (list: Record<string, string> | undefined) =>
    Object.entries(list ?? {}).filter(([k, v]) => (k === 'cpu' || k === 'memory') && nonZero(v));
  if (
    all.every(
      (c) => relevant(c.resources?.requests).length === 0 && relevant(c.resources?.limits).length === 0,
    )
  )
    return 'BestEffort';
  const guaranteed = all.every((c) => {
    const limits = Object.fromEntries(relevant(c.resources?.limits));
    if (!limits['cpu'] || !limits['memory']) return false;
    const requests = requestsOf(c);
    return ['cpu', 'memory'].every((k) => {
      const r = parseQuantity(requests[k] ?? '0');
      const l = parseQuantity(limits[k] ?? '0');
      return r.ok && l.ok && r.value === l.value;
    });
  });
  return guaranteed ? 'Guaranteed' : 'Burstable';
}
