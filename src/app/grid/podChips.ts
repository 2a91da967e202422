// Pod chips inside a node card: how a chip enters (small, then full size), what it shows (status
// colour, revision or Deployment badge, restart count, eviction/preemption flag) and how it
// leaves (a fade; a disrupted pod also lifts away, so an eviction or a preemption reads as one).
import type { EnterElement, Selection } from 'd3';
import type { NodeCardView, PodChipView } from './gridView';
import { ATTR } from '../testIds';

export type ChipSel = Selection<HTMLDivElement, PodChipView, HTMLDivElement, NodeCardView>;

/** GridDisplay is how the grid is shown: the workload comparison on, and which workload stands out. */
export interface GridDisplay {
  compare: boolean;
  /** A workload key (`Kind/ns/name`); other pods are dimmed. */
  highlight?: string | undefined;
}

const FADE_MS = 700;
// States a chip spells out instead of its name: the name says nothing when the pod is failing.
const SHOWN_STATES =
  /^(CrashLoopBackOff|ImagePullBackOff|ErrImagePull|InvalidImageName|Error|OOMKilled|Evicted|Failed)$/;

export function reducedMotion(): boolean {
  return typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
}

function chipTitle(p: PodChipView): string {
  const rev = p.revision ? ` · revision ${p.revision}${p.revisionAge === 'old' ? ' (old)' : ''}` : '';
  const of =
    p.workloadKind === 'Deployment' || p.workloadKind === 'Job' || p.workloadKind === 'StatefulSet'
      ? ` · ${p.workloadKind} ${p.workloadName}`
      : '';
  const restarts = p.restarts > 0 ? ` · restarts: ${p.restarts}` : '';
  const flag = p.disruption ? ` · ${p.disruption}` : '';
  const orphan = p.orphanOf
    ? ` · orphaned (no controller; a ${p.orphanOf} with a matching selector would adopt it)`
    : '';
  return `${p.namespace}/${p.name}: ${p.status}${p.ready ? ', ready' : ''}${rev}${of}${restarts}${flag}${orphan}`;
}

function shortName(p: PodChipView): string {
  // A pod's name is `<owner>-<suffix>`; the badge and the owner's colour already say the owner.
  return p.owner && p.name.startsWith(`${p.owner}-`) ? p.name.slice(p.owner.length + 1) : p.name;
}

function badgeText(p: PodChipView): string {
  // Nothing owns it: no revision of anything, no workload to name.
  if (p.orphanOf) return '⌀';
  if (
    p.workloadKind === 'Deployment' ||
    p.workloadKind === 'ReplicaSet' ||
    p.workloadKind === 'Job' ||
    p.workloadKind === 'StatefulSet'
  )
    return p.workloadName;
  return p.revision && /^\d+$/.test(p.revision) ? `r${p.revision}` : '·';
}

function flagText(p: PodChipView): string {
  // An Evicted pod already spells it in place of its name.
  if (p.disruption && p.status !== 'Evicted') return p.disruption === 'gc' ? 'gc' : p.disruption;
  return p.restarts > 0 ? `↻${p.restarts}` : '';
}

/** enterChip builds a new chip, starting small so its CSS transition grows it in. */
export function enterChip(
  enter: Selection<EnterElement, PodChipView, HTMLDivElement, NodeCardView>,
  onSelectPod: (uid: string) => void,
): ChipSel {
  const chip = enter.append('div').attr('class', 'pod-chip is-entering');
  chip.append('span').attr('class', 'pod-chip__rev');
  chip.append('span').attr('class', 'pod-chip__name');
  chip.append('span').attr('class', 'pod-chip__flag').attr('aria-hidden', 'true');
  chip.on('click', (ev: MouseEvent, p) => {
    ev.stopPropagation();
    onSelectPod(p.uid);
  });
  // One frame later, so the browser sees the small start state and the CSS transition runs.
  requestAnimationFrame(() => chip.classed('is-entering', false));
  return chip as unknown as ChipSel;
}

/**
 * exitChip fades a chip out; it loses its data-pod at once, so tests and readers see it gone.
 * It leaves the flow where it stands: the card is already sized for the pods that remain, so a
 * fading chip must not push them down; the one that replaces it slides under it instead.
 */
export function exitChip(exit: ChipSel): void {
  exit.each(function () {
    const { offsetLeft, offsetTop } = this;
    this.style.position = 'absolute';
    this.style.left = `${offsetLeft}px`;
    this.style.top = `${offsetTop}px`;
  });
  exit.classed('is-leaving', true).attr(ATTR.pod, null).attr('aria-hidden', 'true');
  exit
    .transition()
    .duration(reducedMotion() ? 0 : FADE_MS)
    .style('opacity', 0)
    .remove();
}

/** updateChips writes every chip's attributes and text from its view. */
export function updateChips(chips: ChipSel, selectedPod: string | undefined, display: GridDisplay): void {
  chips
    .attr(ATTR.pod, (p) => p.name)
    .attr(ATTR.phase, (p) => p.status)
    .attr(ATTR.ready, (p) => String(p.ready))
    .attr(ATTR.revision, (p) => p.revision)
    .attr(ATTR.kind, (p) => p.workloadKind)
    .attr(ATTR.workload, (p) => p.workloadName)
    .attr(ATTR.restarts, (p) => String(p.restarts))
    .attr('data-disruption', (p) => p.disruption)
    .attr(ATTR.orphan, (p) => p.orphanOf)
    .attr('data-tone', (p) => p.tone)
    .attr('data-rev-age', (p) => p.revisionAge)
    .attr('data-owner', (p) => String(p.ownerIndex % 6))
    .attr('title', chipTitle)
    .classed('is-selected', (p) => p.uid === selectedPod)
    .classed('is-dimmed', (p) => display.highlight !== undefined && p.workloadKey !== display.highlight);
  chips.select('.pod-chip__rev').text(badgeText);
  chips
    .select('.pod-chip__name')
    .classed('is-state', (p) => SHOWN_STATES.test(p.status))
    .text((p) => (SHOWN_STATES.test(p.status) ? p.status : shortName(p)));
  chips
    .select('.pod-chip__flag')
    .text(flagText)
    .attr('data-flag', (p) =>
      p.disruption && p.status !== 'Evicted' ? 'disruption' : p.restarts > 0 ? 'restarts' : null,
    );
}
