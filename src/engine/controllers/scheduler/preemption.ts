import type { Node, Pod } from '../../api/types';
import type { ResourceAmounts } from '../../predicates';
import type { FilterFailure } from './filters';
import { filterNode } from './filters';

const priorityOf = (p: Pod) => p.spec.priority ?? 0;

/**
 * selectVictimsOnNode is DefaultPreemption's per-node search: remove every lower-priority pod,
 * check that the preemptor fits, then reprieve victims (highest priority first) while it still
 * fits. Returns undefined when even removing them all would not help.
 */
export function selectVictimsOnNode(
  pod: Pod,
  requests: ResourceAmounts,
  node: Node,
  podsOnNode: Pod[],
): Pod[] | undefined {
  const lower = podsOnNode.filter((p) => priorityOf(p) < priorityOf(pod) && !p.metadata.deletionTimestamp);
  if (lower.length === 0) return undefined;
  const remaining = podsOnNode.filter((p) => !lower.includes(p));
  if (filterNode(pod, requests, node, remaining)) return undefined;
  const victims: Pod[] = [];
  const kept = [...remaining];
  for (const candidate of [...lower].sort((a, b) => priorityOf(b) - priorityOf(a))) {
    if (!filterNode(pod, requests, node, [...kept, candidate])) kept.push(candidate);
    else victims.push(candidate);
  }
  return victims;
}

export interface PreemptionPlan {
  node: Node;
  victims: Pod[];
}

/**
 * findPreemption picks the node whose victims are fewest and of the lowest priority, among nodes
 * that failed for reasons preemption can resolve (resources, host ports); `Never` never preempts.
 */
export function findPreemption(
  pod: Pod,
  requests: ResourceAmounts,
  nodes: Node[],
  perNode: Map<string, FilterFailure>,
  podsOnNode: (name: string) => Pod[],
): PreemptionPlan | undefined {
  if (pod.spec.preemptionPolicy === 'Never') return undefined;
  let best: PreemptionPlan | undefined;
  let bestScore: [number, number] = [Infinity, Infinity];
  for (const node of nodes) {
    const failure = perNode.get(node.metadata.name);
    if (!failure || failure.unresolvable) continue;
    const victims = selectVictimsOnNode(pod, requests, node, podsOnNode(node.metadata.name));
    if (!victims || victims.length === 0) continue;
    const score: [number, number] = [Math.max(...victims.map(priorityOf)), victims.length];
    if (score[0] < bestScore[0] || (score[0] === bestScore[0] && score[1] < bestScore[1])) {
      best = { node, victims };
      bestScore = score;
    }
  }
  return best;
}
