// On a narrow screen the panels are tabs, the grid first: one panel fills the screen at a time.
import type { KeyboardEvent } from 'react';
import type { PanelId } from '../embed';
import { TID } from '../testIds';

export const TAB_LABELS: Record<PanelId, string> = {
  grid: 'Grid',
  story: 'Story',
  console: 'Console',
  editor: 'Editor',
  events: 'Events',
};

export function PanelTabs({
  panels,
  active,
  onSelect,
  lesson,
}: {
  panels: readonly PanelId[];
  active: PanelId;
  onSelect(panel: PanelId): void;
  /** With a lesson loaded the story tab is the lesson. */
  lesson: boolean;
}) {
  // Arrow keys move between tabs, as in any tab list.
  const onKeyDown = (e: KeyboardEvent) => {
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = panels[(panels.indexOf(active) + step + panels.length) % panels.length];
    if (next) {
      onSelect(next);
      document.getElementById(`panel-tab-${next}`)?.focus();
    }
  };
  return (
    <div
      className="panel-tabs"
      role="tablist"
      aria-label="Panels"
      data-testid={TID.panelTabs}
      onKeyDown={onKeyDown}
    >
      {panels.map((p) => (
        <button
          key={p}
          type="button"
          role="tab"
          id={`panel-tab-${p}`}
          data-panel={p}
          aria-selected={p === active}
          tabIndex={p === active ? 0 : -1}
          className={`panel-tab${p === active ? ' is-active' : ''}`}
          onClick={() => onSelect(p)}
        >
          {p === 'story' && lesson ? 'Lesson' : TAB_LABELS[p]}
        </button>
      ))}
    </div>
  );
}
