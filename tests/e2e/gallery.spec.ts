import { readFileSync } from 'node:fs';
import { loadManifests } from '../../src/manifests';
import { TID } from '../../src/app/testIds';
import { GALLERY } from '../../src/scenario/gallery';
import { GalleryLesson } from './pages/GalleryLesson';
import { expect, test } from './fixtures';

function galleryText(name: string): string {
  return readFileSync(new URL(`../../src/scenario/gallery/${name}.yaml`, import.meta.url), 'utf8');
}

/** nodesOf lists the nodes a gallery scenario starts with, read from its file as the app reads it. */
function nodesOf(name: string): string[] {
  return loadManifests(galleryText(name))
    .objects.filter((o) => o.object.kind === 'Node')
    .map((o) => o.object.metadata.name);
}

test.describe('scenario gallery', () => {
  test('lists every built-in scenario, lessons apart', async ({ playground: pg }) => {
    const g = new GalleryLesson(pg);
    await g.openButton.click();
    await expect(g.gallery.locator('[data-scenario]')).toHaveCount(GALLERY.length);
    await expect(
      g.gallery.getByRole('region', { name: 'Workshop lessons' }).locator('[data-scenario]'),
    ).toHaveCount(GALLERY.filter((e) => e.lesson).length);
    await pg.screenshot('gallery');
    await pg.page.keyboard.press('Escape');
    await expect(g.gallery).toBeHidden();
  });

  for (const entry of GALLERY) {
    test(`opens ${entry.name}: its title, its nodes on the grid, no errors`, async ({
      playground: pg,
      page,
    }) => {
      const g = new GalleryLesson(pg);
      await g.open(entry.name);
      await expect(page.locator('.topbar__scenario')).toHaveText(entry.title);
      const grown = /sim: cluster grow (\d+)/.exec(galleryText(entry.name));
      if (grown) {
        // Thousands of nodes from one step: the grouped overview shows them (scale.spec.ts has more).
        const count = new Intl.NumberFormat('en').format(Number(grown[1]));
        await expect(page.getByTestId(TID.gridShowing)).toHaveText(`${count} nodes`, { timeout: 30_000 });
        await expect(pg.inspector).toContainText(entry.title);
        return;
      }
      const nodes = nodesOf(entry.name);
      // Steps add nodes later on; right after the load the grid holds the scenario's own.
      await expect(pg.nodes()).toHaveCount(nodes.length);
      for (const node of nodes) await expect(pg.node(node)).toBeVisible();
      await expect(pg.inspector).toContainText(entry.title);
      await expect(g.lesson).toHaveCount(entry.lesson ? 1 : 0);
    });
  }

  test('renders a description as Markdown, never as raw markup', async ({ playground: pg }) => {
    const g = new GalleryLesson(pg);
    await g.open('logging-agent-everywhere');
    await expect(pg.inspector.locator('strong', { hasText: 'What Kubernetes does.' })).toBeVisible();
    await expect(
      pg.inspector.locator('code', { hasText: 'kubectl describe node control-plane' }),
    ).toBeVisible();
    await expect(pg.inspector.locator('li').first()).toBeVisible();
    await expect(pg.inspector).not.toContainText('**');
  });

  test("prints the scenario's steps in the console: kube-bench's manifest is rejected", async ({
    playground: pg,
  }) => {
    const g = new GalleryLesson(pg);
    await g.open('kube-bench-rejected');
    await pg.setSpeed(5);
    await expect(pg.consoleOutput).toContainText('kubectl apply -f -', { timeout: 15_000 });
    await expect(pg.consoleOutput).toContainText(
      'The DaemonSet "kube-bench" is invalid: spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
    );
    await expect(pg.consoleOutput).toContainText('scenario step');
  });

  test('replaces the running scenario, editor included, and Restart runs it again from t = 0', async ({
    playground: pg,
    page,
  }) => {
    const g = new GalleryLesson(pg);
    await g.open('gpu-monitor');
    await expect(pg.node('gpu-1')).toBeVisible();
    await expect(pg.node('control-plane')).toHaveCount(0);
    await expect(pg.editor).toContainText('nvidia.com/gpu.present');
    await pg.setSpeed(20);
    await expect(pg.node('gpu-3')).toBeVisible({ timeout: 15_000 });
    // At speed 20 gpu-3 would join again 0.75 s after the restart: too close on a busy machine.
    await pg.setSpeed(1);
    await page.getByTestId('restart').click();
    await expect(pg.node('gpu-3')).toHaveCount(0);
    await expect(pg.nodes()).toHaveCount(4);
  });
});
