// Strict field validation in the editor: kubectl ≥ 1.27 applies with --validate=strict, so a
// misspelt field fails the whole apply with the API server's strict decoding error. The editor
// marks the key, lists the error and applies nothing; the running simulation carries on.
import { DEFAULT_SCENARIO } from '../../src/app/defaultScenario';
import { expect, test } from './fixtures';

const FIELD = 'spec.template.spec.containers[0].imagePulPolicy';

test('a misspelt field is marked with the strict decoding error and nothing is applied', async ({
  playground: pg,
}) => {
  await pg.setSpeed(20);
  await expect(pg.podsOn('node-2')).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
  const podName = await pg.podsOn('node-2').getAttribute('data-pod');
  // The misspelling also changes the image: if anything were applied, the pods would roll.
  const misspelt = DEFAULT_SCENARIO.replace(
    '          image: fluent/fluentd:v1.14-1\n',
    '          image: fluent/fluentd:v1.15\n          imagePulPolicy: Always\n',
  );
  expect(misspelt).not.toBe(DEFAULT_SCENARIO);
  const line = misspelt.split('\n').findIndex((l) => l.includes('imagePulPolicy')) + 1;

  await pg.setEditorText(misspelt);
  await pg.applyEditor();

  const item = pg.editorErrors.locator(`[data-path="${FIELD}"]`);
  await expect(item).toBeVisible({ timeout: 15_000 });
  await expect(item).toHaveAttribute('data-line', String(line));
  await expect(item).toHaveAttribute('data-column', '11');
  await expect(item).toContainText(`strict decoding error: unknown field "${FIELD}"`);
  await expect(pg.editor).toContainText('Not applied');
  // Monaco marks the key: go to the problem as a user does (F8, next problem), which scrolls it
  // into view and shows its message under the line; schema warnings may come first.
  await pg.editor.locator('.monaco-editor .view-lines').click();
  await expect(async () => {
    await pg.page.keyboard.press('F8');
    await expect(pg.editor.locator('.marker-widget')).toContainText('strict decoding error', {
      timeout: 1_000,
    });
  }).toPass({ timeout: 30_000 });
  await expect(pg.editor.locator('.squiggly-error').first()).toBeVisible();

  // The last good simulation keeps running: time goes on, the same pod stays, no new image.
  const t0 = await pg.seconds();
  await expect.poll(() => pg.seconds()).toBeGreaterThan(t0 + 5);
  await expect(pg.podsOn('node-2')).toHaveAttribute('data-pod', podName ?? '');
  await pg.run('kubectl get ds fluentd -n kube-system -o jsonpath={.spec.template.spec.containers[0].image}');
  await expect(pg.consoleOutput).toContainText('fluent/fluentd:v1.14-1');
  await expect(pg.consoleOutput).not.toContainText('fluent/fluentd:v1.15');
});
