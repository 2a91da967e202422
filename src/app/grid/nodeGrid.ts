// The node grid renderer: framework-free D3 joins over HTML, keyed by uid, so a pod chip is
// born on its node, changes colour as its status changes, and fades out when it goes. React only
// mounts it (NodeGrid.tsx): create → update(view) → destroy.
// d3 is marked side-effect free, so a bundler drops d3-transition (which adds
// selection.transition) unless something from it is imported by name: interrupt is.
import { interrupt, select } from 'd3';
import type { CardBox, FitRange, FittedLayout, GridMetrics } from './gridLayout';
import {
  DEFAULT_METRICS,
  DENSE_METRICS,
  NORMAL_FIT,
  PRESENTER_DENSE_METRICS,
  PRESENTER_METRICS,
  fitGrid,
  layoutGrid,
} from './gridLayout';
import type { GridView, NodeCardView } from './gridView';
import { metaLines } from './gridView';
import type { CardSel } from './nodeCard';
import { buildCard, updateCard } from './nodeCard';
import type { GridDisplay } from './podChips';
import { reducedMotion } from './podChips';
import { EMBED } from '../embed';
import { ATTR } from '../testIds';

export type { GridDisplay } from './podChips';

export interface NodeGridOptions {
  onSelectNode(name: string): void;
  onSelectPod(uid: string): void;
  /** Open the node's action menu at a viewport position. */
  onNodeMenu(name: string, x: number, y: number): void;
  metrics?: GridMetrics;
}

export interface GridSelection {
  node?: string | undefined;
  pod?: string | undefined;
}

/** NodeGridRenderer is what any grid renderer offers, so a Canvas one can replace this one. */
export interface NodeGridRenderer {
  update(view: GridView, selection?: GridSelection, display?: GridDisplay): void;
  destroy(): void;
}

const MOVE_MS = 450;
/**
 * PRESENTER_FIT: presenter mode draws the cards at least 1.3 times larger (the grid scrolls
 * rather than shrink them back), and up to 1.6 times when they fit.
 */
const PRESENTER_FIT: FitRange = { maxScale: 1.6, minScale: 1.3 };
/** EMBED_FIT: an embed's frame is small and meant to show the whole cluster: dense cards from one node on. */
const EMBED_FIT: FitRange = { ...NORMAL_FIT, denseFrom: 1 };

function presenterMode(): boolean {
  return document.documentElement.dataset.presenter === 'on';
}
const FADE_MS = 700;

