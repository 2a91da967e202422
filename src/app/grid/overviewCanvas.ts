// The overview renderer for big clusters: one <canvas>, D3 for zoom and pan (d3-zoom) and the
// colour transitions, drawing only the cells in view, batched by colour. Framework-free like
// nodeGrid.ts: React mounts it and calls update. The canvas is a picture for pointers; the
// accessible list of nodes (NodeList.tsx) is what keyboards and screen readers use.
import type { D3ZoomEvent, ZoomBehavior, ZoomTransform } from 'd3';
import { select, zoom, zoomIdentity } from 'd3';
import { ATTR } from '../testIds';
import type { NodeGroup } from './gridGroups';
import type { NodeCardView } from './gridView';
import type { OverviewLayout } from './overviewLayout';
import { cellAt, cellRect, findCell, layoutOverview } from './overviewLayout';
import type { Palette } from './overviewPaint';
import { Batches, PodColours, paintCell, readPalette } from './overviewPaint';
import { reducedMotion } from './podChips';

export interface OverviewOptions {
  onSelectNode(name: string): void;
  onNodeMenu(name: string, x: number, y: number): void;
}

/** OverviewModel is what the overview shows: grouped, filtered nodes and what is selected. */
export interface OverviewModel {
  groups: readonly NodeGroup<NodeCardView>[];
  /** A one-line summary per group key, drawn in its header. */
  headers: ReadonlyMap<string, string>;
  selected?: string | undefined;
  focused?: string | undefined;
}

export interface OverviewRenderer {
  update(model: OverviewModel): void;
  zoomBy(factor: number): void;
  resetZoom(): void;
  /** reveal pans so the node's cell is in view (keyboard focus in the list moves the picture). */
  reveal(name: string): void;
  destroy(): void;
}

type Layout = OverviewLayout<NodeCardView>;

// Past this on-screen cell size, node names fit inside their cells.
const NAME_MIN_PX = 46;
const MAX_ZOOM = 40;

