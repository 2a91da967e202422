import { expect, test } from './fixtures';

test.describe('the default scenario', () => {
  test('loads a control plane and three workers, each with a ready fluentd pod', async ({
    playground: pg,
  }) => {
    await pg.setSpeed(20);
    await expect(pg.nodes()).toHaveCount(4);
    for (const name of ['control-plane', 'node-1', 'node-2', 'node-3']) {
      await expect(pg.podsOn(name)).toHaveCount(1);
      await expect(pg.podsOn(name)).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
      await expect(pg.podsOn(name)).toHaveAttribute('data-phase', 'Running');
      await expect(pg.podsOn(name)).toHaveAttribute('data-revision', '1');
    }
    await expect(pg.dsStatus).toContainText('fluentd');
    await expect(pg.editor).toContainText('scenario.yaml');
    await expect(pg.events).toContainText('SuccessfulCreate');
    await pg.screenshot('default-view');
  });

  test('labels the grid as a list and names each node with its pods in words', async ({ playground: pg }) => {
    await expect(pg.grid).toHaveAttribute('role', 'list');
    await expect(pg.grid).toHaveAttribute('aria-label', /Cluster nodes \(4\)/);
    await expect(pg.node('control-plane')).toHaveAttribute(
      'aria-label',
      /^control-plane: control-plane, Ready\..*1 pod: fluentd-/,
    );
  });

  test('moves between nodes with the arrow keys and inspects one with Enter', async ({
    playground: pg,
    page,
  }) => {
    await pg.grid.focus();
    // The first arrow enters the list at its first card, the next ones move.
    await page.keyboard.press('ArrowRight');
    await expect(pg.node('control-plane')).toBeFocused();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(pg.node('node-2')).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(pg.inspector).toContainText('node-2');
  });

  test('switches between light and dark themes', async ({ playground: pg, page }) => {
    const html = page.locator('html');
    const before = await html.getAttribute('data-theme');
    await page.getByTestId('theme-toggle').click();
    await expect(html).not.toHaveAttribute('data-theme', before ?? '');
    await expect(pg.grid).toBeVisible();
  });
});
