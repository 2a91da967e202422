import { readFile } from 'node:fs/promises';
import type { Browser, Page } from '@playwright/test';
import { deflateSync, strToU8 } from 'fflate';
import { DEFAULT_SCENARIO } from '../../src/app/defaultScenario';
import { TID } from '../../src/app/testIds';
import { textHash } from '../../src/share/namedTexts';
import { encodeRun } from '../../src/share/urlCodec';
import type { Playground } from './pages/Playground';
import { Playground as PlaygroundPage } from './pages/Playground';
import { expect, test } from './fixtures';

/** placement lists every node with its pods, `node: pod,pod`, the way the grid shows them. */
function placement(page: Page): Promise<string[]> {
  return page.locator('[data-node]').evaluateAll((cards) =>
    cards
      .map((card) => {
        const pods = [...card.querySelectorAll('[data-pod]')].map((p) => p.getAttribute('data-pod')).sort();
        return `${card.getAttribute('data-node')}: ${pods.join(',')}`;
      })
      .sort(),
  );
}

/** openInFreshContext opens `url` in a new browser context (no storage, no history) and fails on page errors. */
async function openInFreshContext(browser: Browser, url: string): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return { page, errors };
}

async function shareUrl(pg: Playground): Promise<string> {
  await pg.page.getByTestId(TID.share).click();
  const field = pg.page.getByTestId(TID.shareUrl);
  await expect(field).toHaveValue(/#v[12]:/);
  return field.inputValue();
}

test.describe('share links', () => {
  test('a shared link opens the same pods on the same nodes at the same simulated time', async ({
    playground: pg,
    browser,
  }) => {
    await pg.setSpeed(20);
    await expect(pg.podsOn('node-3')).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
    await pg.run('kubectl label nodes node-1 team=a');
    await pg.run('sim node add node-4');
    await expect(pg.podsOn('node-4')).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
    await pg.pauseAndReadClock();
    const clock = await pg.clock.getAttribute('title');
    const pods = await placement(pg.page);
    expect(pods).toContain(pods.find((p) => p.startsWith('node-4: fluentd-')));

    const url = await shareUrl(pg);
    // The default scenario is named, not carried: only the two commands, speed and time travel.
    expect(url.length).toBeLessThan(300);
    expect(url).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/daemonset-playground\/#v2:default\.[0-9a-z]+\.[A-Za-z0-9_-]+$/,
    );
    await pg.screenshot('share-panel');

    const { page, errors } = await openInFreshContext(browser, url);
    const opened = new PlaygroundPage(page);
    // Opening replays the run in the worker first: on a busy machine that takes seconds.
    await expect(opened.node('node-4')).toBeVisible({ timeout: 30_000 });
    // Exact to the millisecond: the title shows the clock with three decimals.
    await expect(opened.clock).toHaveAttribute('title', clock ?? '');
    await expect(opened.clock).toHaveText((await pg.clock.textContent()) ?? '');
    await expect.poll(() => placement(page)).toEqual(pods);
    await expect(opened.pause).toHaveAttribute('aria-pressed', 'true');
    await expect(opened.speed).toHaveValue('20');
    await expect(opened.node('node-1')).toContainText('team=a');
    await expect(opened.consoleOutput).toContainText('opened a shared run: 2 commands replayed');
    // The fragment is gone once opened: a reload keeps what is done from here on.
    expect(new URL(page.url()).hash).toBe('');
    await opened.screenshot('share-opened');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  test('a broken link says so and opens the default scenario', async ({ page }) => {
    await page.goto('./#v1:garbage');
    const notice = page.getByTestId(TID.notice);
    await expect(notice).toContainText('This link could not be opened');
    await expect(notice).toContainText('default scenario');
    const pg = new PlaygroundPage(page);
    await expect(pg.nodes()).toHaveCount(4);
    await expect(pg.editor).toContainText('A small cluster: one control-plane node and three workers');
    expect(new URL(page.url()).hash).toBe('');
  });

  test('a link to an untouched gallery scenario names it, is short, and opens it', async ({ page }) => {
    const name = 'cordon-vs-drain';
    const text = await readFile(new URL(`../../src/scenario/gallery/${name}.yaml`, import.meta.url), 'utf8');
    const link = `./#v2:${name}.${textHash(text)}`;
    await page.goto(link);
    const pg = new PlaygroundPage(page);
    await expect(pg.node('node-2')).toBeVisible();
    await expect(page.getByTestId(TID.notice).first()).toContainText('Opened a shared run');
    await expect(pg.editor).toContainText('Cordon vs drain');
    // Shared again, it is the same short link (plus the moment it was paused at).
    await page.getByTestId(TID.share).click();
    const url = await page.getByTestId(TID.shareUrl).inputValue();
    expect(url).toContain(`#v2:${name}.${textHash(text)}`);
    expect(url.length).toBeLessThan(200);
  });

  test('a link whose gallery text has changed since opens the current text with a notice', async ({
    page,
  }) => {
    await page.goto(`./#v2:default.${textHash('an older default scenario')}`);
    const notices = page.getByTestId(TID.notice);
    await expect(notices.filter({ hasText: 'has changed since this link was made' })).toBeVisible();
    await expect(new PlaygroundPage(page).nodes()).toHaveCount(4);
  });

  test('a link from another format version is refused with its reason', async ({ page }) => {
    await page.goto('./#v9:abc');
    await expect(page.getByTestId(TID.notice)).toContainText('format v9');
    await expect(new PlaygroundPage(page).nodes()).toHaveCount(4);
  });

  test('hostile text in a link stays text: nothing in it runs or becomes HTML', async ({ page }) => {
    const hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const url =
      './' +
      encodeRun({
        text: `${DEFAULT_SCENARIO}\n# ${hostile}\n`,
        log: [{ t: 1, line: `kubectl get pods ${hostile.replace(/"/g, '')}` }],
        time: 2,
        speed: 1,
      });
    await page.goto(url);
    const pg = new PlaygroundPage(page);
    await expect(pg.consoleOutput).toContainText('<script>window.__pwned=2</script>');
    await expect(pg.nodes()).toHaveCount(4);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(page.locator('img[src="x"], script:not([src])')).toHaveCount(0);
  });

  test('a link over 8,000 characters warns and offers a scenario file', async ({ page }) => {
    // Incompressible filler: a long comment of pseudo-random letters.
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
    let x = 7;
    const noise = Array.from({ length: 12_000 }, () => ((x = (x * 48271) % 2147483647), letters[x % 62]));
    const url =
      './' + encodeRun({ text: `${DEFAULT_SCENARIO}\n# ${noise.join('')}\n`, log: [], time: 5, speed: 1 });
    await page.goto(url);
    const pg = new PlaygroundPage(page);
    await expect(pg.nodes()).toHaveCount(4);
    await pg.run('sim node add node-7');
    await page.getByTestId(TID.share).click();
    await expect(page.getByTestId(TID.shareWarning)).toContainText('characters long');
    const download = page.waitForEvent('download');
    await page.getByTestId(TID.shareDownload).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('daemonset-playground-run.yaml');
    const text = await readFile(await file.path(), 'utf8');
    expect(text).toContain('kind: Scenario');
    expect(text).toContain('- sim: node add node-7');
  });
});

test('links made by hand without compression are refused, not guessed at', async ({ page }) => {
  // Raw JSON in base64url (no deflate) is not a v1 link.
  const raw = Buffer.from(JSON.stringify({ text: 'a: 1' })).toString('base64url');
  await page.goto(`./#v1:${raw}`);
  await expect(page.getByTestId(TID.notice)).toContainText('could not be opened');
  // And a deflated stream that is not JSON says so.
  const notJson = Buffer.from(deflateSync(strToU8('hello'))).toString('base64url');
  await page.goto(`./#v1:${notJson}`);
  await expect(page.getByTestId(TID.notice).last()).toContainText('not JSON');
});
