// Bad input and faults: a crashing engine worker, a reload, hostile and truncated share links.
import { DEFAULT_SCENARIO } from '../../src/app/defaultScenario';
import { TID } from '../../src/app/testIds';
import { encodeRun } from '../../src/share/urlCodec';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { Playground } from './pages/Playground';

const HOSTILE_IMG = '<img src=x onerror=window.__pwned=1>';
const HOSTILE_SCRIPT = '<script>window.__pwned=2</script>';

/** The default scenario with markup and a script in its title, description and a node annotation. */
const HOSTILE_SCENARIO = DEFAULT_SCENARIO.replace(
  'name: node-1\n',
  `name: node-1\n  annotations: { note: "${HOSTILE_IMG}" }\n`,
)
  .replace('title: A logging agent on every node', `title: 'Title ${HOSTILE_IMG}'`)
  .replace(
    '  description: |\n',
    `  description: |\n    Hello ${HOSTILE_SCRIPT} and ${HOSTILE_IMG}.\n    [a link](javascript:window.__pwned=3) and <b onclick="window.__pwned=4">bold</b>.\n\n`,
  );

// The deliberate faults, as the browser reports them.
const WORKER_CRASH = /debug crash requested by the test hook|test fault in the \w+ panel/;

async function crashWorker(pg: Playground): Promise<void> {
  await pg.page.evaluate(() =>
    (window as unknown as { __playground: { crashWorker(): void } }).__playground.crashWorker(),
  );
}

async function breakPanel(pg: Playground, label: string): Promise<void> {
  await pg.page.evaluate(
    (l) =>
      (window as unknown as { __playground: { breakPanel(l: string): void } }).__playground.breakPanel(l),
    label,
  );
}

/** dropExpected removes the deliberate crash from the console errors the fixture checks. */
function dropExpected(errors: string[]): void {
  const kept = errors.filter((e) => !WORKER_CRASH.test(e));
  errors.splice(0, errors.length, ...kept);
}

// The default scenario with the page's test hooks (crash the worker, break a panel) switched on.
async function openWithTestHooks(page: Page): Promise<Playground> {
  const pg = new Playground(page);
  await page.goto('./?test-hooks');
  await expect(pg.nodes()).toHaveCount(4);
  return pg;
}

