// Code that runs inside the page. It is kept as JavaScript source text, not as functions handed
// to page.evaluate: tsx compiles this file with esbuild's keepNames, whose `__name(…)` wrappers
// do not exist in the page. Every probe reads only test ids and their shared attributes
// (src/app/testIds.ts), never the grid's inner DOM, so it outlives a change of grid renderer.
import { ATTR, TID } from '../../../src/app/testIds';

const GRID = JSON.stringify(`[data-testid="${TID.nodeGrid}"]`);
const NODE = JSON.stringify(`[${ATTR.node}]`);

/**
 * FIRST_GRID_PAINT is an init script (it runs before the page's own scripts). Every animation
 * frame it looks for the first node of the grid: a node card (`data-node`) inside the grid's test
 * id, or, for a renderer that draws nodes on a canvas, a grid that says in its label that it holds
 * nodes and contains a canvas. In the first frame that has one, it posts a message: the message
 * is handled after that frame's rendering work (style, layout, paint), so `performance.now()`
 * there, measured from navigation start, is when the node was first painted. The time lands in
 * `window.__dspFirstGridPaint`.
 */
export const FIRST_GRID_PAINT = `(() => {
  const hasNode = () => {
    const grid = document.querySelector(${GRID});
    if (!grid) return false;
    if (grid.querySelector(${NODE})) return true;
    const m = /\\((\\d+)\\)/.exec(grid.getAttribute('aria-label') || '');
    return !!m && Number(m[1]) > 0 && !!grid.querySelector('canvas');
  };
  const check = () => {
    if (!hasNode()) return void requestAnimationFrame(check);
    const ch = new MessageChannel();
    ch.port1.onmessage = () => { window.__dspFirstGridPaint = performance.now(); };
    ch.port2.postMessage(0);
  };
  requestAnimationFrame(check);
})();`;

/** FRAME_RECORDING: the shape START_FRAME_RECORDING resolves to. */
export interface FrameRecording {
  /** requestAnimationFrame deltas, ms. */
  deltas: number[];
  /** Durations of the main thread's long tasks (> 50 ms) in the window, ms. */
  longTasks: number[];
  /** False when the browser does not report long tasks (then `longTasks` is meaningless). */
  longTasksSupported: boolean;
  /** Wall time the window actually took, ms. */
  elapsedMs: number;
}

/**
 * startFrameRecording returns an expression that starts, in the page, recording frame times
 * (requestAnimationFrame deltas) and long tasks (a PerformanceObserver for 'longtask') for
 * `windowMs`, and leaves a promise of the FrameRecording in `window.__dspFrames`.
 */
export function startFrameRecording(windowMs: number): string {
  return `(() => {
  const windowMs = ${JSON.stringify(windowMs)};
  const deltas = [];
  const longTasks = [];
  let observer = null;
  try {
    observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push(e.duration);
    });
    observer.observe({ type: 'longtask' });
  } catch {
    observer = null;
  }
  const start = performance.now();
  window.__dspFrames = new Promise((resolve) => {
    let last = -1;
    const tick = (t) => {
      if (last >= 0) deltas.push(t - last);
      last = t;
      if (performance.now() - start < windowMs) return void requestAnimationFrame(tick);
      if (observer) {
        for (const e of observer.takeRecords()) longTasks.push(e.duration);
        observer.disconnect();
      }
      resolve({ deltas, longTasks, longTasksSupported: observer !== null, elapsedMs: performance.now() - start });
    };
    requestAnimationFrame(tick);
  });
})()`;
}

export const FRAME_RECORDING_RESULT = 'window.__dspFrames';
export const FIRST_GRID_PAINT_RESULT = 'window.__dspFirstGridPaint';
