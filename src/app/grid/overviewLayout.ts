// The overview's geometry, pure and unit-tested: groups stacked top to bottom, each a header
// line over a block of square cells (one per node), with the cell size chosen so the whole
// cluster fits the viewport when it can. Zoom (d3-zoom) scales this world; hit-testing inverts it.
import type { NodeGroup } from './gridGroups';

export interface OverviewMetrics {
  minCell: number;
  maxCell: number;
  /** Space between cells. */
  gap: number;
  headerHeight: number;
  /** Space between two groups. */
  groupGap: number;
  padding: number;
}

export const OVERVIEW_METRICS: OverviewMetrics = {
  minCell: 4,
  maxCell: 40,
  gap: 1,
  headerHeight: 22,
  groupGap: 10,
  padding: 8,
};

/** GroupBox is one group's place: its header at `y`, its first cell row at `y + headerHeight`. */
export interface GroupBox<T> {
  key: string;
  nodes: readonly T[];
  y: number;
  columns: number;
  rows: number;
  height: number;
}

export interface OverviewLayout<T> {
  cell: number;
  /** cell + gap: the distance between two cells' origins. */
  pitch: number;
  columns: number;
  width: number;
  height: number;
  groups: GroupBox<T>[];
  metrics: OverviewMetrics;
}

function place<T>(groups: readonly NodeGroup<T>[], width: number, cell: number, m: OverviewMetrics) {
  const pitch = cell + m.gap;
  const columns = Math.max(1, Math.floor((width - 2 * m.padding + m.gap) / pitch));
  let y = m.padding;
  const boxes = groups.map((g): GroupBox<T> => {
    const rows = Math.max(1, Math.ceil(g.nodes.length / columns));
    const height = m.headerHeight + rows * pitch;
    const box = { key: g.key, nodes: g.nodes, y, columns, rows, height };
    y += height + m.groupGap;
    return box;
  });
  return { cell, pitch, columns, width, height: y - m.groupGap + m.padding, groups: boxes, metrics: m };
}

/**
 * layoutOverview picks the largest cell size (from maxCell down to minCell) at which every group
 * fits in `height`; when none does, the smallest, and the view scrolls by panning.
 */
export function layoutOverview<T>(
  groups: readonly NodeGroup<T>[],
  width: number,
  height: number,
  m: OverviewMetrics = OVERVIEW_METRICS,
): OverviewLayout<T> {
  let layout = place(groups, width, m.minCell, m);
  for (let cell = m.maxCell; cell > m.minCell; cell--) {
    const tried = place(groups, width, cell, m);
    if (tried.height <= height) {
      layout = tried;
      break;
    }
  }
  return layout;
}

/** CellRect is where a node's cell is drawn, in layout coordinates. */
export interface CellRect<T> {
  node: T;
  x: number;
  y: number;
  size: number;
}

/** cellRect is the rectangle of the `index`th node of group `g`. */
export function cellRect<T>(
  layout: OverviewLayout<T>,
  g: GroupBox<T>,
  index: number,
): CellRect<T> | undefined {
  const node = g.nodes[index];
  if (node === undefined) return undefined;
  const col = index % g.columns;
  const row = Math.floor(index / g.columns);
  return {
    node,
    x: layout.metrics.padding + col * layout.pitch,
    y: g.y + layout.metrics.headerHeight + row * layout.pitch,
    size: layout.cell,
  };
}

/** cellAt is the node whose cell holds the layout point (x, y), if any (gaps hit nothing). */
export function cellAt<T>(layout: OverviewLayout<T>, x: number, y: number): CellRect<T> | undefined {
  const m = layout.metrics;
  const col = Math.floor((x - m.padding) / layout.pitch);
  if (col < 0 || col >= layout.columns || x - m.padding - col * layout.pitch > layout.cell) return undefined;
  for (const g of layout.groups) {
    const top = g.y + m.headerHeight;
    if (y < top || y >= g.y + g.height) continue;
    const row = Math.floor((y - top) / layout.pitch);
    if (y - top - row * layout.pitch > layout.cell) return undefined;
    return cellRect(layout, g, row * g.columns + col);
  }
  return undefined;
}

/** findCell is the cell of the node `match` picks, if it is laid out. */
export function findCell<T>(layout: OverviewLayout<T>, match: (node: T) => boolean): CellRect<T> | undefined {
  for (const g of layout.groups) {
    const i = g.nodes.findIndex(match);
    if (i >= 0) return cellRect(layout, g, i);
  }
  return undefined;
}
