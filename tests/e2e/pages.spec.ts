// The built site as GitHub Pages serves it: under a sub-path (the config serves dist/ at
// /daemonset-playground/), every file from that sub-path, nothing from another origin, and
// offline after the first visit.
import type { Request } from '@playwright/test';
import { Playground } from './pages/Playground';
import { expect, test } from './fixtures';

const SUB_PATH = '/daemonset-playground/';

test.describe('the built site under a sub-path', () => {
  test('loads its worker and Monaco from the sub-path and asks no other origin for anything', async ({
    page,
    context,
    baseURL,
  }) => {
    const origin = new URL(baseURL ?? '').origin;
    const requests: string[] = [];
    const record = (r: Request) => requests.push(r.url());
    // Context-wide, so requests from the page's workers and service worker count too.
    context.on('request', record);
    const pg = new Playground(page);
    await pg.goto();
    await pg.waitForMonaco();
    await expect(pg.podsOn('node-1')).toHaveCount(1);
    await expect
      .poll(() => requests.filter((u) => /\/assets\/(editor|yaml)\.worker-[\w-]+\.js$/.test(u)).length)
      .toBeGreaterThan(0);

    const foreign = requests.filter((u) => !u.startsWith(origin) && !/^(data|blob):/.test(u));
    expect(foreign).toEqual([]);
    const outside = requests.filter((u) => u.startsWith(origin) && !new URL(u).pathname.startsWith(SUB_PATH));
    expect(outside).toEqual([]);
    const assets = requests.map((u) => new URL(u, origin).pathname);
    expect(assets).toContainEqual(
      expect.stringMatching(/^\/daemonset-playground\/assets\/engine\.worker-[\w-]+\.js$/),
    );
    expect(assets).toContainEqual(
      expect.stringMatching(/^\/daemonset-playground\/assets\/YamlEditor-[\w-]+\.js$/),
    );
  });

  test('works offline after the first visit', async ({ page, context }) => {
    const pg = new Playground(page);
    await pg.goto();
    await pg.waitForMonaco();
    // The service worker takes control after the first load and caches what it loaded.
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? ''), {
        timeout: 15_000,
      })
      .toMatch(/\/daemonset-playground\/sw\.js$/);
    await expect
      .poll(() =>
        page.evaluate(async () => {
          const keys = await caches.keys();
          const cached = await Promise.all(keys.map(async (k) => (await caches.open(k)).keys()));
          return cached.flat().map((r) => new URL(r.url).pathname);
        }),
      )
      .toEqual(
        expect.arrayContaining([
          expect.stringMatching(/engine\.worker-/),
          expect.stringMatching(/YamlEditor-/),
        ]),
      );

    await context.setOffline(true);
    await page.reload();
    await expect(pg.nodes()).toHaveCount(4);
    await expect(pg.podsOn('node-1')).toHaveCount(1);
    await pg.waitForMonaco();
    await context.setOffline(false);
  });
});
