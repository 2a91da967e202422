// Which panels the user folded away to give the grid room, remembered across visits under one
// key of its own (the run's key holds only the run). An embed passes no storage: it neither
// reads nor writes the visitor's choices.
import type { KeyValue } from '../../share/persistence';

/** Collapsible: the panels that can be folded; the grid, the console and a lesson always show. */
export type Collapsible = 'editor' | 'inspector' | 'events';

export type Collapsed = Record<Collapsible, boolean>;

export const PANEL_PREFS_KEY = 'daemonset-playground.panels';

export const ALL_OPEN: Collapsed = { editor: false, inspector: false, events: false };

/** loadCollapsed reads the remembered choice; anything unreadable means every panel open. */
export function loadCollapsed(storage: KeyValue | undefined): Collapsed {
  try {
    const raw = storage?.getItem(PANEL_PREFS_KEY);
    if (!raw) return ALL_OPEN;
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return ALL_OPEN;
    const v = value as Partial<Record<Collapsible, unknown>>;
    return { editor: v.editor === true, inspector: v.inspector === true, events: v.events === true };
  } catch {
    return ALL_OPEN;
  }
}

/** saveCollapsed remembers the choice; a full or blocked storage only means it is not kept. */
export function saveCollapsed(storage: KeyValue | undefined, collapsed: Collapsed): void {
  try {
    storage?.setItem(PANEL_PREFS_KEY, JSON.stringify(collapsed));
  } catch {
    // Not remembered; the panels still fold for this visit.
  }
}
