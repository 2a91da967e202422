// The node grid renderer: framework-free D3 joins over HTML, keyed by uid, so a pod chip is
// born on its node, changes colour as its status changes, and fades out when it goes. React only
// mounts it (NodeGrid.tsx): create → update(view) → destroy (STYLE.md §3 habit 11).
// d3 is marked side-effect free, so a bundler drops d3-transition (which adds
// selection.transition) unless something from it is imported by name: interrupt is.
import { interrupt, select } from 'd3';
import type { EnterElement, Selection } from 'd3';
import type { CardBox, GridMetrics } from './gridLayout';
import { DEFAULT_METRICS, layoutGrid } from './gridLayout';
import type { GridView, MetaLine, NodeCardView, PodChipView } from './gridView';
import { metaLines } from './gridView';
import { ATTR } from '../testIds';

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
  update(view: GridView, selection?: GridSelection): void;
  destroy(): void;
}

type CardSel = Selection<HTMLDivElement, NodeCardView, HTMLDivElement, unknown>;
type ChipSel = Selection<HTMLDivElement, PodChipView, HTMLDivElement, NodeCardView>;

const MOVE_MS = 450;
const FADE_MS = 700;

function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function chipTitle(p: PodChipView): string {
  const rev = p.revision ? ` · revision ${p.revision}${p.revisionAge === 'old' ? ' (old)' : ''}` : '';
  return `${p.namespace}/${p.name}: ${p.status}${p.ready ? ', ready' : ''}${rev}`;
}

function shortName(p: PodChipView): string {
  // A daemon pod's name is `<ds>-<suffix>`; the owner's colour already says which DaemonSet.
  return p.owner && p.name.startsWith(`${p.owner}-`) ? p.name.slice(p.owner.length + 1) : p.name;
}

/** createNodeGrid renders node cards into `el` (which the caller owns) and keeps them in sync. */
export function createNodeGrid(el: HTMLElement, opts: NodeGridOptions): NodeGridRenderer {
  const metrics = opts.metrics ?? DEFAULT_METRICS;
  const canvas = select(el).append('div').attr('class', 'node-grid__canvas');
  let view: GridView = { nodes: [], unplaced: [] };
  let selection: GridSelection = {};
  let layout = layoutGrid([], el.clientWidth, metrics);
  let focusIndex = 0;

  function render(): void {
    const dur = reducedMotion() ? 0 : MOVE_MS;
    const cards = view.nodes;
    layout = layoutGrid(
      cards.map((c) => ({ id: c.uid, lines: metaLines(c).length, pods: c.pods.length })),
      Math.max(0, el.clientWidth - 2),
      metrics,
    );
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
          buildCard(card);
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
      .call(updateCard, selection);
  }

  function buildCard(card: CardSel): void {
    const head = card.append('div').attr('class', 'node-card__head');
    head.append('span').attr('class', 'node-card__dot').attr('aria-hidden', 'true');
    head.append('span').attr('class', 'node-card__name');
    head.append('span').attr('class', 'node-card__role');
    head.append('span').attr('class', 'node-card__badges');
    card.append('ul').attr('class', 'node-card__meta');
    card.append('div').attr('class', 'node-card__pods');
    card.on('click', (_ev, d) => opts.onSelectNode(d.name));
    card.on('contextmenu', (ev: MouseEvent, d) => {
      ev.preventDefault();
      opts.onNodeMenu(d.name, ev.clientX, ev.clientY);
    });
  }

  function updateCard(card: CardSel, sel: GridSelection): void {
    card
      .attr(ATTR.node, (d) => d.name)
      .attr('aria-label', (d) => d.ariaLabel)
      .attr('aria-current', (d) => (d.name === sel.node ? 'true' : null))
      .attr('data-ready', (d) => d.ready)
      .attr('data-cordoned', (d) => String(d.cordoned))
      .classed('is-selected', (d) => d.name === sel.node)
      .classed('is-notready', (d) => d.ready !== 'Ready')
      .classed('is-cordoned', (d) => d.cordoned);
    card.select('.node-card__name').text((d) => d.name);
    card.select('.node-card__role').text((d) => d.role);
    card
      .select('.node-card__badges')
      .selectAll<HTMLSpanElement, string>('span')
      .data(
        (d) => [
          ...(d.ready !== 'Ready' ? [d.ready === 'Unknown' ? 'NotReady' : d.ready] : []),
          ...(d.cordoned ? ['SchedulingDisabled'] : []),
        ],
        (b) => b,
      )
      .join('span')
      .attr('class', (b) => `badge badge--${b === 'SchedulingDisabled' ? 'cordoned' : 'notready'}`)
      .text((b) => b);
    card
      .select('.node-card__meta')
      .selectAll<HTMLLIElement, MetaLine>('li')
      .data(
        (d) => metaLines(d),
        (l) => l.key,
      )
      .join('li')
      .attr(
        'class',
        (l) => `meta meta--${l.kind}${l.effect ? ` meta--${l.effect}` : ''}${l.used ? ' meta--used' : ''}`,
      )
      .attr('title', (l) =>
        l.kind === 'taint' ? `taint ${l.text}` : l.kind === 'label' ? `label ${l.text}` : l.text,
      )
      .text((l) => l.text);
    const pods = card.select<HTMLDivElement>('.node-card__pods');
    pods
      .selectAll<HTMLSpanElement, number>('.node-card__empty')
      .data((d) => (d.pods.length === 0 ? [0] : []))
      .join('span')
      .attr('class', 'node-card__empty')
      .text('no pods');
    const chips = pods
      .selectAll<HTMLDivElement, PodChipView>(':scope > .pod-chip:not(.is-leaving)')
      .data(
        (d) => d.pods,
        (p) => p.uid,
      )
      .join(enterChip, (u) => u, exitChip);
    updateChips(chips, sel);
  }

  function enterChip(enter: Selection<EnterElement, PodChipView, HTMLDivElement, NodeCardView>): ChipSel {
    const chip = enter.append('div').attr('class', 'pod-chip is-entering');
    chip.append('span').attr('class', 'pod-chip__rev');
    chip.append('span').attr('class', 'pod-chip__name');
    chip.on('click', (ev: MouseEvent, p) => {
      ev.stopPropagation();
      opts.onSelectPod(p.uid);
    });
    // One frame later, so the browser sees the small start state and the CSS transition runs.
    requestAnimationFrame(() => chip.classed('is-entering', false));
    return chip as unknown as ChipSel;
  }

  function exitChip(exit: ChipSel): void {
    exit.classed('is-leaving', true).attr(ATTR.pod, null).attr('aria-hidden', 'true');
    exit
      .transition()
      .duration(reducedMotion() ? 0 : FADE_MS)
      .style('opacity', 0)
      .remove();
  }

  function updateChips(chips: ChipSel, sel: GridSelection): void {
    chips
      .attr(ATTR.pod, (p) => p.name)
      .attr(ATTR.phase, (p) => p.status)
      .attr(ATTR.ready, (p) => String(p.ready))
      .attr(ATTR.revision, (p) => p.revision)
      .attr('data-tone', (p) => p.tone)
      .attr('data-rev-age', (p) => p.revisionAge)
      .attr('data-owner', (p) => String(p.ownerIndex % 6))
      .attr('title', chipTitle)
      .classed('is-selected', (p) => p.uid === sel.pod);
    chips
      .select('.pod-chip__rev')
      .text((p) => (p.revision && /^\d+$/.test(p.revision) ? `r${p.revision}` : '·'));
    chips.select('.pod-chip__name').text(shortName);
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
    update(next, sel = {}) {
      view = next;
      selection = sel;
      render();
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
