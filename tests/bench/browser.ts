// The browser half of `npm run bench` (run.ts imports it when it exists): rendering and load
// figures measured in headless system Chromium driven by Playwright, against a production build
// served locally under the GitHub Pages sub-path. Progress and a table of the figures against
// their targets go to stderr; the figures are returned to run.ts, which prints them as JSON.
// Nothing is asserted: a figure over its target is printed as such.
//
//   load.initialJsGzipKb      gzip kB (1,000 bytes) of the JavaScript needed for the first grid
//                             paint: the entry script of the built index.html, its modulepreloads
//                             and their static imports (load.entryJsGzipKb), plus the engine
//                             worker script the entry starts and the worker's static imports
//                             (load.engineWorkerGzipKb). Monaco is loaded with a dynamic import()
//                             and starts its own workers from that lazy chunk, so none of it counts;
//                             nor do the schema chunk and kubectl's chunk, which the worker
//                             imports dynamically after the page's first paint.
//   load.firstGridPaintMs     navigation start → first painted node of the default scenario's
//                             grid, cold cache, median of FIRST_PAINT_RUNS fresh browser contexts.
//   load.jsBeforeFirstPaintGzipKb
//                             gzip kB of every JavaScript file the browser requested (page, module
//                             preloads, workers and their imports, the service worker) before that
//                             first paint, as it happened, not as the build says it should: every
//                             request of the browser context (Playwright's network events, workers
//                             included) that started before the paint, each file gzipped here
//                             from the bytes served (the local server does not compress), once.
//                             Median of the same runs; the files of the last run are logged.
//   render.*<n>               while a maxUnavailable 10 % RollingUpdate animates on an n-node
//                             cluster at speed ×5 for FRAME_WINDOW_MS: requestAnimationFrame deltas
//                             (median, p95) and the main thread's long tasks (count over 50 ms,
//                             longest), all recorded inside the page; render.fps<n> is frames
//                             per second over the window, which long frames pull down. A page
//                             whose main thread stays blocked long past the window gets NaN
//                             (printed as null).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import type { Browser, BrowserContext, Page, Request } from '@playwright/test';
import type { FetchedResource } from './browser/assets';
import { gzipKb, initialJs, jsFetchedBefore } from './browser/assets';
import { buildSite } from './browser/build';
import type { FrameRecording } from './browser/pageScripts';
import {
  FIRST_GRID_PAINT,
  FIRST_GRID_PAINT_RESULT,
  FRAME_RECORDING_RESULT,
  startFrameRecording,
} from './browser/pageScripts';
import {
  getDaemonSet,
  pause,
  play,
  runCommand,
  setSpeed,
  simSeconds,
  waitFor,
  waitForMonaco,
  waitUntilReady,
} from './browser/playground';
import { DS_NAME, DS_NAMESPACE, IMAGE_V2, benchLink } from './browser/scenario';
import { CHROMIUM_ARGS, CHROMIUM_PATH as CHROMIUM } from '../support/chromium';
import { serveStatic } from '../support/staticServer';
import { median, round, summarizeFrames } from './browser/stats';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

/** The GitHub Pages sub-path the site is built for and served under, as the e2e tests do. */
const SUB_PATH = '/daemonset-playground/';
const VIEWPORT = { width: 1280, height: 720 };
const FIRST_PAINT_RUNS = 5;
/** Play speed during the rollout: its ten waves (≈ 40 simulated seconds) span ≈ 8 s of wall time. */
const ROLLOUT_SPEED = 5;
const FRAME_WINDOW_MS = 8_000;
/** The share link opens the cluster paused here; the pods are Ready 2 simulated seconds in. */
const OPEN_AT_SECONDS = 10;
/** How long past the window a blocked page is waited for before its frames count as not measured. */
const BLOCKED_GRACE_MS = 60_000;
/** How long after the paint is seen the bench waits for the network events of requests started before it. */
const EVENTS_SETTLE_MS = 500;
/** How long the page may take to pause and answer `kubectl get ds` after the window. */
const AFTER_WINDOW_MS = 10_000;

const TARGETS: [figure: string, target: string, met: (v: number) => boolean][] = [
  ['render.frameMedianMs1000', '≤ 16.7', (v) => v <= 16.7],
  ['render.frameMedianMs5000', '≤ 33', (v) => v <= 33],
  ['render.longTasksOver50ms5000', '0', (v) => v === 0],
  ['load.initialJsGzipKb', '≤ 300', (v) => v <= 300],
  ['load.jsBeforeFirstPaintGzipKb', '≤ 300', (v) => v <= 300],
  ['load.firstGridPaintMs', '< 1,500', (v) => v < 1500],
];

function log(message: string): void {
  process.stderr.write(`bench: browser ${message}\n`);
}

