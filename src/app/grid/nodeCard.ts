// One node card: header (status dot, name, role or workload counts, NotReady/cordon badges),
// requested-resource bars, condition/taint/label lines, and the pod chips.
import type { Selection } from 'd3';
import type { MetaLine, NodeCardView, PodChipView } from './gridView';
import { metaLines } from './gridView';
import type { ResourceBar } from './nodeFacts';
import type { GridDisplay } from './podChips';
import { enterChip, exitChip, updateChips } from './podChips';
import { ATTR } from '../testIds';

export type CardSel = Selection<HTMLDivElement, NodeCardView, HTMLDivElement, unknown>;

export interface CardHandlers {
  onSelectNode(name: string): void;
  onSelectPod(uid: string): void;
  onNodeMenu(name: string, x: number, y: number): void;
}

/** buildCard creates a card's fixed structure; updateCard fills it. */
export function buildCard(card: CardSel, handlers: CardHandlers): void {
  const head = card.append('div').attr('class', 'node-card__head');
  head.append('span').attr('class', 'node-card__dot').attr('aria-hidden', 'true');
  head.append('span').attr('class', 'node-card__name');
  head.append('span').attr('class', 'node-card__role');
  head.append('span').attr('class', 'node-card__badges');
  card.append('div').attr('class', 'node-card__resources');
  card.append('ul').attr('class', 'node-card__meta');
  card.append('div').attr('class', 'node-card__pods');
  card.on('click', (_ev, d) => handlers.onSelectNode(d.name));
  card.on('contextmenu', (ev: MouseEvent, d) => {
    ev.preventDefault();
    handlers.onNodeMenu(d.name, ev.clientX, ev.clientY);
  });
  card.each(function (d) {
    onLongPress(this, (x, y) => handlers.onNodeMenu(d.name, x, y));
  });
}

/** LONG_PRESS_MS: how long a finger rests on a card before its menu opens (a tap selects). */
export const LONG_PRESS_MS = 500;
// A finger that moves this far is scrolling, not pressing.
const LONG_PRESS_SLOP_PX = 10;

/**
 * onLongPress opens the node's menu when a touch rests on the card; the tap that ends it does
 * not also select. Mouse and pen keep their right click (the contextmenu event).
 */
function onLongPress(el: HTMLElement, open: (x: number, y: number) => void): void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let start = { x: 0, y: 0 };
  let fired = false;
  const cancel = () => {
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };
  el.addEventListener('pointerdown', (ev) => {
    if (ev.pointerType !== 'touch') return;
    fired = false;
    start = { x: ev.clientX, y: ev.clientY };
    cancel();
    timer = setTimeout(() => {
      timer = null;
      fired = true;
      open(start.x, start.y);
    }, LONG_PRESS_MS);
  });
  el.addEventListener('pointermove', (ev) => {
    if (timer !== null && Math.hypot(ev.clientX - start.x, ev.clientY - start.y) > LONG_PRESS_SLOP_PX)
      cancel();
  });
  el.addEventListener('pointerup', cancel);
  el.addEventListener('pointercancel', cancel);
  el.addEventListener(
    'click',
    (ev) => {
      if (!fired) return;
      fired = false;
      ev.stopPropagation();
    },
    { capture: true },
  );
}

// In the comparison, the header counts pods per workload kind: a DaemonSet's count is 1 on every
// node it runs on, a Deployment's varies from node to node.
function kindCounts(d: NodeCardView): string {
  const daemon = d.pods.filter((p) => p.workloadKind === 'DaemonSet' && !p.disruption).length;
  const deploy = d.pods.filter((p) => p.workloadKind === 'Deployment' && !p.disruption).length;
  return `DS ${daemon} · Deploy ${deploy}`;
}

// kubectl says NotReady for Ready=False and Ready=Unknown alike; the condition line under the
// header says which (metaLines), so the badge stays short enough for the name.
function readyBadge(d: NodeCardView): string[] {
  return d.ready === 'Ready' ? [] : ['NotReady'];
}

function percent(bar: ResourceBar): string {
  return `${Math.min(100, Math.round(bar.fraction * 100))}%`;
}

export function updateCard(
  card: CardSel,
  sel: { node?: string | undefined; pod?: string | undefined },
  display: GridDisplay,
  handlers: CardHandlers,
): void {
  card
    .attr(ATTR.node, (d) => d.name)
    .attr('aria-label', (d) => d.ariaLabel)
    .attr('aria-current', (d) => (d.name === sel.node ? 'true' : null))
    .attr('data-ready', (d) => d.ready)
    .attr('data-cordoned', (d) => String(d.cordoned))
    .attr('data-conditions', (d) => d.conditions.join(' ') || null)
    .classed('is-selected', (d) => d.name === sel.node)
    .classed('is-notready', (d) => d.ready !== 'Ready')
    .classed('is-pressure', (d) => d.conditions.length > 0)
    .classed('is-cordoned', (d) => d.cordoned);
  card.select('.node-card__name').text((d) => d.name);
  card
    .select('.node-card__role')
    .classed('is-counts', display.compare)
    .text((d) => (display.compare ? kindCounts(d) : d.role));
  card
    .select('.node-card__badges')
    .selectAll<HTMLSpanElement, string>('span')
    .data(
      (d) => [...readyBadge(d), ...(d.cordoned ? ['SchedulingDisabled'] : [])],
      (b) => b,
    )
    .join('span')
    .attr('class', (b) => `badge badge--${b === 'SchedulingDisabled' ? 'cordoned' : 'notready'}`)
    .text((b) => b);
  const bars = card
    .select('.node-card__resources')
    .selectAll<HTMLDivElement, ResourceBar>('.res')
    .data(
      (d) => d.resources,
      (b) => b.resource,
    )
    .join((enter) => {
      const res = enter.append('div').attr('class', 'res');
      res.append('span').attr('class', 'res__label');
      res.append('span').attr('class', 'res__track').append('span').attr('class', 'res__fill');
      res.append('span').attr('class', 'res__text');
      return res;
    })
    .attr('data-resource', (b) => b.resource)
    .attr('title', (b) => `${b.resource}: ${b.text} requested of allocatable (${percent(b)})`)
    .classed('is-full', (b) => b.fraction >= 0.9);
  bars.select('.res__label').text((b) => (b.resource === 'memory' ? 'mem' : b.resource));
  bars.select<HTMLSpanElement>('.res__fill').style('width', percent);
  bars.select('.res__text').text((b) => b.text);
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
    .join(
      (enter) => enterChip(enter, handlers.onSelectPod),
      (u) => u,
      exitChip,
    );
  updateChips(chips, sel.pod, display);
}
