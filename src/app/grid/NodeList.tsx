// The overview's accessible twin: every shown node as a focusable, labelled list item, in the
// canvas' order. Only the rows in view (and the focused one) are in the DOM, so 5,000 nodes cost
// what 30 do. Arrow keys move focus (the canvas follows), Enter inspects, Shift+F10 opens actions.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { ATTR, TID } from '../testIds';
import type { NodeCardView } from './gridView';

/** ROW_HEIGHT is one row's height in pixels (the CSS sets the same). */
export const ROW_HEIGHT = 28;
const OVERSCAN = 6;

export interface NodeListProps {
  nodes: readonly NodeCardView[];
  /** Group key per node name, shown in the row so the list reads like the picture. */
  groupOf(card: NodeCardView): string;
  selected: string | undefined;
  focused: string | undefined;
  onFocusNode(name: string): void;
  onSelectNode(name: string): void;
  onNodeMenu(name: string, x: number, y: number): void;
  label: string;
}

function rowText(card: NodeCardView): string {
  const ready = card.pods.filter((p) => p.ready).length;
  const state = card.ready === 'Ready' ? '' : ` · ${card.ready}`;
  return `${card.pods.length ? `${ready}/${card.pods.length} ready` : 'no pods'}${state}${card.cordoned ? ' · cordoned' : ''}`;
}

/** visibleRange is the [first, last] row indexes to render for a scroll position (pure). */
export function visibleRange(scrollTop: number, viewHeight: number, count: number): [number, number] {
  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(count - 1, Math.ceil((scrollTop + viewHeight) / ROW_HEIGHT) + OVERSCAN);
  return [first, last];
}

export function NodeList(props: NodeListProps) {
  const { nodes, selected, focused, onFocusNode, onSelectNode, onNodeMenu } = props;
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewHeight, setViewHeight] = useState(400);
  const wantFocus = useRef<string | null>(null);
  const focusIndex = Math.max(
    0,
    nodes.findIndex((n) => n.name === focused),
  );

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setViewHeight(el.clientHeight));
    observer.observe(el);
    return () => observer.disconnect();
  }, []);

  // A node picked on the canvas scrolls into view here too, so list and picture stay in step;
  // only when the focus moves, never against a reader scrolling the list by hand.
  const nodesNow = useRef(nodes);
  useEffect(() => {
    nodesNow.current = nodes;
  }, [nodes]);
  useEffect(() => {
    const el = box.current;
    const i = nodesNow.current.findIndex((n) => n.name === focused);
    if (!el || i < 0) return;
    const top = i * ROW_HEIGHT;
    if (top >= el.scrollTop && top + ROW_HEIGHT <= el.scrollTop + el.clientHeight) return;
    el.scrollTop = Math.max(0, top - el.clientHeight / 2);
  }, [focused]);

  // After a key moved focus, the row may only now be rendered: focus it once it is.
  useLayoutEffect(() => {
    const name = wantFocus.current;
    if (!name || !box.current) return;
    const row = box.current.querySelector<HTMLElement>(`[${ATTR.node}="${CSS.escape(name)}"]`);
    if (row) {
      wantFocus.current = null;
      row.focus({ preventScroll: true });
    }
  });

  const moveTo = useCallback(
    (index: number) => {
      const el = box.current;
      const card = nodes[Math.max(0, Math.min(nodes.length - 1, index))];
      if (!el || !card) return;
      const i = nodes.indexOf(card);
      const top = i * ROW_HEIGHT;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + ROW_HEIGHT > el.scrollTop + el.clientHeight)
        el.scrollTop = top + ROW_HEIGHT - el.clientHeight;
      setScrollTop(el.scrollTop);
      wantFocus.current = card.name;
      onFocusNode(card.name);
    },
    [nodes, onFocusNode],
  );

  function onKeyDown(ev: KeyboardEvent<HTMLDivElement>): void {
    const page = Math.max(1, Math.floor(viewHeight / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = {
      ArrowDown: focusIndex + 1,
      ArrowUp: focusIndex - 1,
      PageDown: focusIndex + page,
      PageUp: focusIndex - page,
      Home: 0,
      End: nodes.length - 1,
    };
    const card = nodes[focusIndex];
    if (ev.key in moves) {
      ev.preventDefault();
      moveTo(moves[ev.key] ?? 0);
    } else if ((ev.key === 'Enter' || ev.key === ' ') && card) {
      ev.preventDefault();
      onSelectNode(card.name);
    } else if ((ev.key === 'ContextMenu' || (ev.key === 'F10' && ev.shiftKey)) && card) {
      ev.preventDefault();
      const rect = (ev.target as HTMLElement).getBoundingClientRect();
      onNodeMenu(card.name, rect.left + 24, rect.top + 24);
    }
  }

  const [first, last] = visibleRange(scrollTop, viewHeight, nodes.length);
  const indexes: number[] = [];
  for (let i = first; i <= last; i++) indexes.push(i);
  // The focused row stays in the DOM even when scrolled away, so Tab always lands on it.
  if (nodes.length > 0 && (focusIndex < first || focusIndex > last)) indexes.push(focusIndex);

  return (
    <div
      ref={box}
      className="node-list"
      role="list"
      aria-label={props.label}
      data-testid={TID.nodeList}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
    >
      <div className="node-list__spacer" style={{ height: nodes.length * ROW_HEIGHT }}>
        {indexes.map((i) => {
          const card = nodes[i]!;
          return (
            <div
              key={card.name}
              role="listitem"
              className={`node-list__row${card.name === selected ? ' is-selected' : ''}`}
              style={{ top: i * ROW_HEIGHT }}
              tabIndex={i === focusIndex ? 0 : -1}
              aria-setsize={nodes.length}
              aria-posinset={i + 1}
              aria-label={card.ariaLabel}
              aria-current={card.name === selected ? 'true' : undefined}
              {...{ [ATTR.node]: card.name }}
              onFocus={() => card.name !== focused && onFocusNode(card.name)}
              onClick={() => onSelectNode(card.name)}
              onContextMenu={(e) => {
                e.preventDefault();
                onNodeMenu(card.name, e.clientX, e.clientY);
              }}
            >
              <span className="node-list__name">{card.name}</span>
              <span className="node-list__group">{props.groupOf(card)}</span>
              <span className="node-list__state">{rowText(card)}</span>
            </div>
          );
        })}
      </div>
    </div>
  );
}