/** initialJsFigures sizes the build's initial JavaScript (see the comment at the top). */
function initialJsFigures(outDir: string, base: string): Record<string, number> {
  const read = (path: string) => readFileSync(join(outDir, path), 'utf8');
  const js = initialJs(read('index.html'), base, read);
  if (js.page.length === 0) throw new Error('the built index.html loads no module script');
  if (js.workers.length === 0) throw new Error('no engine worker found in the initial chunks');
  const size = (paths: string[]) => paths.reduce((kb, p) => kb + gzipKb(readFileSync(join(outDir, p))), 0);
  const entry = size(js.page);
  const worker = size(js.workers);
  log(`initial JS: ${[...js.page, ...js.workers].join(', ')}`);
  return {
    'load.initialJsGzipKb': round(entry + worker, 1),
    'load.entryJsGzipKb': round(entry, 1),
    'load.engineWorkerGzipKb': round(worker, 1),
  };
}

/**
 * within settles like `work`, or with undefined after `ms` (the timer is cleared either way, so it
 * never keeps Node alive). A rejection of `work` after the deadline is swallowed.
 */
async function within<T>(work: Promise<T>, ms: number): Promise<T | undefined> {
  work.catch(() => undefined);
  let expire: (value: undefined) => void = () => undefined;
  const expired = new Promise<undefined>((resolve) => (expire = resolve));
  const timer = setTimeout(() => expire(undefined), ms);
  try {
    return await Promise.race([work, expired]);
  } finally {
    clearTimeout(timer);
  }
}

async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  page.setDefaultTimeout(120_000);
  page.on('pageerror', (e) => log(`page error: ${e.message}`));
  return { context, page };
}

/** recordRequests logs every request of `context` (its pages, their workers, the service worker). */
function recordRequests(context: BrowserContext): () => FetchedResource[] {
  const seen: { request: Request; heard: number }[] = [];
  context.on('request', (request) => seen.push({ request, heard: Date.now() }));
  return () =>
    seen.map(({ request, heard }) => {
      // The browser's start time once it has given one (with the response); else when it was heard of.
      const start = request.timing().startTime;
      return { url: request.url(), start: start > 0 ? start : heard, type: request.resourceType() };
    });
}

async function firstGridPaint(
  browser: Browser,
  url: string,
  outDir: string,
): Promise<Record<string, number>> {
  const runs: number[] = [];
  const jsKb: number[] = [];
  let files: string[] = [];
  for (let i = 0; i < FIRST_PAINT_RUNS; i++) {
    const { context, page } = await newPage(browser);
    const requests = recordRequests(context);
    try {
      await page.addInitScript({ content: FIRST_GRID_PAINT });
      await page.goto(url);
      // Polled from here: page.waitForFunction evaluates its text with eval(), which the site's
      // Content-Security-Policy forbids (and bypassing the policy would change the page measured).
      let painted: number | undefined;
      await waitFor(
        page,
        async () =>
          (painted = (await page.evaluate(FIRST_GRID_PAINT_RESULT)) as number | undefined) !== undefined,
        'the first grid paint',
        30_000,
      );
      runs.push(painted!);
      const paintedAt = ((await page.evaluate('performance.timeOrigin')) as number) + painted!;
      await page.waitForTimeout(EVENTS_SETTLE_MS);
      files = jsFetchedBefore(requests(), paintedAt, url);
      jsKb.push(files.reduce((kb, f) => kb + gzipKb(readFileSync(join(outDir, f))), 0));
    } finally {
      await context.close();
    }
  }
  log(`first grid paint: ${runs.map((r) => round(r, 0)).join(', ')} ms`);
  log(
    `JS before the first paint: ${jsKb.map((k) => round(k, 1)).join(', ')} kB gzip; last run: ${files.join(', ')}`,
  );
  return {
    'load.firstGridPaintMs': round(median(runs), 0),
    'load.jsBeforeFirstPaintGzipKb': round(median(jsKb), 1),
  };
}