/** createNodeGrid renders node cards into `el` (which the caller owns) and keeps them in sync. */
export function createNodeGrid(el: HTMLElement, opts: NodeGridOptions): NodeGridRenderer {
  const metrics = opts.metrics ?? DEFAULT_METRICS;
  const canvas = select(el).append('div').attr('class', 'node-grid__canvas');
  let view: GridView = { nodes: [], unplaced: [] };
  let selection: GridSelection = {};
  let display: GridDisplay = { compare: false };
  let layout: FittedLayout = { ...layoutGrid([], el.clientWidth, metrics), scale: 1, dense: false };
  let focusIndex = 0;

  // The height the grid may fill without scrolling: down to the bottom of its scroll box.
  function roomBelow(): number {
    const scroller = el.parentElement;
    if (!scroller) return Infinity;
    const padding = parseFloat(getComputedStyle(scroller).paddingBottom) || 0;
    const top = el.getBoundingClientRect().top + scroller.scrollTop;
    return scroller.getBoundingClientRect().bottom - top - padding - 2;
  }

  function render(): void {
    const dur = reducedMotion() ? 0 : MOVE_MS;
    const cards = view.nodes;
    const content = cards.map((c) => ({ id: c.uid, lines: metaLines(c).length, pods: c.pods.length }));
    const width = Math.max(0, el.clientWidth - 2);
    // Fitted to the room it has, larger in presenter mode (with chips sized for its text); metrics
    // given by a caller are kept as they are.
    const presenter = presenterMode();
    layout = opts.metrics
      ? { ...layoutGrid(content, width, metrics), scale: 1, dense: false }
      : fitGrid(
          content,
          width,
          roomBelow(),
          presenter ? PRESENTER_FIT : EMBED ? EMBED_FIT : NORMAL_FIT,
          presenter ? PRESENTER_METRICS : DEFAULT_METRICS,
          presenter ? PRESENTER_DENSE_METRICS : DENSE_METRICS,
        );
    el.classList.toggle('is-dense', layout.dense);
    el.dataset.scale = layout.scale.toFixed(2);
    canvas.style('zoom', String(layout.scale));
    const boxes = new Map<string, CardBox>(layout.boxes.map((b) => [b.id, b]));
    canvas.style('height', `${layout.height}px`);
    const place = (sel: CardSel) =>
      sel
        .style('width', (d) => `${boxes.get(d.uid)?.width ?? 0}px`)
        .style('height', (d) => `${boxes.get(d.uid)?.height ?? 0}px`);
    const translate = (d: NodeCardView) => {
      const b = boxes.get(d.uid);
      return `translate(${b?.x ?? 0}px, ${b?.y ?? 0}px)`;
    };

    canvas
      .selectAll<HTMLDivElement, NodeCardView>(':scope > .node-card:not(.is-leaving)')
      .data(cards, (d) => d.uid)
      .join(
        (enter) => {
          const card = enter
            .append('div')
            .attr('class', 'node-card')
            .attr('role', 'listitem')
            .attr('tabindex', -1)
            .style('transform', translate)
            .style('opacity', 0);
          buildCard(card, opts);
          card.transition().duration(dur).style('opacity', 1);
          return card;
        },
        (update) => {
          update.transition('move').duration(dur).style('transform', translate);
          return update;
        },
        (exit) => {
          exit.classed('is-leaving', true).attr(ATTR.node, null).attr('aria-hidden', 'true');
          exit
            .transition()
            .duration(reducedMotion() ? 0 : FADE_MS)
            .style('opacity', 0)
            .remove();
          return exit;
        },
      )
      .call(place)
      .call(updateCard, selection, display, opts);
  }

  function cardElements(): HTMLElement[] {
    return Array.from(el.querySelectorAll<HTMLElement>('.node-card:not(.is-leaving)'));
  }

  function onKeyDown(ev: KeyboardEvent): void {
    const cards = cardElements();
    if (cards.length === 0) return;
    const current = cards.indexOf(document.activeElement as HTMLElement);
    const at = current >= 0 ? current : Math.min(focusIndex, cards.length - 1);
    const cols = layout.columns;
    const moves: Record<string, number> = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: cols, ArrowUp: -cols };
    let next = at;
    // From the list itself, the first arrow only enters it at the remembered card.
    if (ev.key in moves) next = current >= 0 ? at + (moves[ev.key] ?? 0) : at;
    else if (ev.key === 'Home') next = 0;
    else if (ev.key === 'End') next = cards.length - 1;
    else if ((ev.key === 'Enter' || ev.key === ' ') && current >= 0) {
      ev.preventDefault();
      const name = view.nodes[current]?.name;
      if (name) opts.onSelectNode(name);
      return;
    } else if ((ev.key === 'ContextMenu' || (ev.key === 'F10' && ev.shiftKey)) && current >= 0) {
      ev.preventDefault();
      const name = view.nodes[current]?.name;
      const rect = cards[current]?.getBoundingClientRect();
      if (name && rect) opts.onNodeMenu(name, rect.left + 24, rect.top + 24);
      return;
    } else return;
    ev.preventDefault();
    focusIndex = Math.max(0, Math.min(cards.length - 1, next));
    cards[focusIndex]?.focus();
  }

  el.addEventListener('keydown', onKeyDown);
  const resize = new ResizeObserver(() => render());
  resize.observe(el);

  return {
    update(next, sel = {}, how = { compare: false }) {
      const known = new Set(view.nodes.map((n) => n.name));
      const added = view.nodes.length > 0 ? next.nodes.find((n) => !known.has(n.name))?.name : undefined;
      const newlySelected = sel.node !== undefined && sel.node !== selection.node ? sel.node : undefined;
      view = next;
      selection = sel;
      display = how;
      el.classList.toggle('is-compare', how.compare);
      el.classList.toggle('is-highlighting', how.highlight !== undefined);
      render();
      // A node just added or just selected may sit below the fold: bring it into view.
      const show = newlySelected ?? added;
      if (show) {
        const card = el.querySelector<HTMLElement>(`.node-card[${ATTR.node}="${CSS.escape(show)}"]`);
        card?.scrollIntoView({ block: 'nearest', behavior: reducedMotion() ? 'auto' : 'smooth' });
      }
    },
    destroy() {
      resize.disconnect();
      el.removeEventListener('keydown', onKeyDown);
      canvas.selectAll<Element, unknown>('*').each(function () {
        interrupt(this);
      });
      canvas.remove();
    },
  };
}
