// Resource arithmetic for describe: pod requests/limits (resourcehelper.PodRequestsAndLimits)
// and the QoS class (qos.GetPodQOS, from the engine).
import type { Container, Pod } from '../../engine/api/types';
import { formatQuantity, parseQuantity } from '../../engine/api/quantity';
import type { QuantityFormat } from '../../engine/api/quantity';

/** Amount is a summed quantity that remembers how to print itself. */
export interface Amount {
  value: number;
  format: QuantityFormat;
}

/** AmountMap is resource name → amount. */
export type AmountMap = Map<string, Amount>;

function add(into: AmountMap, list: Record<string, string> | undefined): void {
  for (const [name, text] of Object.entries(list ?? {})) {
    const q = parseQuantity(text);
    if (!q.ok) continue;
    const prev = into.get(name);
    into.set(name, { value: (prev?.value ?? 0) + q.value, format: prev?.format ?? q.format });
  }
}

function maxInto(into: AmountMap, list: Record<string, string> | undefined): void {
  for (const [name, text] of Object.entries(list ?? {})) {
    const q = parseQuantity(text);
    if (!q.ok) continue;
    const prev = into.get(name);
    if (!prev || q.value > prev.value) into.set(name, { value: q.value, format: q.format });
  }
}

// Limits without requests default the requests (API server defaulting), so count them as requests.
function requestsOf(c: Container): Record<string, string> {
  return { ...(c.resources?.limits ?? {}), ...(c.resources?.requests ?? {}) };
}

/** podRequestsAndLimits sums the containers and takes the max with each init container. */
export function podRequestsAndLimits(pod: Pod): { requests: AmountMap; limits: AmountMap } {
  const requests: AmountMap = new Map();
  const limits: AmountMap = new Map();
  for (const c of pod.spec.containers) {
    add(requests, requestsOf(c));
    add(limits, c.resources?.limits);
  }
  for (const c of pod.spec.initContainers ?? []) {
    maxInto(requests, requestsOf(c));
    maxInto(limits, c.resources?.limits);
  }
  return { requests, limits };
}

/** amountText prints an amount as Quantity.String() does; absent is "0". */
export function amountText(a: Amount | undefined): string {
  return a ? formatQuantity(a.value, a.format) : '0';
}

/** percentOf is int64(float64(part)/float64(whole)*100), 0 when the whole is 0. */
export function percentOf(part: number, whole: number): number {
  return whole === 0 ? 0 : Math.trunc((part / whole) * 100);
}

/** qosClass is qos.GetPodQOS; the kubelet needs it too, so it lives in the engine. */
export { qosClass } from '../../engine/api/qos';