async function rolloutFrames(browser: Browser, url: string, nodes: number): Promise<Record<string, number>> {
  const { context, page } = await newPage(browser);
  try {
    const opened = Date.now();
    await page.goto(url + benchLink(nodes, OPEN_AT_SECONDS, ROLLOUT_SPEED));
    // The link has been replayed once the clock stands at its time.
    await waitFor(page, async () => (await simSeconds(page)) >= OPEN_AT_SECONDS, 'the link to open', 120_000);
    await waitUntilReady(page, DS_NAME, DS_NAMESPACE, nodes, 120_000);
    const openMs = Date.now() - opened;
    log(`${nodes} nodes: all pods Ready ${openMs} ms after navigation`);
    // Monaco (lazy) has replaced the stand-in editor, and the page is quiet, before sampling.
    // (Not 'networkidle': a Monaco worker request stays pending in Chromium, so it never comes.)
    await waitForMonaco(page);
    await page.waitForTimeout(1000);
    await setSpeed(page, ROLLOUT_SPEED);
    await runCommand(
      page,
      `kubectl set image ds/${DS_NAME} ${DS_NAME}=${IMAGE_V2} -n ${DS_NAMESPACE}`,
      /image updated/,
    );
    await page.evaluate(startFrameRecording(FRAME_WINDOW_MS));
    await play(page);
    // The window ends at the first frame after FRAME_WINDOW_MS, so a long task stretches it; a page
    // blocked for longer than the grace below is reported as not measured rather than waited for.
    const rec = await within(
      page.evaluate(FRAME_RECORDING_RESULT) as Promise<FrameRecording>,
      FRAME_WINDOW_MS + BLOCKED_GRACE_MS,
    );
    if (!rec) {
      log(
        `${nodes} nodes: the main thread was blocked for more than ${BLOCKED_GRACE_MS / 1000} s ` +
          'during the rollout: frame figures not measured (null)',
      );
      return {
        [`render.frameMedianMs${nodes}`]: NaN,
        [`render.frameP95Ms${nodes}`]: NaN,
        [`render.longTasksOver50ms${nodes}`]: NaN,
        [`render.longestTaskMs${nodes}`]: NaN,
        [`render.openReadyMs${nodes}`]: openMs,
      };
    }
    if (!rec.longTasksSupported) log('warning: this Chromium reports no long tasks');
    const s = summarizeFrames(rec.deltas, rec.longTasks);
    // How far the rollout got, for the record; a page still busy rendering is not waited for.
    const updated = await within(
      pause(page).then(() => getDaemonSet(page, DS_NAME, DS_NAMESPACE)),
      AFTER_WINDOW_MS,
    ).then(
      (row) => row?.upToDate,
      () => undefined,
    );
    log(
      `${nodes} nodes: ${s.frames} frames in ${round(rec.elapsedMs, 0)} ms, median ${s.medianMs} ms, ` +
        `p95 ${s.p95Ms} ms, ${s.longTasksOver50ms} long tasks (longest ${s.longestTaskMs} ms), ` +
        `${updated ?? '(no answer)'}/${nodes} pods updated by the end of the window`,
    );
    return {
      [`render.frameMedianMs${nodes}`]: s.medianMs,
      [`render.frameP95Ms${nodes}`]: s.p95Ms,
      [`render.longTasksOver50ms${nodes}`]: s.longTasksOver50ms,
      [`render.longestTaskMs${nodes}`]: s.longestTaskMs,
      [`render.frames${nodes}`]: s.frames,
      // Frames per second over the window: the median hides long frames, this does not.
      [`render.fps${nodes}`]: round(s.frames / (rec.elapsedMs / 1000), 1),
      ...(updated === undefined ? {} : { [`render.rolloutUpdated${nodes}`]: updated }),
      [`render.openReadyMs${nodes}`]: openMs,
    };
  } finally {
    await context.close();
  }
}

function printTargets(figures: Record<string, number>): void {
  for (const [figure, target, met] of TARGETS) {
    const v = figures[figure];
    const verdict = v === undefined || Number.isNaN(v) ? 'not measured' : met(v) ? 'meets' : 'MISSES';
    log(
      `${figure.padEnd(30)} target ${target.padEnd(8)} measured ${String(v ?? '—').padStart(8)}  ${verdict}`,
    );
  }
}

/** runBrowserBench builds and serves the site, measures in Chromium, and cleans up whatever happens. */
export async function runBrowserBench(): Promise<Record<string, number>> {
  if (!existsSync(CHROMIUM))
    throw new Error(
      `the browser bench needs the system Chromium at ${CHROMIUM} (Debian package "chromium"); ` +
        'browsers are never downloaded here',
    );
  const started = Date.now();
  log('building the site …');
  const build = await buildSite(root, SUB_PATH);
  let site: Awaited<ReturnType<typeof serveStatic>> | undefined;
  let browser: Browser | undefined;
  try {
    const figures: Record<string, number> = initialJsFigures(build.outDir, SUB_PATH);
    site = await serveStatic(build.outDir, SUB_PATH);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    Object.assign(figures, await firstGridPaint(browser, site.url, build.outDir));
    for (const nodes of [1000, 5000]) {
      log(`rollout on ${nodes} nodes …`);
      Object.assign(figures, await rolloutFrames(browser, site.url, nodes));
    }
    printTargets(figures);
    log(`done in ${round((Date.now() - started) / 1000, 1)} s`);
    return figures;
  } finally {
    await browser?.close().catch(() => undefined);
    await site?.close().catch(() => undefined);
    await build.remove().catch(() => undefined);
  }
}
