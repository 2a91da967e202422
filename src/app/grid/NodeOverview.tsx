// The grid for big clusters: nodes grouped by a label (zone, pool, role), filtered by text and
// state, drawn on a zoomable canvas, with the accessible list of the same nodes beside it.
// React holds the choices; the canvas renderer (overviewCanvas.ts) only draws.
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { gridPainted } from '../firstPaint';
import { appStore } from '../store';
import { TID } from '../testIds';
import type { GridFilter, NodeState } from './gridFilter';
import { NODE_STATES, filterNodes, hasState, isFiltering } from './gridFilter';
import type { GroupBy, NodeGroup } from './gridGroups';
import { GROUP_BY_OPTIONS, defaultGroupBy, groupNodes, rememberedGroupKey } from './gridGroups';
import type { GridView, NodeCardView } from './gridView';
import { NodeList } from './NodeList';
import type { OverviewRenderer } from './overviewCanvas';
import { createOverview } from './overviewCanvas';

const count = new Intl.NumberFormat('en');

/** groupHeader is the line over a group: its value, its size, and what needs attention. */
export function groupHeader(g: NodeGroup<NodeCardView>): string {
  let notReady = 0;
  let old = 0;
  let pods = 0;
  for (const card of g.nodes) {
    if (hasState(card, 'notReady')) notReady++;
    for (const p of card.pods) {
      pods++;
      if (p.revisionAge === 'old') old++;
    }
  }
  const parts = [`${g.key} · ${count.format(g.nodes.length)} nodes · ${count.format(pods)} pods`];
  if (notReady) parts.push(`${count.format(notReady)} NotReady`);
  if (old) parts.push(`${count.format(old)} on an old revision`);
  return parts.join(' · ');
}

// The zoom buttons beside the filter: in, out (by a factor), and back to the whole cluster.
const ZOOM_BUTTONS = [
  { label: 'Zoom in', testId: TID.gridZoomIn, text: '+', factor: 2 },
  { label: 'Zoom out', testId: TID.gridZoomOut, text: '−', factor: 0.5 },
  { label: 'Fit the cluster', testId: TID.gridZoomReset, text: 'Fit', factor: undefined },
];

export function NodeOverview({
  view,
  selected,
  onNodeMenu,
}: {
  view: GridView;
  selected: string | undefined;
  onNodeMenu(name: string, x: number, y: number): void;
}) {
  const host = useRef<HTMLDivElement>(null);
  const renderer = useRef<OverviewRenderer | null>(null);
  const [groupBy, setGroupBy] = useState<GroupBy | null>(null);
  const [text, setText] = useState('');
  const [states, setStates] = useState<ReadonlySet<NodeState>>(new Set());
  const [focused, setFocused] = useState<string | undefined>(undefined);
  const menu = useRef(onNodeMenu);
  useEffect(() => {
    menu.current = onNodeMenu;
  }, [onNodeMenu]);
  // A cluster that opens past the card threshold is first painted here (NodeGrid waits for it).
  useEffect(gridPainted, []);

  const by = groupBy ?? defaultGroupBy(view.nodes);
  // Typing stays responsive at 5,000 nodes: the filter runs on a deferred copy of the text.
  const deferredText = useDeferredValue(text);
  const filter = useMemo<GridFilter>(() => ({ text: deferredText, states }), [deferredText, states]);
  const shown = useMemo(() => filterNodes(view.nodes, filter), [view.nodes, filter]);
  // A card is a new object only when its node or pods changed, so its group key can be kept.
  const groupOf = useMemo(() => rememberedGroupKey(by), [by]);
  const groups = useMemo(() => groupNodes(shown, by, groupOf), [shown, by, groupOf]);
  const ordered = useMemo(() => groups.flatMap((g) => g.nodes), [groups]);
  const headers = useMemo(() => new Map(groups.map((g) => [g.key, groupHeader(g)])), [groups]);

  useEffect(() => {
    if (!host.current) return;
    const r = createOverview(host.current, {
      onSelectNode: (name) => {
        setFocused(name);
        appStore.getState().select({ kind: 'node', name });
      },
      onNodeMenu: (name, x, y) => menu.current(name, x, y),
    });
    renderer.current = r;
    return () => {
      r.destroy();
      renderer.current = null;
    };
  }, []);

  useEffect(() => {
    renderer.current?.update({ groups, headers, selected, focused });
  }, [groups, headers, selected, focused]);

  const onFocusNode = useCallback((name: string) => {
    setFocused(name);
    renderer.current?.reveal(name);
  }, []);
  const onSelectNode = useCallback((name: string) => {
    setFocused(name);
    renderer.current?.reveal(name);
    appStore.getState().select({ kind: 'node', name });
  }, []);

  const total = view.nodes.length;
  const showing = isFiltering(filter)
    ? `${count.format(shown.length)} of ${count.format(total)} nodes`
    : `${count.format(total)} nodes`;

  return (
    <div className="overview" data-testid={TID.gridOverview}>
      <div className="overview__toolbar" role="toolbar" aria-label="Overview controls">
        <label className="overview__field">
          {/* The options say "By zone", so the label is for screen readers only. */}
          <span className="visually-hidden">Group nodes</span>
          <select
            value={by}
            data-testid={TID.gridGroupBy}
            onChange={(e) => setGroupBy(e.target.value as GroupBy)}
          >
            {GROUP_BY_OPTIONS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
        <input
          type="search"
          className="overview__filter"
          placeholder="Filter: name or label"
          aria-label="Filter nodes by name or label"
          data-testid={TID.gridFilter}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <select
          className="overview__state"
          aria-label="Only nodes that are"
          data-testid={TID.gridStateFilter}
          value={[...states][0] ?? ''}
          onChange={(e) => setStates(e.target.value ? new Set([e.target.value as NodeState]) : new Set())}
        >
          <option value="">Any state</option>
          {NODE_STATES.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
        <span className="overview__zoom" role="group" aria-label="Zoom">
          {ZOOM_BUTTONS.map((b) => (
            <button
              key={b.testId}
              type="button"
              className="button button--small"
              aria-label={b.label}
              data-testid={b.testId}
              onClick={() => (b.factor ? renderer.current?.zoomBy(b.factor) : renderer.current?.resetZoom())}
            >
              {b.text}
            </button>
          ))}
        </span>
        <span className="overview__showing" role="status" data-testid={TID.gridShowing}>
          {showing}
        </span>
      </div>
      <div className="overview__body">
        <div ref={host} className="overview__picture" data-testid={TID.gridCanvas} />
        <NodeList
          nodes={ordered}
          groupOf={groupOf}
          selected={selected}
          focused={focused}
          onFocusNode={onFocusNode}
          onSelectNode={onSelectNode}
          onNodeMenu={(name, x, y) => menu.current(name, x, y)}
          label={`Nodes, ${showing.toLowerCase()}. Arrow keys move, Enter inspects, Shift+F10 opens actions.`}
        />
      </div>
    </div>
  );
}
