// The page's layout state as hooks: narrow screens (tabs instead of columns) and the folded panels.
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import { browserStorage } from '../../share/persistence';
import { EMBED } from '../embed';
import type { Collapsed, Collapsible } from './panelPrefs';
import { loadCollapsed, saveCollapsed } from './panelPrefs';

/**
 * NARROW_QUERY: below 1,024 px three columns do not fit; the panels become tabs. An embed shows
 * fewer panels in less room (a course page's column), so it keeps its columns down to 600 px.
 */
export const NARROW_QUERY = EMBED ? '(max-width: 599.98px)' : '(max-width: 1023.98px)';

function subscribeNarrow(fn: () => void): () => void {
  const query = matchMedia(NARROW_QUERY);
  query.addEventListener('change', fn);
  return () => query.removeEventListener('change', fn);
}

/** useNarrow is true while the viewport is narrower than a small laptop. */
export function useNarrow(): boolean {
  return useSyncExternalStore(
    subscribeNarrow,
    () => matchMedia(NARROW_QUERY).matches,
    () => false,
  );
}

// An embed keeps no preferences (embed.ts): the storage is absent.
const storage = () => (EMBED ? undefined : browserStorage());

/** useCollapsed is the folded panels and a toggle for one, remembered between visits. */
export function useCollapsed(): [Collapsed, (panel: Collapsible) => void] {
  const [collapsed, setCollapsed] = useState<Collapsed>(() => loadCollapsed(storage()));
  useEffect(() => saveCollapsed(storage(), collapsed), [collapsed]);
  const toggle = useCallback((panel: Collapsible) => setCollapsed((c) => ({ ...c, [panel]: !c[panel] })), []);
  return [collapsed, toggle];
}
