import { describe, expect, it } from 'vitest';
import { DENSE_FROM, fitGrid, layoutGrid } from '../../../src/app/grid/gridLayout';

// Cards like the default scenario's: one label line, one daemon pod each.
const cards = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `node-${i}`, lines: 1, pods: 1 }));

describe('fitGrid: the grid fits its nodes to the room it has', () => {
  it.each([
    // nodes, width, height, presenter max scale → full or dense, scale
    [4, 620, 300, 1, false, 1],
    [4, 1300, 700, 1.6, false, 1.6],
    [24, 603, 320, 1, true, 1],
    [24, 603, 230, 1, true, 0.9],
  ])('%i nodes in %i×%i (max scale %f): dense %s at scale %f', (n, width, height, max, dense, scale) => {
    const fitted = fitGrid(cards(n), width, height, { maxScale: max, minScale: 1 });
    expect(fitted.dense).toBe(dense);
    expect(fitted.scale).toBeCloseTo(scale, 5);
    expect(fitted.height * fitted.scale).toBeLessThanOrEqual(height);
    expect(fitted.boxes).toHaveLength(n);
  });

  it('presenter mode keeps its smallest scale and scrolls when nothing fits larger', () => {
    const fitted = fitGrid(cards(24), 900, 200, { maxScale: 1.6, minScale: 1.3 });
    expect(fitted).toMatchObject({ dense: false, scale: 1.3 });
    expect(fitted.height * fitted.scale).toBeGreaterThan(200);
  });

  it('keeps full cards and scrolls when even dense cards do not fit', () => {
    const fitted = fitGrid(cards(300), 600, 300);
    expect(fitted).toMatchObject({ dense: false, scale: 1 });
    expect(fitted.height).toBe(layoutGrid(cards(300), 600).height);
  });

  it(`keeps full cards below ${DENSE_FROM} nodes (a phone shows four well and scrolls)`, () => {
    expect(fitGrid(cards(DENSE_FROM - 1), 340, 300)).toMatchObject({ dense: false, scale: 1 });
    expect(fitGrid(cards(DENSE_FROM), 340, 300).dense).toBe(true);
    // An embed's small frame shows even a few nodes whole.
    expect(fitGrid(cards(5), 860, 110, { maxScale: 1, minScale: 1, denseFrom: 1 }).dense).toBe(true);
  });
});
