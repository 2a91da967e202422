// The node grid's geometry, pure and unit-tested: how many columns fit, how wide a card is, how
// many pod chips fit on a row, and where every card goes. Cards of one row share its height so
// the grid reads as a table from the back of a room. The HTML renderer uses it today; a Canvas
// renderer for thousands of nodes can use the same numbers.

export interface GridMetrics {
  minCardWidth: number;
  maxCardWidth: number;
  gap: number;
  /** Card header (name, role, badges). */
  headerHeight: number;
  /** One label or taint line. */
  lineHeight: number;
  /** The requested-resources row (cpu and memory bars) under the header. */
  resourcesHeight: number;
  chipWidth: number;
  chipHeight: number;
  chipGap: number;
  /** Inner padding of a card, each side. */
  cardPadding: number;
}

export const DEFAULT_METRICS: GridMetrics = {
  minCardWidth: 220,
  maxCardWidth: 320,
  gap: 12,
  headerHeight: 30,
  lineHeight: 20,
  resourcesHeight: 18,
  chipWidth: 128,
  chipHeight: 26,
  chipGap: 6,
  cardPadding: 10,
};

/**
 * PRESENTER_METRICS: presenter mode's full card, drawn at 1.3× or more (nodeGrid.ts PRESENTER_FIT):
 * its chips hold 16 px text (20.8 px on screen at 1.3×; presenter.css), so they are wider and
 * taller to keep a pod's name whole, and a card may grow wide enough for two of them.
 */
export const PRESENTER_METRICS: GridMetrics = {
  ...DEFAULT_METRICS,
  maxCardWidth: 400,
  // The card's own texts are 16 px as well, on taller lines; cpu and memory take a row each.
  headerHeight: 36,
  lineHeight: 26,
  resourcesHeight: 48,
  chipWidth: 184,
  chipHeight: 32,
};

/**
 * DENSE_METRICS: the compact card a crowded grid falls back to: a name and one small square per
 * pod (its colour and revision pattern), without the resource bars and label lines.
 */
export const DENSE_METRICS: GridMetrics = {
  minCardWidth: 100,
  maxCardWidth: 200,
  gap: 8,
  headerHeight: 22,
  lineHeight: 0,
  resourcesHeight: 0,
  chipWidth: 18,
  chipHeight: 18,
  chipGap: 4,
  cardPadding: 6,
};

/** PRESENTER_DENSE_METRICS: the dense card in presenter mode, its name in 16 px (presenter.css). */
export const PRESENTER_DENSE_METRICS: GridMetrics = { ...DENSE_METRICS, headerHeight: 26 };

/** CardContent is what decides a card's height: its label/taint lines and its pod count. */
export interface CardContent {
  id: string;
  lines: number;
  pods: number;
}

