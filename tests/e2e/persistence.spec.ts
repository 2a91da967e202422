import { DEFAULT_SCENARIO } from '../../src/app/defaultScenario';
import { TID } from '../../src/app/testIds';
import { encodeRun } from '../../src/share/urlCodec';
import { expect, test } from './fixtures';

// The first line changes too: Monaco only renders the lines in view, and the test reads those.
const EDITED = DEFAULT_SCENARIO.replace(
  'image: fluent/fluentd:v1.14-1',
  'image: fluent/fluentd:v1.15-1',
).replace('# A small cluster', '# Edited before the reload: a small cluster');

test.describe('the run survives a reload', () => {
  test('a reload keeps the edited text, the command log and the speed', async ({ playground: pg, page }) => {
    await pg.setSpeed(5);
    await pg.run('kubectl label nodes node-2 team=b');
    await pg.run('sim node add node-5');
    await pg.setEditorText(EDITED);
    await pg.applyEditor();
    await expect(pg.consoleOutput).toContainText('kubectl apply -f scenario.yaml');
    const clock = await pg.pauseAndReadClock();

    await page.reload();
    await expect(pg.node('node-5')).toBeVisible();
    await expect(pg.node('node-2')).toContainText('team=b');
    await expect(pg.editor).toContainText('# Edited before the reload');
    await expect(pg.clock).toHaveText(clock);
    await expect(pg.speed).toHaveValue('5');
    // Three commands, or four when the editor's own debounced apply also ran.
    await expect(pg.consoleOutput).toContainText(/restored your last session: [34] commands replayed/);
    await expect(pg.consoleOutput).toContainText('kubectl label nodes node-2 team=b');
    await expect(pg.consoleOutput).toContainText('sim node add node-5');
    // The rollout the edit started is part of the run: the pods carry the new image's revision.
    await pg.play.click();
    await expect(pg.podsOn('node-1')).toHaveAttribute('data-revision', '2', { timeout: 20_000 });
  });

  test('reset clears the saved run and opens the default scenario', async ({ playground: pg, page }) => {
    await pg.run('sim node add node-6');
    await expect(pg.node('node-6')).toBeVisible();
    await page.getByTestId(TID.reset).click();
    await expect(pg.nodes()).toHaveCount(4);
    await expect(pg.consoleOutput).toContainText('reset: the saved session was cleared');
    await page.reload();
    await expect(pg.nodes()).toHaveCount(4);
    await expect(pg.play).toHaveAttribute('aria-pressed', 'true');
    await expect(pg.consoleOutput).not.toContainText('restored your last session');
    expect(await page.evaluate(() => localStorage.getItem('daemonset-playground:run'))).not.toContain(
      'node-6',
    );
  });

  test('a share link wins over the saved run', async ({ playground: pg, page }) => {
    await pg.run('sim node add node-6');
    await expect(pg.node('node-6')).toBeVisible();
    const link = encodeRun({
      text: DEFAULT_SCENARIO,
      log: [{ t: 1, line: 'sim node add node-8' }],
      time: 4,
      speed: 1,
    });
    // Leave the page first, so the link is a fresh visit rather than a fragment change.
    await page.goto('about:blank');
    await page.goto(`./${link}`);
    await expect(pg.node('node-8')).toBeVisible();
    await expect(pg.node('node-6')).toHaveCount(0);
    await expect(pg.clock).toHaveText('t = 4s');
  });
});
