// The thin React wrapper around the D3 grid: create once, update when the cluster or the
// selection changes, destroy on unmount.
import { useEffect, useMemo, useRef } from 'react';
import { listCluster } from '../model/cluster';
import { appStore, useAppStore } from '../store';
import { TID } from '../testIds';
import type { GridView } from './gridView';
import { buildGridView } from './gridView';
import type { GridDisplay, NodeGridRenderer } from './nodeGrid';
import { createNodeGrid } from './nodeGrid';
import { preemptedPods } from './workloads';

export function NodeGrid({
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

/** useGridView derives the grid's view from the store's objects (and, for preemption, its events). */
export function useGridView(): GridView {
  const objects = useAppStore((s) => s.objects);
  const events = useAppStore((s) => s.events);
  // Keyed by content, so a new event that preempts nobody does not rebuild the grid.
  const preemptedKey = useMemo(() => [...preemptedPods(events)].join('\n'), [events]);
  const preempted = useMemo(() => new Set(preemptedKey ? preemptedKey.split('\n') : []), [preemptedKey]);
  return useMemo(() => buildGridView(listCluster(objects), preempted), [objects, preempted]);
}