export interface CardBox {
  id: string;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GridLayout {
  columns: number;
  cardWidth: number;
  chipsPerRow: number;
  /** Total height of the laid-out grid. */
  height: number;
  boxes: CardBox[];
}

/** columnsFor is how many cards of at least minCardWidth fit in `width` (at least one). */
export function columnsFor(width: number, m: GridMetrics): number {
  return Math.max(1, Math.floor((width + m.gap) / (m.minCardWidth + m.gap)));
}

/** chipsPerRow is how many chips fit side by side in a card (at least one). */
export function chipsPerRow(cardWidth: number, m: GridMetrics): number {
  const inner = cardWidth - 2 * m.cardPadding;
  return Math.max(1, Math.floor((inner + m.chipGap) / (m.chipWidth + m.chipGap)));
}

/** cardHeight: header, resource bars, one line per label/taint, and the chip rows (one empty row when no pods). */
export function cardHeight(
  content: Pick<CardContent, 'lines' | 'pods'>,
  perRow: number,
  m: GridMetrics,
): number {
  const rows = Math.max(1, Math.ceil(content.pods / perRow));
  const chips = rows * m.chipHeight + (rows - 1) * m.chipGap;
  const lines = content.lines * m.lineHeight;
  return m.cardPadding * 2 + m.headerHeight + m.resourcesHeight + lines + m.chipGap + chips;
}

/**
 * layoutGrid places cards left to right, top to bottom, in as many columns as `width` allows;
 * cards stretch to fill the row up to maxCardWidth, and each row is as tall as its tallest card.
 */
export function layoutGrid(
  cards: readonly CardContent[],
  width: number,
  m: GridMetrics = DEFAULT_METRICS,
): GridLayout {
  const columns = Math.min(columnsFor(width, m), Math.max(1, cards.length));
  const fill = Math.floor((width - (columns - 1) * m.gap) / columns);
  const cardWidth = Math.max(m.minCardWidth, Math.min(m.maxCardWidth, fill));
  const perRow = chipsPerRow(cardWidth, m);
  const boxes: CardBox[] = [];
  let y = 0;
  for (let start = 0; start < cards.length; start += columns) {
    const row = cards.slice(start, start + columns);
    const height = Math.max(...row.map((c) => cardHeight(c, perRow, m)));
    row.forEach((c, i) => boxes.push({ id: c.id, x: i * (cardWidth + m.gap), y, width: cardWidth, height }));
    y += height + m.gap;
  }
  return { columns, cardWidth, chipsPerRow: perRow, height: Math.max(0, y - m.gap), boxes };
}

/** DENSE_FROM: fewer nodes than this keep their full cards and scroll (a phone shows four well). */
export const DENSE_FROM = 9;

/** DENSE_SHRINK: the scales below 1 a dense grid may take (its 13 px names stay above 10 px). */
const DENSE_SHRINK = [0.9, 0.8];

/** FittedLayout is a layout with the zoom it is drawn at and whether it is the dense one. */
export interface FittedLayout extends GridLayout {
  scale: number;
  dense: boolean;
}

/** FitRange: the scales a grid may be drawn at (presenter mode asks for larger ones). */
export interface FitRange {
  maxScale: number;
  /** The smallest scale for full cards, and the one used when nothing fits (the box scrolls). */
  minScale: number;
  /** From how many cards the dense ones may be used (DENSE_FROM when absent). */
  denseFrom?: number;
}

export const NORMAL_FIT: FitRange = { maxScale: 1, minScale: 1 };

/**
 * fitGrid picks how to draw the cards in a `width` × `height` box without scrolling: the full
 * cards at the largest scale from `maxScale` down to `minScale`, else (from `denseFrom` cards on)
 * the dense cards likewise, a little smaller still when `minScale` is 1; when neither fits, the
 * full cards at `minScale` and the box scrolls.
 */
export function fitGrid(
  cards: readonly CardContent[],
  width: number,
  height: number,
  range: FitRange = NORMAL_FIT,
  full: GridMetrics = DEFAULT_METRICS,
  dense: GridMetrics = DENSE_METRICS,
): FittedLayout {
  const denseFrom = range.denseFrom ?? DENSE_FROM;
  const scales: number[] = [];
  for (let s = range.maxScale; s > range.minScale + 1e-9; s -= 0.1) scales.push(s);
  scales.push(range.minScale);
  for (const [metrics, isDense] of [
    [full, false],
    [dense, true],
  ] as const) {
    if (isDense && cards.length < denseFrom) break;
    const content = isDense ? cards.map((c) => ({ ...c, lines: 0 })) : cards;
    // Dense cards may shrink a little further before the grid gives up and scrolls.
    const tried = isDense && range.minScale === 1 ? [...scales, ...DENSE_SHRINK] : scales;
    for (const scale of tried) {
      const layout = layoutGrid(content, width / scale, metrics);
      if (layout.height * scale <= height) return { ...layout, scale, dense: isDense };
    }
  }
  return { ...layoutGrid(cards, width / range.minScale, full), scale: range.minScale, dense: false };
}
