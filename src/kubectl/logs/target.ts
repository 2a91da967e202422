// Which pods a `kubectl logs` argument means: a pod by name, `TYPE/NAME` of a workload (its
// first pod, as polymorphichelpers/logsforobject.go picks it), or `-l selector`.
import type { KubeObject, LabelSelector, Pod } from '../../engine/api/types';
import { labelSelectorMatches } from '../../engine/api/labels';
import { isPodReady, podCondition } from '../../engine/api/podUtil';
import { parseTimestamp } from '../../engine/clock/clock';
import type { Simulation } from '../../engine/simulation';
import { getObject, lookupType, notFoundError } from '../util/resources';
import { labelFilter } from '../util/selectors';

/** LogTarget is the pods to read, and whether they were chosen by a selector (no "Defaulted" notice then). */
export type LogTarget = { pods: Pod[]; allPods: boolean; notice: string } | { error: string };

function byName(a: Pod, b: Pod): number {
  return a.metadata.name < b.metadata.name ? -1 : a.metadata.name > b.metadata.name ? 1 : 0;
}

function maxRestarts(p: Pod): number {
  return Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount));
}

function time(ts: string | undefined): number {
  const t = parseTimestamp(ts);
  return Number.isNaN(t) ? Infinity : t;
}

/**
 * byLogging is podutils.ByLogging, the order GetFirstPod sorts by: scheduled first, then Running <
 * Unknown < Pending, ready first, ready the longest, most restarts, oldest; names break ties.
 */
export function byLogging(a: Pod, b: Pod): number {
  if (!a.spec.nodeName !== !b.spec.nodeName) return a.spec.nodeName ? -1 : 1;
  const phase = (p: Pod) => ({ Running: 0, Unknown: 1, Pending: 2 })[p.status?.phase as string] ?? 0;
  if (phase(a) !== phase(b)) return phase(a) - phase(b);
  if (isPodReady(a) !== isPodReady(b)) return isPodReady(a) ? -1 : 1;
  if (isPodReady(a)) {
    const ra = time(podCondition(a, 'Ready')?.lastTransitionTime);
    const rb = time(podCondition(b, 'Ready')?.lastTransitionTime);
    if (ra !== rb) return ra - rb;
  }
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(b) - maxRestarts(a);
  const ca = time(a.metadata.creationTimestamp);
  const cb = time(b.metadata.creationTimestamp);
  return ca !== cb ? ca - cb : byName(a, b);
}

// SelectorsForObject: the workloads whose pods kubectl can find by their selector.
function selectorOf(obj: KubeObject): LabelSelector | undefined {
  switch (obj.kind) {
    case 'DaemonSet':
    case 'Deployment':
    case 'ReplicaSet':
      return obj.spec.selector;
    case 'Job':
      return obj.spec.selector;
    default:
      return undefined;
  }
}

function podsMatching(sim: Simulation, namespace: string, selector: LabelSelector): Pod[] {
  return sim.api.list<Pod>('Pod', namespace).filter((p) => labelSelectorMatches(selector, p.metadata.labels));
}

/** findLogTarget resolves `POD`, `TYPE/NAME` or a `-l` selector in a namespace. */
export function findLogTarget(
  sim: Simulation,
  namespace: string,
  arg: string | undefined,
  selector: string | undefined,
): LogTarget {
  if (selector !== undefined) {
    const labels = labelFilter(selector);
    if (!labels.ok) return { error: labels.error };
    const pods = sim.api.list<Pod>('Pod', namespace).filter(labels.filter).sort(byName);
    return { pods, allPods: true, notice: '' };
  }
  const word = arg ?? '';
  const slash = word.indexOf('/');
  const type = lookupType(slash >= 0 ? word.slice(0, slash) : 'pods');
  const name = slash >= 0 ? word.slice(slash + 1) : word;
  if (!type) return { error: `error: the server doesn't have a resource type "${word.slice(0, slash)}"\n` };
  const obj = getObject(sim, type, namespace, name);
  if (!obj) return { error: notFoundError(type, name) };
  if (obj.kind === 'Pod') return { pods: [obj], allPods: false, notice: '' };
  const sel = obj.kind === 'Namespace' ? undefined : selectorOf(obj);
  if (!sel) {
    return {
      error: `error: cannot get the logs from *v1.${obj.kind}: selector for *v1.${obj.kind} not implemented\n`,
    };
  }
  // GetFirstPod would watch for a pod until --pod-running-timeout (20s) runs out.
  const pods = podsMatching(sim, namespace, sel).sort(byLogging);
  const first = pods[0];
  if (!first) return { error: 'error: timed out waiting for the condition\n' };
  const notice = pods.length > 1 ? `Found ${pods.length} pods, using pod/${first.metadata.name}\n` : '';
  return { pods: [first], allPods: false, notice };
}
