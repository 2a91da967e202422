// The scenario editor. First as a user edits a scenario (whichever editor is mounted), then the
// Monaco YAML editor itself: it loads (bundled, lazily), the Kubernetes schemas drive diagnostics,
// hover documentation and completion, the loader's errors become markers, and nothing is fetched
// from another origin.
import type { Locator, Page } from '@playwright/test';
import { DEFAULT_SCENARIO } from '../../src/app/defaultScenario';
import { TID } from '../../src/app/testIds';
import { expect, test } from './fixtures';
import { pasteReplacing, waitForMonaco } from './pages/clipboardPaste';

test.describe('editing the scenario', () => {
  test('a nodeSelector typed in the editor removes the pods from nodes that do not match', async ({
    playground: pg,
  }) => {
    await pg.setSpeed(20);
    await expect(pg.podsOn('node-3')).toHaveCount(1);
    const edited = DEFAULT_SCENARIO.replace(
      '      tolerations:\n',
      '      nodeSelector: { disktype: ssd }\n      tolerations:\n',
    );
    expect(edited).not.toBe(DEFAULT_SCENARIO);
    await pg.setEditorText(edited);
    await pg.applyEditor();
    // node-3 has disktype=hdd and the control plane no disktype: their pods go; node-1 and node-2 keep one.
    await expect(pg.podsOn('node-3')).toHaveCount(0, { timeout: 15_000 });
    await expect(pg.podsOn('control-plane')).toHaveCount(0, { timeout: 15_000 });
    await expect(pg.podsOn('node-1')).toHaveCount(1);
    await expect(pg.podsOn('node-1')).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
    await expect(pg.consoleOutput).toContainText('daemonset.apps/fluentd configured');
  });

  test('applies on its own a moment after typing stops', async ({ playground: pg }) => {
    await pg.setSpeed(20);
    const edited = DEFAULT_SCENARIO.replace(
      'labels: { kubernetes.io/hostname: node-3, disktype: hdd }',
      'labels: { kubernetes.io/hostname: node-3, disktype: ssd }',
    );
    await pg.setEditorText(edited);
    await expect(pg.node('node-3')).toContainText('disktype=ssd', { timeout: 10_000 });
  });

  test('a YAML error is listed with its line and the running cluster is left as it was', async ({
    playground: pg,
  }) => {
    await pg.setSpeed(20);
    await expect(pg.podsOn('node-2')).toHaveAttribute('data-ready', 'true', { timeout: 15_000 });
    const podName = await pg.podsOn('node-2').getAttribute('data-pod');
    const broken = DEFAULT_SCENARIO.replace(
      '      terminationGracePeriodSeconds: 10\n',
      '      terminationGracePeriodSeconds: 10\n      restartPolicy: OnFailure\n',
    );
    expect(broken).not.toBe(DEFAULT_SCENARIO);
    await pg.setEditorText(broken);
    await pg.applyEditor();
    await expect(pg.editorErrors).toBeVisible();
    await expect(pg.editorErrors).toContainText('restartPolicy');
    await expect(pg.editorErrors).toContainText(/\d+:\d+/);
    await expect(pg.editor).toContainText('Not applied');
    // The cluster keeps running untouched: same nodes, same pod, and time goes on.
    const t0 = await pg.seconds();
    await expect.poll(() => pg.seconds()).toBeGreaterThan(t0 + 5);
    await expect(pg.nodes()).toHaveCount(4);
    await expect(pg.podsOn('node-2')).toHaveAttribute('data-pod', podName ?? '');
  });
});

const DAEMON_SET = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
  namespace: kube-system
spec:
  selector:
    matchLabels: {app: agent}
  updateStrategy:
    type: RollingUpdate
  template:
    metadata:
      labels: {app: agent}
    spec:
      restartPolicy: Always
      containers:
        - name: agent
          image: agent:1