test.describe('robustness', () => {
  test('a crashed engine worker is restarted with the same run and the editor untouched', async ({
    page,
    consoleErrors,
  }) => {
    const pg = await openWithTestHooks(page);
    await pg.run('sim node add node-4');
    await expect(pg.node('node-4')).toBeVisible();
    // Monaco replaces the read-only text once the page is idle: compare one editor with itself.
    await pg.waitForMonaco();
    const editorBefore = await pg.editor.textContent();

    await crashWorker(pg);
    const notices = page.getByTestId(TID.notice);
    await expect(notices.filter({ hasText: 'The simulation engine crashed' })).toHaveCount(1);
    await expect(notices.filter({ hasText: 'The simulation engine was restarted' })).toHaveCount(1);
    await expect(pg.consoleOutput).toContainText('# the simulation engine was restarted');
    await expect(pg.nodes()).toHaveCount(5);
    await expect(pg.node('node-4')).toBeVisible();
    expect(await pg.editor.textContent()).toBe(editorBefore);
    // The new worker answers commands.
    await pg.run('kubectl get nodes');
    await expect(pg.consoleOutput).toContainText(/node-4\s+Ready/);
    dropExpected(consoleErrors);
  });

  test('a crash loop stops after three restarts and offers "Restart engine"', async ({
    page,
    consoleErrors,
  }) => {
    const pg = await openWithTestHooks(page);
    const restarted = pg.consoleOutput.getByText('# the simulation engine was restarted');
    for (let i = 1; i <= 3; i++) {
      await crashWorker(pg);
      await expect(restarted).toHaveCount(i);
    }
    await crashWorker(pg);
    const button = page.getByTestId(TID.restartEngine);
    await expect(button).toBeVisible();
    await expect(page.getByTestId(TID.notice).filter({ hasText: 'was not restarted again' })).toHaveCount(1);
    await button.click();
    await expect(button).toBeHidden();
    await expect(restarted).toHaveCount(4);
    await expect(pg.nodes()).toHaveCount(4);
    dropExpected(consoleErrors);
  });

  test('a panel that fails to render says so and the rest of the page keeps working', async ({
    page,
    consoleErrors,
  }) => {
    const pg = await openWithTestHooks(page);
    await breakPanel(pg, 'inspector');
    const fallback = page.getByTestId(TID.errorBoundary);
    await expect(fallback).toContainText('The inspector panel failed.');
    await expect(pg.inspector).toHaveCount(0);
    await pg.run('sim node add node-4');
    await expect(pg.node('node-4')).toBeVisible();
    await fallback.getByRole('button', { name: 'Try again' }).click();
    await expect(pg.inspector).toBeVisible();
    await expect(fallback).toHaveCount(0);
    dropExpected(consoleErrors);
  });

  test('a page that fails to render offers a reload and resetting the saved work', async ({
    page,
    consoleErrors,
  }) => {
    const pg = await openWithTestHooks(page);
    await pg.run('sim node add node-4');
    await expect(pg.node('node-4')).toBeVisible();
    await breakPanel(pg, 'app');
    const fallback = page.getByTestId(TID.errorBoundary);
    await expect(fallback).toContainText('The playground failed.');
    await expect(fallback.getByRole('button', { name: 'Reload' })).toBeVisible();
    await fallback.getByRole('button', { name: 'Reset saved work' }).click();
    // Back to a first visit: the default scenario, without the added node.
    await expect(pg.nodes()).toHaveCount(4);
    await expect(pg.node('node-4')).toHaveCount(0);
    dropExpected(consoleErrors);
  });

  test('the crash hook exists only on pages opened with ?test-hooks', async ({ playground: pg }) => {
    expect(await pg.page.evaluate(() => typeof (window as { __playground?: unknown }).__playground)).toBe(
      'undefined',
    );
  });

  test('a reload keeps the work', async ({ playground: pg }) => {
    await pg.run('sim node add node-5');
    await expect(pg.node('node-5')).toBeVisible();
    await pg.page.reload();
    await expect(pg.node('node-5')).toBeVisible();
  });

  test('a hostile link shows its markup as inert text', async ({ page }) => {
    expect(HOSTILE_SCENARIO).toContain(`note: "${HOSTILE_IMG}"`);
    expect(HOSTILE_SCENARIO).toContain(`title: 'Title ${HOSTILE_IMG}'`);
    await page.goto('./' + encodeRun({ text: HOSTILE_SCENARIO, log: [], time: 3, speed: 1 }));
    const pg = new Playground(page);
    await expect(page.getByTestId(TID.notice)).toContainText('Opened a shared run');
    await expect(pg.nodes()).toHaveCount(4);
    await expect(pg.inspector).toContainText(`Title ${HOSTILE_IMG}`);
    // The description is Markdown (`__` is emphasis), rendered as elements, never as HTML.
    await expect(pg.inspector).toContainText('Hello <script>window.');
    await expect(pg.inspector).toContainText('</script> and <img src=x onerror=');
    await expect(pg.inspector).toContainText('<b onclick=');
    await pg.node('node-1').click();
    await pg.inspector.getByRole('tab', { name: 'YAML' }).click();
    await expect(pg.inspector).toContainText(HOSTILE_IMG);
    await expect(page.locator('img[src="x"], script:not([src]), [onerror], [onclick]')).toHaveCount(0);
    await expect(page.locator('a[href^="javascript:"]')).toHaveCount(0);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  test('a truncated link says so and runs nothing from it', async ({ page }) => {
    const full = encodeRun({
      text: DEFAULT_SCENARIO,
      log: [{ t: 1, line: 'sim node add node-9' }],
      time: 2,
      speed: 1,
    });
    await page.goto('./' + full.slice(0, Math.floor(full.length / 2)));
    await expect(page.getByTestId(TID.notice)).toContainText('This link could not be opened');
    const pg = new Playground(page);
    await expect(pg.nodes()).toHaveCount(4);
    await expect(pg.node('node-9')).toHaveCount(0);
    await expect(pg.consoleOutput).not.toContainText('opened a shared run');
  });
});
