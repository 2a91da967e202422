// One panel's place in the page: on a wide screen it can be folded to a bar (its body stays
// mounted, so the editor keeps its undo history); on a narrow one it shows only on its tab.
import type { ReactNode } from 'react';
import type { PanelId } from '../embed';
import { TID } from '../testIds';

export interface Fold {
  collapsed: boolean;
  /** What the fold button names: "editor", "inspector", "events". */
  label: string;
  onToggle(): void;
}

export function Slot({
  name,
  tab,
  visible,
  fold,
  id,
  children,
}: {
  /** The slot's own name (data-slot); several slots can share a tab. */
  name: string;
  tab: PanelId;
  /** False when the tabs show another panel. */
  visible: boolean;
  fold?: Fold | undefined;
  id?: string;
  children: ReactNode;
}) {
  const collapsed = fold?.collapsed ?? false;
  return (
    <div
      className={`slot slot--${name}${collapsed ? ' is-collapsed' : ''}${visible ? '' : ' is-off-tab'}`}
      data-slot={name}
      data-tab={tab}
      id={id}
      tabIndex={id ? -1 : undefined}
    >
      {fold && (
        <button
          type="button"
          className={collapsed ? 'slot__rail' : 'slot__fold'}
          data-testid={TID.panelFold}
          data-panel={name}
          aria-expanded={!collapsed}
          aria-label={collapsed ? `Show the ${fold.label}` : `Hide the ${fold.label}`}
          title={collapsed ? `Show the ${fold.label}` : `Hide the ${fold.label} to give the grid room`}
          onClick={fold.onToggle}
        >
          {collapsed ? <span className="slot__rail-label">{fold.label}</span> : '–'}
        </button>
      )}
      <div className="slot__body" hidden={collapsed}>
        {children}
      </div>
    </div>
  );
}
