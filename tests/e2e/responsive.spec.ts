import { expect, test } from './fixtures';
import { Layout } from './pages/Layout';

// Every seat in the room: a phone, a tablet, a laptop and the projector.
test.describe('phone 390×844', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('shows the panels as tabs with the grid first, and never scrolls sideways', async ({
    playground: pg,
    page,
  }) => {
    const layout = new Layout(page);
    await expect(layout.tabs.getByRole('tab')).toHaveText(['Grid', 'Story', 'Console', 'Editor', 'Events']);
    await expect(layout.tab('grid')).toHaveAttribute('aria-selected', 'true');
    await expect(pg.grid).toBeInViewport();
    await expect(pg.editor).toBeHidden();
    expect(await layout.horizontalOverflow()).toBe(0);
    await pg.screenshot('responsive-390x844');
    for (const panel of ['story', 'console', 'editor', 'events']) {
      await layout.tab(panel).tap();
      expect(await layout.horizontalOverflow(), `${panel} tab`).toBe(0);
    }
    await layout.tab('console').tap();
    await expect(pg.consoleInput).toBeInViewport();
  });

  test('a tap selects a node and a long press opens its menu', async ({ playground: pg, page }) => {
    const card = pg.node('node-1');
    await card.tap();
    await expect(card).toHaveAttribute('aria-current', 'true');
    const box = await card.boundingBox();
    if (!box) throw new Error('node-1 has no box');
    // A finger resting on the card: touchstart now, touchend once the menu is open.
    const cdp = await page.context().newCDPSession(page);
    const point = [{ x: box.x + 40, y: box.y + 15 }];
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point });
    await expect(pg.nodeMenu).toBeVisible();
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await expect(pg.nodeMenu.getByRole('menuitem', { name: /cordon/i }).first()).toBeVisible();
  });
});

test.describe('tablet 820×1180', () => {
  test.use({ viewport: { width: 820, height: 1180 }, hasTouch: true });

  test('shows tabs, the grid first, without horizontal scrolling', async ({ playground: pg, page }) => {
    const layout = new Layout(page);
    await expect(layout.tab('grid')).toHaveAttribute('aria-selected', 'true');
    await expect(pg.grid).toBeInViewport();
    expect(await layout.horizontalOverflow()).toBe(0);
    // The top bar keeps its buttons on one row (the theme button does not wrap alone) and the
    // time controls on the next.
    const middle = async (testId: string) => {
      const box = await page.getByTestId(testId).boundingBox();
      return box ? Math.round(box.y + box.height / 2) : undefined;
    };
    expect(await middle('theme-toggle')).toBe(await middle('presenter'));
    expect(await middle('gallery-open')).toBe(await middle('presenter'));
    await layout.tab('story').tap();
    await expect(pg.inspector).toBeInViewport();
    await pg.screenshot('responsive-820x1180');
  });
});

test.describe('laptop 1366×768', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('fits 24 nodes in the grid without scrolling and shows a new node', async ({
    playground: pg,
    page,
  }) => {
    await pg.run('sim cluster grow 20');
    await expect(pg.nodes()).toHaveCount(24);
    const scroller = page.locator('.grid-scroll');
    await expect
      .poll(() => scroller.evaluate((el) => el.scrollHeight - el.clientHeight), { timeout: 10_000 })
      .toBeLessThanOrEqual(1);
    for (const name of ['node-1', 'node-0020']) await expect(pg.node(name)).toBeInViewport();
    await pg.screenshot('responsive-1366x768-24-nodes');
    // Past what fits, the grid scrolls, and the node just added is brought into view.
    await pg.run('sim cluster grow 40');
    await expect(pg.nodes()).toHaveCount(64);
    await pg.run('sim node add zz-new');
    await expect(pg.node('zz-new')).toBeInViewport();
  });

  test('gives the 5,000-node overview at least half the height', async ({ page }) => {
    await page.goto('./?scenario=cluster-at-scale');
    const overview = page.getByTestId('grid-overview');
    await expect(overview).toBeVisible({ timeout: 30_000 });
    const height = await overview.evaluate((el) => el.getBoundingClientRect().height);
    expect(height).toBeGreaterThanOrEqual(768 / 2);
    // The pane may scroll a little at the bottom; most of the picture is in view.
    await expect(page.getByTestId('grid-canvas')).toBeInViewport({ ratio: 0.75 });
    await page.screenshot({ path: 'screenshots/responsive-1366x768-overview.png' });
  });

  test('remembers folded panels after a reload', async ({ playground: pg, page }) => {
    const layout = new Layout(page);
    const before = await pg.grid.evaluate((el) => el.clientWidth);
    await layout.fold('editor').click();
    await layout.fold('events').click();
    await expect(layout.fold('editor')).toHaveAttribute('aria-expanded', 'false');
    await expect.poll(() => pg.grid.evaluate((el) => el.clientWidth)).toBeGreaterThan(before + 200);
    await page.reload();
    await expect(pg.nodes()).not.toHaveCount(0);
    await expect(layout.fold('editor')).toHaveAttribute('aria-expanded', 'false');
    await expect(layout.fold('events')).toHaveAttribute('aria-expanded', 'false');
    await expect(layout.fold('inspector')).toHaveAttribute('aria-expanded', 'true');
    await layout.fold('editor').click();
    await expect(pg.editor).toBeInViewport();
  });
});

