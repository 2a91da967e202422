// Skip links: the first stops of the Tab order, shown when focused, that jump past the top bar
// and the editor to the grid, the console or the inspector (on a phone, switching to its tab).
import type { PanelId } from '../embed';
import { TID } from '../testIds';

export interface SkipTarget {
  label: string;
  panel: PanelId;
  /** What receives focus: the first match of these selectors. */
  selector: string;
}

export const SKIP_TARGETS: readonly SkipTarget[] = [
  {
    label: 'Skip to the node grid',
    panel: 'grid',
    selector: `.node-grid[tabindex="0"], [data-testid="${TID.nodeList}"]`,
  },
  { label: 'Skip to the console', panel: 'console', selector: `[data-testid="${TID.consoleInput}"]` },
  { label: 'Skip to the inspector', panel: 'story', selector: '#inspector-slot' },
];

/** focusTarget focuses a skip target once its panel is on screen (the next frame after a tab switch). */
export function focusTarget(target: SkipTarget): void {
  requestAnimationFrame(() => {
    const el = document.querySelector<HTMLElement>(target.selector);
    el?.focus();
    el?.scrollIntoView({ block: 'nearest' });
  });
}

export function SkipLinks({ onShow, panels }: { onShow(panel: PanelId): void; panels: readonly PanelId[] }) {
  return (
    <nav className="skip-links" aria-label="Skip links" data-testid={TID.skipLinks}>
      {SKIP_TARGETS.filter((t) => panels.includes(t.panel)).map((t) => (
        <a
          key={t.panel}
          className="skip-link"
          href={`#skip-${t.panel}`}
          onClick={(e) => {
            // The fragment is the share link's place: focus moves without touching the address.
            e.preventDefault();
            onShow(t.panel);
            focusTarget(t);
          }}
        >
          {t.label}
        </a>
      ))}
    </nav>
  );
}
