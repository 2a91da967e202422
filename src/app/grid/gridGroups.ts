// Grouping the overview's nodes by a label people think in: the zone, the node pool, the role.
// Pure, so the canvas and the accessible list group the same way and tests pin it.
import type { NodeCardView } from './gridView';

/** GroupBy is what the overview groups by; 'none' puts every node in one group. */
export type GroupBy = 'zone' | 'pool' | 'role' | 'none';

export const GROUP_BY_OPTIONS: readonly { value: GroupBy; label: string }[] = [
  { value: 'zone', label: 'By zone' },
  { value: 'pool', label: 'By node pool' },
  { value: 'role', label: 'By role' },
  { value: 'none', label: 'No groups' },
];

// The label keys each grouping reads, first match wins: the well-known topology label, then the
// cloud providers' node pool labels (GKE, EKS, AKS) and the playground's own `pool`.
const LABEL_KEYS: Record<'zone' | 'pool', readonly string[]> = {
  zone: ['topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone'],
  pool: ['pool', 'cloud.google.com/gke-nodepool', 'eks.amazonaws.com/nodegroup', 'agentpool'],
};

/** NO_VALUE names the group of nodes that lack the label. */
export const NO_VALUE = '(none)';

/** labelValue reads a label from a card's `key=value` texts; undefined when the node lacks it. */
export function labelValue(card: Pick<NodeCardView, 'labels'>, key: string): string | undefined {
  const prefix = `${key}=`;
  for (const l of card.labels) {
    if (l.text.startsWith(prefix)) return l.text.slice(prefix.length);
    if (l.text === key) return '';
  }
  return undefined;
}

/** groupKeyOf is the group a node falls in under `by`. */
export function groupKeyOf(card: Pick<NodeCardView, 'labels' | 'role'>, by: GroupBy): string {
  if (by === 'none') return 'all nodes';
  if (by === 'role') return card.role;
  for (const key of LABEL_KEYS[by]) {
    const v = labelValue(card, key);
    if (v !== undefined) return v || NO_VALUE;
  }
  return NO_VALUE;
}

/** defaultGroupBy is zone when any node has one, else pool, else role. */
export function defaultGroupBy(cards: readonly Pick<NodeCardView, 'labels' | 'role'>[]): GroupBy {
  for (const by of ['zone', 'pool'] as const)
    if (cards.some((c) => groupKeyOf(c, by) !== NO_VALUE)) return by;
  return 'role';
}

/** NodeGroup is the nodes sharing one value, in the order given. */
export interface NodeGroup<T> {
  key: string;
  nodes: T[];
}

/**
 * groupNodes splits `cards` by `by`; groups are sorted by key, the nodes-without-value group
 * last. `keyOf` may remember keys (cards are rebuilt only when their node changes).
 */
export function groupNodes<T extends Pick<NodeCardView, 'labels' | 'role'>>(
  cards: readonly T[],
  by: GroupBy,
  keyOf: (card: T) => string = (card) => groupKeyOf(card, by),
): NodeGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const card of cards) {
    const key = keyOf(card);
    let list = groups.get(key);
    if (!list) groups.set(key, (list = []));
    list.push(card);
  }
  return [...groups.entries()]
    .map(([key, nodes]) => ({ key, nodes }))
    .sort((a, b) =>
      a.key === NO_VALUE ? 1 : b.key === NO_VALUE ? -1 : a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
    );
}

/** rememberedGroupKey returns groupKeyOf for `by`, remembered per card object. */
export function rememberedGroupKey(by: GroupBy): (card: NodeCardView) => string {
  const keys = new WeakMap<NodeCardView, string>();
  return (card) => {
    let key = keys.get(card);
    if (key === undefined) keys.set(card, (key = groupKeyOf(card, by)));
    return key;
  };
}
