import { describe, expect, it } from 'vitest';
import {
  DEFAULT_METRICS,
  cardHeight,
  chipsPerRow,
  columnsFor,
  layoutGrid,
} from '../../../src/app/grid/gridLayout';

const m = DEFAULT_METRICS; // minCardWidth 220, gap 12, chips 128 wide with 6 gaps, padding 10

describe('gridLayout', () => {
  it.each([
    [100, 1],
    [220, 1],
    [451, 1],
    [452, 2],
    [1000, 4],
  ])('fits %i px into %i column(s) of at least minCardWidth', (width, cols) => {
    expect(columnsFor(width, m)).toBe(cols);
  });

  it.each([
    [220, 1],
    [282, 2],
    [281, 1],
  ])('fits chips into a %i px card: %i per row', (width, n) => {
    expect(chipsPerRow(width, m)).toBe(n);
  });

  it('makes a card tall enough for its resource bars, lines and chip rows, with one row when it has no pods', () => {
    const base = 2 * m.cardPadding + m.headerHeight + m.resourcesHeight + m.chipGap;
    expect(cardHeight({ lines: 0, pods: 0 }, 2, m)).toBe(base + m.chipHeight);
    expect(cardHeight({ lines: 2, pods: 3 }, 2, m)).toBe(
      base + 2 * m.lineHeight + 2 * m.chipHeight + m.chipGap,
    );
  });

  it('places cards left to right, then wraps, each row as tall as its tallest card', () => {
    const cards = [
      { id: 'a', lines: 0, pods: 1 },
      { id: 'b', lines: 3, pods: 1 },
      { id: 'c', lines: 0, pods: 1 },
    ];
    const layout = layoutGrid(cards, 500, m);
    expect(layout.columns).toBe(2);
    const [a, b, c] = layout.boxes;
    expect(a).toMatchObject({ id: 'a', x: 0, y: 0 });
    expect(b?.x).toBe(layout.cardWidth + m.gap);
    expect(a?.height).toBe(b?.height);
    expect(c).toMatchObject({ id: 'c', x: 0, y: (b?.height ?? 0) + m.gap });
    expect(layout.height).toBe((b?.height ?? 0) + m.gap + (c?.height ?? 0));
  });

  it('stretches cards up to maxCardWidth, never beyond', () => {
    expect(layoutGrid([{ id: 'a', lines: 0, pods: 0 }], 2000, m).cardWidth).toBe(m.maxCardWidth);
    expect(
      layoutGrid(
        [
          { id: 'a', lines: 0, pods: 0 },
          { id: 'b', lines: 0, pods: 0 },
        ],
        480,
        m,
      ).cardWidth,
    ).toBe(234);
  });

  it('lays out nothing as zero height', () => {
    expect(layoutGrid([], 800, m)).toMatchObject({ boxes: [], height: 0 });
  });

  it('keeps every card inside the width', () => {
    const cards = Array.from({ length: 37 }, (_, i) => ({ id: String(i), lines: i % 4, pods: i % 5 }));
    for (const width of [300, 640, 1024, 1600]) {
      const layout = layoutGrid(cards, width, m);
      for (const b of layout.boxes) expect(b.x + b.width).toBeLessThanOrEqual(width);
    }
  });
});
