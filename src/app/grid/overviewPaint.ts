// How one node cell of the overview looks, and the pod colours with their transitions. A cell is
// a status bar (grey Ready, red NotReady, amber cordoned) over one stripe per pod in its state's
// colour; a pod on an old revision is pale, so a rollout reads as a wave of colour across the
// zones. Cells are batched by colour so a frame is a few fills, not 20,000 style changes.
import { interpolateRgb } from 'd3';
import type { ChipTone } from '../model/podStatus';
import type { NodeCardView, PodChipView } from './gridView';

/** Palette holds the theme's colours, read from the CSS variables the HTML chips use. */
export interface Palette {
  tone: Record<ChipTone, string>;
  empty: string;
  bar: string;
  notReady: string;
  cordoned: string;
  text: string;
  muted: string;
  selected: string;
}

const TONES: ChipTone[] = [
  'pending',
  'creating',
  'running',
  'ready',
  'terminating',
  'crash',
  'evicted',
  'done',
];

/** readPalette reads the palette from computed styles of `el` (the theme lives in CSS). */
export function readPalette(el: Element): Palette {
  const css = getComputedStyle(el);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const tone = Object.fromEntries(TONES.map((t) => [t, v(`--tone-${t}`, '#888888')])) as Record<
    ChipTone,
    string
  >;
  return {
    tone,
    empty: v('--surface-3', '#e9edf3'),
    bar: v('--muted', '#5b6677'),
    notReady: tone.crash,
    cordoned: tone.terminating,
    text: v('--text', '#1f2937'),
    muted: v('--muted', '#5b6677'),
    selected: v('--accent', '#7c3aed'),
  };
}

/** TRANSITION_MS is how long a pod's colour takes to change, as the HTML chips' CSS transition. */
export const TRANSITION_MS = 400;
// Colours in transition are quantised into steps, so batching by colour still pays.
const STEPS = 8;

interface Fade {
  from: string;
  to: string;
  start: number;
}

/** PodColours remembers each pod's colour and fades it to a new one when its state changes. */
export class PodColours {
  private readonly target = new Map<string, string>();
  private readonly fades = new Map<string, Fade>();
  private readonly mixes = new Map<string, (t: number) => string>();

  constructor(
    private palette: Palette,
    private animate: boolean,
  ) {}

  setPalette(palette: Palette, animate: boolean): void {
    this.palette = palette;
    this.animate = animate;
    this.target.clear();
    this.fades.clear();
  }

  /** baseColour is the pod's colour at rest: its state's, pale when on an old revision. */
  baseColour(p: PodChipView): string {
    const c = this.palette.tone[p.tone];
    return p.revisionAge === 'old' ? this.mix(this.palette.empty, c, 0.45) : c;
  }

  /** note records the pods of a card that changed; a changed colour starts fading at `now`. */
  note(card: NodeCardView, now: number): void {
    for (const p of card.pods) {
      const next = this.baseColour(p);
      const prev = this.target.get(p.uid);
      if (prev === next) continue;
      this.target.set(p.uid, next);
      if (prev !== undefined && this.animate)
        this.fades.set(p.uid, { from: this.colourAt(p.uid, prev, now), to: next, start: now });
    }
  }

  /** forget drops pods that are gone. */
  forget(uids: Iterable<string>): void {
    for (const uid of uids) {
      this.target.delete(uid);
      this.fades.delete(uid);
    }
  }

  /** colour is what to paint the pod with at `now`. */
  colour(p: PodChipView, now: number): string {
    return this.colourAt(p.uid, this.target.get(p.uid) ?? this.baseColour(p), now);
  }

  /** fading: some colour is still on its way. */
  fading(now: number): boolean {
    for (const [uid, f] of this.fades) if (now - f.start >= TRANSITION_MS) this.fades.delete(uid);
    return this.fades.size > 0;
  }

  private colourAt(uid: string, rest: string, now: number): string {
    const f = this.fades.get(uid);
    if (!f) return rest;
    const t = (now - f.start) / TRANSITION_MS;
    if (t >= 1) return f.to;
    return this.mix(f.from, f.to, Math.round(Math.max(0, t) * STEPS) / STEPS);
  }

  private mix(a: string, b: string, t: number): string {
    const key = `${a}|${b}`;
    let fn = this.mixes.get(key);
    if (!fn) this.mixes.set(key, (fn = interpolateRgb(a, b)));
    return fn(t);
  }
}

/** Batches collects rectangles by fill colour and paints each colour with one fill. */
export class Batches {
  private readonly byColour = new Map<string, number[]>();

  rect(colour: string, x: number, y: number, w: number, h: number): void {
    let list = this.byColour.get(colour);
    if (!list) this.byColour.set(colour, (list = []));
    list.push(x, y, w, h);
  }

  paint(ctx: CanvasRenderingContext2D): void {
    for (const [colour, r] of this.byColour) {
      ctx.fillStyle = colour;
      ctx.beginPath();
      for (let i = 0; i < r.length; i += 4) ctx.rect(r[i]!, r[i + 1]!, r[i + 2]!, r[i + 3]!);
      ctx.fill();
    }
    this.byColour.clear();
  }
}

/** paintCell adds one node's cell (screen coordinates, `size` pixels square) to the batches. */
export function paintCell(
  b: Batches,
  card: NodeCardView,
  x: number,
  y: number,
  size: number,
  palette: Palette,
  colours: PodColours,
  now: number,
): void {
  const bar = Math.max(1, Math.round(size * 0.22));
  const barColour =
    card.ready !== 'Ready' ? palette.notReady : card.cordoned ? palette.cordoned : palette.bar;
  b.rect(barColour, x, y, size, bar);
  const top = y + bar;
  const h = size - bar;
  const pods = card.pods;
  if (pods.length === 0) {
    b.rect(palette.empty, x, top, size, h);
    return;
  }
  const w = size / pods.length;
  for (let i = 0; i < pods.length; i++) {
    const p = pods[i]!;
    b.rect(colours.colour(p, now), x + i * w, top, w, h);
  }
}