test.describe('presenter 1920×1080', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('every text on screen (top bar, console, events, DaemonSet table, inspector with its Run/Copy buttons, node cards, pod chips) is at least 20 px', async ({
    playground: pg,
    page,
  }) => {
    const layout = new Layout(page);
    await pg.run('kubectl get ds -A');
    await page.getByTestId('presenter').click();
    await expect(pg.editor).toBeHidden();
    await pg.node('node-1').click();
    // Pod chips too: their names and revision badges, drawn inside the scaled grid.
    await expect(pg.pods().first()).toBeVisible();
    const everyText = [
      '.topbar',
      '.timeline',
      '.console',
      '.events-panel',
      '.ds-panel',
      '.inspector',
      '.grid-toolbar',
      '.grid-footer',
      // Node cards (name, role, cpu and memory rows, label lines) and the pod chips inside them,
      // drawn inside the scaled grid.
      '.node-grid .node-card',
    ];
    const expectLegible = async () => {
      for (const sel of everyText) {
        const smallest = await layout.smallestFont(sel);
        expect(smallest.size, `${sel}: "${smallest.text}"`).toBeGreaterThanOrEqual(20);
      }
    };
    await expectLegible();
    // A pod's inspector: its log command's Run and Copy buttons too.
    await pg.pods().first().click();
    await expect(pg.inspector.getByTestId('snippet-run').first()).toBeVisible();
    const inInspector = await layout.smallestFont('.inspector');
    expect(inInspector.size, `.inspector: "${inInspector.text}"`).toBeGreaterThanOrEqual(20);
    // The grid grows into the room the editor left.
    await expect.poll(() => pg.grid.getAttribute('data-scale')).not.toBe('1.00');
    await pg.screenshot('responsive-presenter-1920x1080');
    // Node by node the grid shrinks its cards down to presenter mode's smallest scale (1.3×),
    // then turns to dense cards: every layout on the way keeps 20 px.
    const layouts = new Set<string>();
    for (let nodes = 5; nodes <= 12; nodes++) {
      await pg.run('sim cluster grow 1');
      await expect(pg.nodes()).toHaveCount(nodes);
      await expectLegible();
      const dense = await pg.grid.evaluate((el) => el.classList.contains('is-dense'));
      layouts.add(`${dense ? 'dense' : 'full'} ${await pg.grid.getAttribute('data-scale')}`);
    }
    expect([...layouts]).toContain('full 1.30');
    expect([...layouts].some((l) => l.startsWith('dense'))).toBe(true);
    await pg.screenshot('responsive-presenter-12-nodes');
  });

  test('tells old and new revisions apart by pattern, with a legend', async ({ playground: pg, page }) => {
    const layout = new Layout(page);
    await page.getByTestId('presenter').click();
    await pg.setSpeed(20);
    for (const node of ['control-plane', 'node-1', 'node-2', 'node-3']) {
      await expect(pg.podsOn(node)).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
    }
    // Ready pods become available after minReadySeconds (5 s); update.go replaces unavailable old
    // pods all at once, so wait for availability to keep maxUnavailable (1) in charge.
    const ready = await pg.seconds();
    await expect.poll(() => pg.seconds(), { timeout: 15_000 }).toBeGreaterThan(ready + 6);
    await pg.setSpeed(1);
    // No such tag exists (the image catalogue has v1.16-1), so the first new pod never becomes
    // available and the rollout holds after one node: old and new pods stay on the screen together.
    await pg.run('kubectl set image ds/fluentd fluentd=fluent/fluentd:v1.16 -n kube-system');
    // Mid-rollout, an old pod (not yet terminating, which has stripes of its own) is dotted and a
    // new one is plain.
    const patterns = () =>
      page.evaluate(() => {
        const images = (sel: string) =>
          Array.from(document.querySelectorAll(sel), (el) => getComputedStyle(el).backgroundImage);
        return {
          oldDotted: images('[data-pod][data-rev-age="old"]:not([data-tone="terminating"])').some((b) =>
            b.includes('radial-gradient'),
          ),
          currentPlain: images('[data-pod][data-rev-age="current"]').some((b) => b === 'none'),
        };
      });
    await expect.poll(patterns, { timeout: 15_000 }).toEqual({ oldDotted: true, currentPlain: true });
    await expect(layout.revisionLegend).toContainText('old revision');
    await expect(layout.revisionLegend).toContainText('current revision');
    await pg.screenshot('responsive-presenter-rollout');
  });
});
