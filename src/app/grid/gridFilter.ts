// The overview's filter: text over a node's name, role and labels, and states worth finding in
// a big cluster (NotReady, cordoned, pods pending, crashing or on an old revision). Pure.
import type { NodeCardView } from './gridView';

/** NodeState is a state the filter can ask for; a node matches when it has any asked-for state. */
export type NodeState = 'notReady' | 'cordoned' | 'pending' | 'crash' | 'oldRevision';

export const NODE_STATES: readonly { value: NodeState; label: string }[] = [
  { value: 'notReady', label: 'NotReady' },
  { value: 'cordoned', label: 'Cordoned' },
  { value: 'pending', label: 'Pending pods' },
  { value: 'crash', label: 'Crashing pods' },
  { value: 'oldRevision', label: 'Old revision' },
];

export interface GridFilter {
  /** Words that must all appear in the name, role or a `key=value` label (case-insensitive). */
  text: string;
  states: ReadonlySet<NodeState>;
}

/** hasState tells whether a node is in `state`. */
export function hasState(card: NodeCardView, state: NodeState): boolean {
  switch (state) {
    case 'notReady':
      return card.ready !== 'Ready';
    case 'cordoned':
      return card.cordoned;
    case 'pending':
      return card.pods.some((p) => p.tone === 'pending' || p.tone === 'creating');
    case 'crash':
      return card.pods.some((p) => p.tone === 'crash');
    case 'oldRevision':
      return card.pods.some((p) => p.revisionAge === 'old');
  }
}

/** isFiltering: the filter would hide something. */
export function isFiltering(filter: GridFilter): boolean {
  return filter.text.trim() !== '' || filter.states.size > 0;
}

/** filterWords splits the text into lower-case words. */
export function filterWords(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}

/** matchesFilter: every word matches the name, role or a label, and (when states are asked) any state holds. */
export function matchesFilter(
  card: NodeCardView,
  words: readonly string[],
  states: ReadonlySet<NodeState>,
): boolean {
  for (const word of words) {
    const hit =
      card.name.toLowerCase().includes(word) ||
      card.role.toLowerCase().includes(word) ||
      card.labels.some((l) => l.text.toLowerCase().includes(word));
    if (!hit) return false;
  }
  if (states.size === 0) return true;
  for (const s of states) if (hasState(card, s)) return true;
  return false;
}

/** filterNodes keeps the cards that match, in order. */
export function filterNodes(cards: readonly NodeCardView[], filter: GridFilter): NodeCardView[] {
  if (!isFiltering(filter)) return [...cards];
  const words = filterWords(filter.text);
  return cards.filter((c) => matchesFilter(c, words, filter.states));
}
