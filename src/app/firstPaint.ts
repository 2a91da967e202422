// The page's first grid paint, and the work that waits for it. What the grid needs comes first;
// the YAML editor (Monaco, ~800 kB gzip), the service worker's precache and the engine worker's
// schema chunk start only once the grid has shown its nodes and the browser has a quiet moment.

/** GRID_PAINT_MARK names the performance mark set once the grid's first node has been painted. */
export const GRID_PAINT_MARK = 'dsp:first-grid-paint';

/** IDLE_TIMEOUT_MS: how long after the paint deferred work waits for an idle period at most. */
const IDLE_TIMEOUT_MS = 2_000;

/**
 * NO_PAINT_FALLBACK_MS: a page whose grid never shows a node (a scenario without nodes, an embed
 * without the grid) still gets its deferred work this long after it first asked for it.
 */
const NO_PAINT_FALLBACK_MS = 10_000;

let painted = false;
let paintedAt: number | undefined;
const waiting = new Set<() => void>();

/**
 * gridPainted is called by the grid when it first renders a node. The node is on screen after
 * the next frame: a message posted from that frame's animation callback is handled after its
 * paint, and that is when the mark is set and the waiting work is released.
 */
export function gridPainted(): void {
  if (painted) return;
  painted = true;
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      paintedAt = performance.now();
      performance.mark(GRID_PAINT_MARK);
      for (const fn of [...waiting]) fn();
      waiting.clear();
    };
    channel.port2.postMessage(0);
  });
}

/** atFirstPaint runs `fn` once, as soon as the grid's first paint is on screen (not waiting for idle). */
export function atFirstPaint(fn: () => void): void {
  if (paintedAt !== undefined) fn();
  else waiting.add(fn);
}

function whenIdle(fn: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(fn, { timeout: IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(handle);
  }
  // Safari has no requestIdleCallback: a zero-delay timer after the paint is the nearest thing.
  const handle = setTimeout(fn, 0);
  return () => clearTimeout(handle);
}

/**
 * afterFirstPaint runs `fn` once, in the first idle period after the grid's first paint (or
 * NO_PAINT_FALLBACK_MS after this call when the grid paints no node by then). The returned
 * function cancels it.
 */
export function afterFirstPaint(fn: () => void): () => void {
  let done = false;
  let cancelIdle: (() => void) | undefined;
  const run = () => {
    if (done) return;
    done = true;
    fn();
  };
  const start = () => {
    waiting.delete(start);
    clearTimeout(fallback);
    cancelIdle ??= whenIdle(run);
  };
  const fallback = setTimeout(start, NO_PAINT_FALLBACK_MS);
  if (paintedAt !== undefined) start();
  else waiting.add(start);
  return () => {
    done = true;
    waiting.delete(start);
    clearTimeout(fallback);
    cancelIdle?.();
  };
}
