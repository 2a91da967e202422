import type { Pod } from '../../api/types';
import { podRequests } from '../../predicates';

// A container without a memory request still uses memory; this is what the model charges it.
const BEST_EFFORT_MEMORY = 64 * 1024 * 1024;
const BEST_EFFORT_CPU_MILLI = 10;

function podLimits(spec: Pod['spec']): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of spec.containers) {
    for (const [name, q] of Object.entries(c.resources?.limits ?? {})) {
      const amount = podRequests({
        containers: [{ name: c.name, image: c.image, resources: { requests: { [name]: q } } }],
      })[name];
      if (amount !== undefined) out[name] = (out[name] ?? 0) + amount;
    }
  }
  return out;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h;
}

/** PodUsage is the simulated live usage of a pod: millicores and bytes. */
export interface PodUsage {
  cpuMilli: number;
  memoryBytes: number;
}

/**
 * podUsage is the playground's usage model (what metrics-server would report): each pod uses
 * between 60 % and 130 % of what it requests, fixed per pod by its uid so `kubectl top` is stable
 * and replays identically; pods without requests use a small fixed amount.
 */
export function podUsage(pod: Pod): PodUsage {
  if (pod.status?.phase !== 'Running') return { cpuMilli: 0, memoryBytes: 0 };
  const req = podRequests(pod.spec);
  const lim = podLimits(pod.spec);
  const factor = 0.6 + (hash(pod.metadata.uid ?? pod.metadata.name) % 71) / 100;
  // A container cannot use more than its limit: memory over it is OOM-killed, cpu over it is throttled.
  const use = (name: string, fallback: number) => {
    const r = req[name] ?? 0;
    const raw = r > 0 ? r * factor : fallback;
    return Math.round(lim[name] !== undefined ? Math.min(raw, lim[name]!) : raw);
  };
  return { cpuMilli: use('cpu', BEST_EFFORT_CPU_MILLI), memoryBytes: use('memory', BEST_EFFORT_MEMORY) };
}