/** createOverview renders `model` into `el` (which the caller owns and sizes). */
export function createOverview(el: HTMLElement, opts: OverviewOptions): OverviewRenderer {
  const canvas = document.createElement('canvas');
  canvas.className = 'overview__canvas';
  // The list beside it carries every node for assistive technology; the picture would repeat it.
  canvas.setAttribute('aria-hidden', 'true');
  // What the picture's marks mean, for whoever hovers between cells.
  el.title =
    'One cell per node, one stripe per pod in its state colour; a pale stripe is a pod on an old revision. ' +
    'The top bar is red when the node is NotReady, amber when it is cordoned.';
  el.appendChild(canvas);
  el.setAttribute(ATTR.zoom, '1.00');
  const ctx = canvas.getContext('2d', { alpha: false });
  let model: OverviewModel = { groups: [], headers: new Map() };
  let width = 0;
  let height = 0;
  let layout: Layout = layoutOverview([], 0, 0);
  let transform: ZoomTransform = zoomIdentity;
  let theme = '';
  let palette: Palette = readPalette(el);
  const colours = new PodColours(palette, !reducedMotion());
  let cards = new Map<string, NodeCardView>();
  let frame = 0;

  const behaviour: ZoomBehavior<HTMLCanvasElement, unknown> = zoom<HTMLCanvasElement, unknown>()
    .scaleExtent([1, MAX_ZOOM])
    .on('zoom', (ev: D3ZoomEvent<HTMLCanvasElement, unknown>) => {
      transform = ev.transform;
      el.setAttribute(ATTR.zoom, transform.k.toFixed(2));
      requestDraw();
    });
  const canvasSel = select(canvas).call(behaviour);

  function resize(): void {
    width = el.clientWidth;
    height = el.clientHeight;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    canvas.style.width = `${width}px`;
    canvas.style.height = `${height}px`;
    relayout();
  }

  function relayout(): void {
    layout = layoutOverview(model.groups, width, height);
    behaviour.translateExtent([
      [0, 0],
      [Math.max(width, layout.width), Math.max(height, layout.height)],
    ]);
    behaviour.extent([
      [0, 0],
      [width, height],
    ]);
    requestDraw();
  }

  function requestDraw(): void {
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      draw();
    });
  }

  function checkTheme(): void {
    const now = document.documentElement.dataset.theme ?? '';
    if (now === theme) return;
    theme = now;
    background = '';
    palette = readPalette(el);
    colours.setPalette(palette, !reducedMotion());
    for (const card of cards.values()) colours.note(card, 0);
  }

  function draw(): void {
    if (!ctx) return;
    const now = performance.now();
    checkTheme();
    const dpr = window.devicePixelRatio || 1;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = getBackground();
    ctx.fillRect(0, 0, width, height);
    const { k, x: tx, y: ty } = transform;
    const size = layout.cell * k;
    const pitch = layout.pitch * k;
    const batches = new Batches();
    const headers: [string, number][] = [];
    const named: [NodeCardView, number, number][] = [];
    const m = layout.metrics;
    const firstCol = Math.max(0, Math.floor((-tx / k - m.padding) / layout.pitch));
    const lastCol = Math.min(layout.columns - 1, Math.floor((width - tx) / k / layout.pitch));
    for (const g of layout.groups) {
      const headY = ty + g.y * k;
      if (headY > height || headY + g.height * k < 0) continue;
      headers.push([g.key, headY]);
      const top = ty + (g.y + m.headerHeight) * k;
      const firstRow = Math.max(0, Math.floor(-(top / pitch)));
      const lastRow = Math.min(g.rows - 1, Math.floor((height - top) / pitch));
      for (let row = firstRow; row <= lastRow; row++) {
        for (let col = firstCol; col <= Math.min(lastCol, g.columns - 1); col++) {
          const card = g.nodes[row * g.columns + col];
          if (!card) break;
          const x = tx + (m.padding + col * layout.pitch) * k;
          const y = top + row * pitch;
          paintCell(batches, card, x, y, size, palette, colours, now);
          if (size >= NAME_MIN_PX) named.push([card, x, y]);
        }
      }
    }
    batches.paint(ctx);
    paintText(headers, named, size);
    outline(model.focused, palette.text, 1.5, [3, 2]);
    outline(model.selected, palette.selected, 2.5, []);
    publishFirstCell();
    if (colours.fading(performance.now())) requestDraw();
  }

  function paintText(
    headers: [string, number][],
    named: [NodeCardView, number, number][],
    size: number,
  ): void {
    if (!ctx) return;
    ctx.textBaseline = 'middle';
    ctx.font = '600 12px system-ui, sans-serif';
    ctx.fillStyle = palette.text;
    const hh = layout.metrics.headerHeight * transform.k;
    for (const [key, y] of headers) {
      const text = model.headers.get(key) ?? key;
      ctx.fillText(
        text,
        Math.max(4, transform.x + layout.metrics.padding * transform.k),
        Math.max(8, y + hh / 2),
      );
    }
    if (named.length === 0) return;
    ctx.font = `${Math.min(13, Math.floor(size / 5))}px system-ui, sans-serif`;
    ctx.fillStyle = palette.text;
    for (const [card, x, y] of named) ctx.fillText(card.name, x + 3, y + size * 0.11 + 1, size - 6);
  }

  function outline(name: string | undefined, colour: string, lineWidth: number, dash: number[]): void {
    if (!ctx || !name) return;
    const cell = findCell(layout, (c) => c.name === name);
    if (!cell) return;
    const s = cell.size * transform.k;
    ctx.strokeStyle = colour;
    ctx.lineWidth = lineWidth;
    ctx.setLineDash(dash);
    ctx.strokeRect(transform.applyX(cell.x) - 1.5, transform.applyY(cell.y) - 1.5, s + 3, s + 3);
    ctx.setLineDash([]);
  }

  // Where the first listed node is drawn, in CSS pixels from the canvas' corner: for tools that
  // drive the page (the e2e tests, the benchmark) and cannot see into a canvas.
  function publishFirstCell(): void {
    const g = layout.groups[0];
    const cell = g ? cellRect(layout, g, 0) : undefined;
    const value = cell
      ? `${Math.round(transform.applyX(cell.x))} ${Math.round(transform.applyY(cell.y))} ${Math.round(cell.size * transform.k)}`
      : '';
    if (canvas.getAttribute(ATTR.firstCell) !== value) canvas.setAttribute(ATTR.firstCell, value);
  }

  let background = '';
  function getBackground(): string {
    background ||= getComputedStyle(el).getPropertyValue('--surface').trim() || '#ffffff';
    return background;
  }

  function hit(ev: MouseEvent): NodeCardView | undefined {
    const r = canvas.getBoundingClientRect();
    const [x, y] = transform.invert([ev.clientX - r.left, ev.clientY - r.top]);
    return cellAt(layout, x, y)?.node;
  }

  function onClick(ev: MouseEvent): void {
    const card = hit(ev);
    if (card) opts.onSelectNode(card.name);
  }

  function onContextMenu(ev: MouseEvent): void {
    const card = hit(ev);
    if (!card) return;
    ev.preventDefault();
    opts.onNodeMenu(card.name, ev.clientX, ev.clientY);
  }

  function onMove(ev: MouseEvent): void {
    const card = hit(ev);
    // Between cells the picture's own title (what the marks mean) shows through.
    if (!card) canvas.removeAttribute('title');
    else if (canvas.title !== card.ariaLabel) canvas.title = card.ariaLabel;
    canvas.style.cursor = card ? 'pointer' : '';
  }

  canvas.addEventListener('click', onClick);
  canvas.addEventListener('contextmenu', onContextMenu);
  canvas.addEventListener('mousemove', onMove);
  const observer = new ResizeObserver(() => resize());
  observer.observe(el);
  resize();

  function zoomCall(fn: (sel: ReturnType<typeof select<HTMLCanvasElement, unknown>>) => void): void {
    fn(canvasSel);
  }

  return {
    update(next) {
      const now = performance.now();
      const seen = new Map<string, NodeCardView>();
      const gone: string[] = [];
      for (const g of next.groups)
        for (const card of g.nodes) {
          seen.set(card.name, card);
          // Cards are rebuilt only when their node or pods changed (gridViewIndex.ts).
          const old = cards.get(card.name);
          if (old === card) continue;
          colours.note(card, now);
          // Pods never move between nodes: the old card's pods missing from the new one are gone.
          if (old) for (const p of old.pods) if (!card.pods.some((q) => q.uid === p.uid)) gone.push(p.uid);
        }
      colours.forget(gone);
      cards = seen;
      const regroup = next.groups !== model.groups;
      model = next;
      if (regroup) relayout();
      else requestDraw();
    },
    zoomBy(factor) {
      zoomCall((sel) => behaviour.scaleBy(sel, factor));
    },
    resetZoom() {
      zoomCall((sel) => behaviour.transform(sel, zoomIdentity));
    },
    reveal(name) {
      const cell = findCell(layout, (c) => c.name === name);
      if (!cell) return;
      const sx = transform.applyX(cell.x);
      const sy = transform.applyY(cell.y);
      const s = cell.size * transform.k;
      if (sx >= 0 && sy >= 0 && sx + s <= width && sy + s <= height) return;
      zoomCall((sel) => behaviour.translateTo(sel, cell.x + cell.size / 2, cell.y + cell.size / 2));
    },
    destroy() {
      if (frame) cancelAnimationFrame(frame);
      observer.disconnect();
      canvasSel.on('.zoom', null);
      canvas.removeEventListener('click', onClick);
      canvas.removeEventListener('contextmenu', onContextMenu);
      canvas.removeEventListener('mousemove', onMove);
      canvas.remove();
    },
  };
}