`;

/** MonacoEditor drives the Monaco editor as a person would: paste, hover, ask for completion. */
class MonacoEditor {
  readonly pane: Locator;
  readonly monaco: Locator;

  constructor(readonly page: Page) {
    this.pane = page.getByTestId(TID.editor);
    this.monaco = this.pane.locator('.monaco-editor');
  }

  async open(): Promise<void> {
    await this.page.goto('./');
    // The editor chunk is lazy: the read-only text stands in until Monaco has loaded.
    await waitForMonaco(this.page);
    await expect(this.monaco).toBeVisible();
  }

  /** replaceText pastes over the whole text from the clipboard, as a user does. */
  async replaceText(text: string): Promise<void> {
    await pasteReplacing(this.page, this.monaco, text);
    await expect(this.line(/^kind:\s/)).toBeVisible();
  }

  line(text: RegExp): Locator {
    return this.monaco.locator('.view-line', { hasText: text });
  }

  /** token is a word Monaco renders as its own span, such as a key or a scalar value. */
  token(word: string): Locator {
    return this.monaco.locator('.view-line span span', { hasText: new RegExp(`^${word}$`) }).first();
  }

  /**
   * hoverUntil hovers a token until the hover says `text`: the schema and the diagnostics arrive
   * from the YAML worker a little after the text, and a hover shows what was known when it opened.
   */
  async hoverUntil(word: string, text: string): Promise<void> {
    const hover = this.page.locator('.monaco-hover:not(.hidden)');
    await expect(async () => {
      await this.page.mouse.move(0, 0);
      await this.token(word).hover();
      await expect(hover).toContainText(text, { timeout: 2_000 });
    }).toPass({ timeout: 15_000 });
  }

  suggestions(): Locator {
    return this.page.locator('.suggest-widget .monaco-list-row');
  }
}

// Each test also checks that the page stays offline-capable: no request leaves its origin
// (console errors are checked by the shared fixture).
const editorTest = test.extend<{ editor: MonacoEditor }>({
  editor: async ({ page, baseURL }, use) => {
    const origin = new URL(baseURL ?? '').origin;
    const foreign: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.protocol !== 'data:' && url.origin !== origin) foreign.push(request.url());
    });
    await use(new MonacoEditor(page));
    expect(foreign, 'requests that left the page origin').toEqual([]);
  },
});

editorTest.describe('the Monaco YAML editor', () => {
  editorTest('replaces the plain textarea once its chunk has loaded', async ({ editor }) => {
    await editor.open();
    await expect(editor.pane.locator('textarea.textarea-editor')).toHaveCount(0);
    await expect(editor.line(/^kind:\s/).first()).toBeVisible();
  });

  editorTest(
    'underlines a restartPolicy the schema does not allow and says which values are',
    async ({ editor }) => {
      await editor.open();
      await editor.replaceText(DAEMON_SET.replace('restartPolicy: Always', 'restartPolicy: Sometimes'));
      // Schema diagnostics are warnings (yellow); the loader's errors, after an apply, are errors.
      await expect(editor.monaco.locator('.squiggly-warning').first()).toBeVisible({ timeout: 15_000 });
      await editor.hoverUntil(
        'Sometimes',
        'Value is not accepted. Valid values: "Always", "Never", "OnFailure"',
      );
    },
  );

  editorTest('shows the Kubernetes field description on hover', async ({ editor }) => {
    await editor.open();
    await editor.replaceText(DAEMON_SET);
    await editor.hoverUntil(
      'updateStrategy',
      'An update strategy to replace existing DaemonSet pods with new pods.',
    );
  });

  editorTest(
    'completes the update strategy type with RollingUpdate and OnDelete',
    async ({ editor, page }) => {
      await editor.open();
      await editor.replaceText(DAEMON_SET.replace('type: RollingUpdate', 'type: '));
      await editor.line(/type:\s*$/).click();
      await page.keyboard.press('End');
      // The schema arrives with the YAML worker: ask again until its answer is there.
      await expect(async () => {
        await page.keyboard.press('Escape');
        await page.keyboard.press('Control+Space');
        await expect(editor.suggestions().filter({ hasText: 'RollingUpdate' })).toBeVisible({
          timeout: 2_000,
        });
      }).toPass({ timeout: 15_000 });
      await expect(editor.suggestions().filter({ hasText: 'OnDelete' })).toBeVisible();
    },
  );

  editorTest(
    "shows the loader's errors as markers after Ctrl+Enter applies the text",
    async ({ editor, page }) => {
      await editor.open();
      // Valid for the schema, refused by the API server: a DaemonSet's pods must restart Always.
      await editor.replaceText(DAEMON_SET.replace('restartPolicy: Always', 'restartPolicy: OnFailure'));
      await page.keyboard.press('ControlOrMeta+Enter');
      await expect(editor.monaco.locator('.squiggly-error').first()).toBeVisible({ timeout: 15_000 });
      await editor.hoverUntil('OnFailure', 'Unsupported value: "OnFailure"');
    },
  );
});
