// The first paint does not wait for the editor: no Monaco chunk (the editor, its CSS, its editor
// and YAML workers, the schema chunk it reads) is requested before the grid's first node is on
// screen (the page's `dsp:first-grid-paint` mark, src/app/firstPaint.ts). Until Monaco arrives
// the scenario is shown read-only; Monaco replaces it when the page is idle, or at once when the
// user focuses the text, and the caret moves over with the text.
import type { BrowserContext, Page, Request } from '@playwright/test';
import { DEFAULT_SCENARIO } from '../../src/app/defaultScenario';
import { GRID_PAINT_MARK } from '../../src/app/firstPaint';
import { ATTR } from '../../src/app/testIds';
import { readClipboard } from './pages/clipboardPaste';
import { Playground } from './pages/Playground';
import { expect, test } from './fixtures';

/** Monaco's files: the lazy editor chunk and its stylesheet, its two workers, its schema chunk. */
const MONACO = /\/assets\/(YamlEditor|editor\.worker|yaml\.worker)-[\w-]+\.(js|css)$/;

/** kubectl's chunk, which the engine worker imports after the first cluster is drawn. */
const KUBECTL = /\/assets\/kubectl-[\w-]+\.js$/;

/** requestLog records every request of the context (page, workers, service worker) with its start. */
function requestLog(context: BrowserContext): () => { url: string; start: number }[] {
  const seen: { request: Request; at: number }[] = [];
  context.on('request', (request) => seen.push({ request, at: Date.now() }));
  return () =>
    seen.map(({ request, at }) => {
      // The browser's own start time (wall clock) once known; else when the test heard of it.
      const start = request.timing().startTime;
      return { url: request.url(), start: start > 0 ? start : at };
    });
}

/** firstPaintAt is the wall-clock time of the page's first-grid-paint mark. */
async function firstPaintAt(page: Page): Promise<number> {
  await expect
    .poll(() => page.evaluate((m) => performance.getEntriesByName(m).length, GRID_PAINT_MARK))
    .toBe(1);
  return page.evaluate(
    (m) => performance.timeOrigin + performance.getEntriesByName(m)[0]!.startTime,
    GRID_PAINT_MARK,
  );
}

test.describe('the first paint does not wait for the editor', () => {
  test('no Monaco chunk is requested before the grid paints; Monaco loads when the page is idle', async ({
    page,
    context,
  }) => {
    const requests = requestLog(context);
    const pg = new Playground(page);
    await pg.goto();
    const paintedAt = await firstPaintAt(page);

    // Monaco arrives by itself, nobody touching the page.
    await pg.waitForMonaco();
    await expect(
      pg.editor.locator('.monaco-editor .view-line', { hasText: /^kind:\s/ }).first(),
    ).toBeVisible();
    const monaco = requests().filter((r) => MONACO.test(r.url));
    expect(monaco.map((r) => new URL(r.url).pathname)).toContainEqual(expect.stringMatching(/YamlEditor-/));
    const early = monaco.filter((r) => r.start < paintedAt).map((r) => r.url);
    expect(early, 'Monaco files requested before the first grid paint').toEqual([]);
  });

  test('focusing the read-only text loads Monaco at once, with the caret where it was and the text intact', async ({
    page,
    context,
  }) => {
    // No idle period ever comes, so only the focus can ask for Monaco; and Monaco's chunk is slow,
    // so the keys below land in the read-only text, not in Monaco.
    await page.addInitScript(() => {
      window.requestIdleCallback = () => 0;
    });
    await page.route(/\/assets\/YamlEditor-[\w-]+\.js$/, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
    const requests = requestLog(context);
    const pg = new Playground(page);
    await pg.goto();
    await firstPaintAt(page);

    const text = pg.editor.locator('textarea.textarea-editor');
    await expect(text).toHaveJSProperty('value', DEFAULT_SCENARIO);
    await expect(text).toHaveAttribute('readonly', '');
    await expect(pg.editor).toHaveAttribute(ATTR.editorKind, 'waiting');
    // Still nothing of Monaco well after the paint: it waits for idle time or for the user.
    await page.waitForTimeout(1_000);
    expect(requests().filter((r) => MONACO.test(r.url))).toEqual([]);

    // A click focuses the text and puts the caret where it lands; a typed key changes nothing.
    await text.click({ position: { x: 60, y: 100 } });
    const caret = await text.evaluate((el: HTMLTextAreaElement) => el.selectionStart);
    expect(caret).toBeGreaterThan(0);
    await page.keyboard.type('x');
    await expect(text).toHaveJSProperty('value', DEFAULT_SCENARIO);
    expect(requests().some((r) => /YamlEditor-[\w-]+\.js$/.test(r.url))).toBe(true);

    await pg.waitForMonaco();
    await expect(text).toHaveCount(0);
    await expect
      .poll(() => page.evaluate(() => !!document.activeElement?.closest('.monaco-editor')))
      .toBe(true);
    // Typing goes to Monaco, at the caret the read-only text had.
    await page.keyboard.type('typed');
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('ControlOrMeta+C');
    const expected = `${DEFAULT_SCENARIO.slice(0, caret)}typed${DEFAULT_SCENARIO.slice(caret)}`;
    expect((await readClipboard(page)).replace(/\r\n/g, '\n')).toBe(expected);
  });

  test("kubectl's code is fetched after the grid paints; a command typed while it is slow still gets its answer", async ({
    page,
    context,
  }) => {
    // A slow kubectl chunk: the command typed meanwhile waits in the worker, then runs.
    await page.route(KUBECTL, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      await route.continue();
    });
    const requests = requestLog(context);
    const pg = new Playground(page);
    await pg.goto();
    const paintedAt = await firstPaintAt(page);
    await expect.poll(() => requests().filter((r) => KUBECTL.test(r.url)).length).toBe(1);
    const kubectl = requests().find((r) => KUBECTL.test(r.url))!;
    expect(kubectl.start, 'kubectl requested after the first grid paint').toBeGreaterThanOrEqual(paintedAt);

    await pg.run('kubectl get nodes');
    await expect(pg.consoleOutput).toContainText(/node-1\s+Ready/);
  });
});
