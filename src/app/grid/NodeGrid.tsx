// The thin React wrapper around the grid renderers: node cards (D3 over HTML) for clusters a
// person reads card by card, the grouped canvas overview past OVERVIEW_THRESHOLD nodes. Each is
// created once, updated when the view or the selection changes, destroyed on unmount.
import { Suspense, lazy, useEffect, useRef } from 'react';
import { gridPainted } from '../firstPaint';
import { appStore, useAppStore } from '../store';
import { useAppServices } from '../store/services';
import { TID } from '../testIds';
import type { GridView } from './gridView';
import { gridViewSource, useGridViewFrom } from './gridViewStore';
import type { GridDisplay, NodeGridRenderer } from './nodeGrid';
import { createNodeGrid } from './nodeGrid';

// The overview (its canvas, grouping and d3-zoom) is a chunk of its own, fetched when a cluster
// first grows past OVERVIEW_THRESHOLD: a card grid's first paint does not wait for it.
const NodeOverview = lazy(() => import('./NodeOverview').then((m) => ({ default: m.NodeOverview })));

/**
 * OVERVIEW_THRESHOLD: above this many nodes the grid shows the overview. Cards stay readable
 * and fast to a few hundred; past that a person needs grouping and zoom, not more cards.
 */
export const OVERVIEW_THRESHOLD = 200;

function CardGrid({
  view,
  display,
  onNodeMenu,
}: {
  view: GridView;
  display: GridDisplay;
  onNodeMenu(name: string, x: number, y: number): void;
}) {
  const el = useRef<HTMLDivElement>(null);
  const grid = useRef<NodeGridRenderer | null>(null);
  const selection = useAppStore((s) => s.selection);
  const menu = useRef(onNodeMenu);
  useEffect(() => {
    menu.current = onNodeMenu;
  }, [onNodeMenu]);

  useEffect(() => {
    if (!el.current) return;
    const renderer = createNodeGrid(el.current, {
      onSelectNode: (name) => appStore.getState().select({ kind: 'node', name }),
      onSelectPod: (uid) => appStore.getState().select({ kind: 'pod', uid }),
      onNodeMenu: (name, x, y) => menu.current(name, x, y),
    });
    grid.current = renderer;
    return () => {
      renderer.destroy();
      grid.current = null;
    };
  }, []);

  useEffect(() => {
    grid.current?.update(
      view,
      {
        node: selection?.kind === 'node' ? selection.name : undefined,
        pod: selection?.kind === 'pod' ? selection.uid : undefined,
      },
      display,
    );
  }, [view, selection, display]);

  return (
    <div
      ref={el}
      className="node-grid"
      role="list"
      tabIndex={0}
      aria-label={`Cluster nodes (${view.nodes.length}). Arrow keys move between nodes, Enter inspects, Shift+F10 opens actions.`}
      data-testid={TID.nodeGrid}
    />
  );
}

export function NodeGrid(props: {
  view: GridView;
  display: GridDisplay;
  onNodeMenu(name: string, x: number, y: number): void;
}) {
  const selected = useAppStore((s) => (s.selection?.kind === 'node' ? s.selection.name : undefined));
  const hasNodes = props.view.nodes.length > 0;
  const overview = props.view.nodes.length > OVERVIEW_THRESHOLD;
  // The first node on screen releases what waits for the first paint (the editor, above all);
  // the overview says so itself once its chunk is in and it has drawn.
  useEffect(() => {
    if (hasNodes && !overview) gridPainted();
  }, [hasNodes, overview]);
  if (!overview) return <CardGrid {...props} />;
  return (
    <div className="node-grid node-grid--overview" data-testid={TID.nodeGrid}>
      <Suspense fallback={null}>
        <NodeOverview view={props.view} selected={selected} onNodeMenu={props.onNodeMenu} />
      </Suspense>
    </div>
  );
}

/** useGridView is the grid's view, kept from the mirror's diffs (gridViewStore.ts). */
export function useGridView(): GridView {
  const { mirror } = useAppServices();
  return useGridViewFrom(gridViewSource(mirror, appStore));
}
