import type { Page } from '@playwright/test';
import { expect, test } from '@playwright/test';
import { TID } from '../../src/app/testIds';
import { READY_MESSAGE_TYPE } from '../../src/app/embed';

// The offline service worker would answer the course page's request before the test's route does.
test.use({ serviceWorkers: 'block' });

// A course page served by the test embeds the playground in an iframe, as docs/embedding.md says.
// The page counts localStorage writes inside the frame (same origin, so it can watch them).
function coursePage(src: string): string {
  return `<!doctype html><html lang="en"><head><title>Course</title></head><body>
<h1>DaemonSets</h1>
<iframe id="pg" src="${src}" width="900" height="520" title="DaemonSet Playground"></iframe>
<script>
  window.messages = [];
  window.addEventListener('message', (e) => window.messages.push(e.data));
</script></body></html>`;
}

async function openCourse(page: Page, query: string): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { storageWrites: string[] };
    w.storageWrites = [];
    const set = Storage.prototype.setItem;
    Storage.prototype.setItem = function (key: string, value: string) {
      // The frame shares the top page's origin; its writes land here too.
      (window.top as unknown as { storageWrites: string[] }).storageWrites.push(key);
      return set.call(this, key, value);
    };
  });
  // The course page is served at the playground's address itself (same origin), through a route.
  await page.route('**/course.html', (route) =>
    route.fulfill({ contentType: 'text/html', body: coursePage(`./${query}`) }),
  );
  await page.goto('./course.html');
}

test('an embedded gallery scenario posts ready, writes no storage and links out', async ({ page }) => {
  await page.goto('./');
  // A visit before: the full page's saved run must not leak into the embed.
  await page.evaluate(() => localStorage.setItem('daemonset-playground.panels', '{"editor":true}'));
  await openCourse(page, '?embed=1&panels=grid,console&scenario=rolling-update');
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { messages: unknown[] }).messages))
    .toContainEqual(expect.objectContaining({ type: READY_MESSAGE_TYPE, scenario: 'rolling-update' }));
  const frame = page.frameLocator('#pg');
  await expect(frame.locator('[data-node]').first()).toBeVisible();
  await expect(frame.getByTestId(TID.consoleInput)).toBeVisible();
  await expect(frame.getByTestId(TID.editor)).toHaveCount(0);
  await expect(frame.getByTestId(TID.inspector)).toHaveCount(0);
  await expect(frame.locator('dialog[open]')).toHaveCount(0);
  const link = frame.getByTestId(TID.openInPlayground);
  const href = await link.getAttribute('href');
  expect(href).toContain('scenario=rolling-update');
  expect(href).not.toContain('embed=');
  await frame.getByTestId(TID.consoleInput).fill('kubectl get ds -A');
  await frame.getByTestId(TID.consoleInput).press('Enter');
  await expect(frame.getByTestId(TID.consoleOutput)).toContainText('fluentd');
  // Leaving the frame's page flushes the run storage; an embed has none.
  await page.evaluate(() => {
    const f = document.getElementById('pg') as HTMLIFrameElement;
    f.contentWindow?.dispatchEvent(new Event('pagehide'));
  });
  expect(await page.evaluate(() => (window as unknown as { storageWrites: string[] }).storageWrites)).toEqual(
    [],
  );
  await page.screenshot({ path: 'screenshots/embed-course-page.png' });
});

test('an embedded share link opens its run, and the way out carries it', async ({ page }) => {
  await page.goto('./');
  await page.getByTestId(TID.consoleInput).fill('sim node add node-9');
  await page.getByTestId(TID.consoleInput).press('Enter');
  await expect(page.locator('[data-node="node-9"]')).toBeVisible();
  await page.getByTestId(TID.share).click();
  const shared = await page.getByTestId(TID.shareUrl).inputValue();
  const fragment = shared.slice(shared.indexOf('#'));
  await openCourse(page, `?embed=1${fragment}`);
  const frame = page.frameLocator('#pg');
  await expect(frame.locator('[data-node="node-9"]')).toBeVisible();
  const link = frame.getByTestId(TID.openInPlayground);
  await link.hover();
  await expect(link).toHaveAttribute('href', /#v\d+:/);
  expect(await page.evaluate(() => (window as unknown as { storageWrites: string[] }).storageWrites)).toEqual(
    [],
  );
});
