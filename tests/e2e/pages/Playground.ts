// The page object for the playground: every spec drives the page through it, by the shared
// test ids, the way a user would (STYLE.md §3 habit 14).
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { ATTR, TID } from '../../../src/app/testIds';
import { pasteReplacing, waitForMonaco } from './clipboardPaste';

export class Playground {
  readonly editor: Locator;
  readonly editorErrors: Locator;
  readonly grid: Locator;
  readonly consoleInput: Locator;
  readonly consoleOutput: Locator;
  readonly play: Locator;
  readonly pause: Locator;
  readonly step: Locator;
  readonly speed: Locator;
  readonly clock: Locator;
  readonly inspector: Locator;
  readonly events: Locator;
  readonly dsStatus: Locator;
  readonly nodeMenu: Locator;
  readonly nodeDialog: Locator;

  constructor(readonly page: Page) {
    const id = (t: string) => page.getByTestId(t);
    this.editor = id(TID.editor);
    this.editorErrors = id(TID.editorErrors);
    this.grid = id(TID.nodeGrid);
    this.consoleInput = id(TID.consoleInput);
    this.consoleOutput = id(TID.consoleOutput);
    this.play = id(TID.play);
    this.pause = id(TID.pause);
    this.step = id(TID.step);
    this.speed = id(TID.speed);
    this.clock = id(TID.simClock);
    this.inspector = id(TID.inspector);
    this.events = id(TID.events);
    this.dsStatus = id(TID.dsStatus);
    this.nodeMenu = id(TID.nodeMenu);
    this.nodeDialog = id(TID.nodeDialog);
  }

  async goto(): Promise<void> {
    await this.page.goto('./');
    // The first grid paint waits for the engine worker: on a busy machine that takes seconds.
    await expect(this.nodes()).not.toHaveCount(0, { timeout: 30_000 });
  }

  /** nodes are the live node cards (a card fading out has lost its data-node). */
  nodes(): Locator {
    return this.grid.locator('[data-node]');
  }

  node(name: string): Locator {
    return this.grid.locator(`[data-node="${name}"]`);
  }

  podsOn(name: string): Locator {
    return this.node(name).locator('[data-pod]');
  }

  pods(): Locator {
    return this.grid.locator('[data-pod]');
  }

  /** seconds reads the simulated clock (`t = 1m32s`) in seconds. */
  async seconds(): Promise<number> {
    const text = (await this.clock.textContent()) ?? '';
    const m = /(?:(\d+)h)?(?:(\d+)m)?(\d+)s/.exec(text);
    if (!m) throw new Error(`unreadable clock: ${text}`);
    return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
  }

  async setSpeed(speed: number): Promise<void> {
    await this.speed.selectOption(String(speed));
  }

  /**
   * pauseAndReadClock pauses and returns the clock's text once it has settled: the worker stops a
   * moment after the click, and on a busy machine the last tick may reach the page after it.
   */
  async pauseAndReadClock(): Promise<string> {
    await this.pause.click();
    await expect(this.pause).toHaveAttribute('aria-pressed', 'true');
    let last: string | null = null;
    await expect
      .poll(
        async () => {
          const now = await this.clock.getAttribute('title');
          const settled = now === last;
          last = now;
          return settled;
        },
        { intervals: [300] },
      )
      .toBe(true);
    return (await this.clock.textContent()) ?? '';
  }

  /** run types a command line in the console and waits until the console echoes it. */
  async run(line: string): Promise<void> {
    await this.consoleInput.fill(line);
    await this.consoleInput.press('Enter');
    await expect(this.consoleOutput).toContainText(line);
  }

  async nodeAction(node: string, item: string | RegExp): Promise<void> {
    await this.node(node).click({ button: 'right' });
    await expect(this.nodeMenu).toBeVisible();
    await this.nodeMenu.getByRole('menuitem', { name: item }).click();
  }

  /** waitForMonaco waits until Monaco has replaced the read-only text shown before it loads. */
  async waitForMonaco(): Promise<void> {
    await waitForMonaco(this.page);
  }

  /** setEditorText replaces the scenario text in whichever editor takes input (Monaco or, if it failed, a textarea). */
  async setEditorText(text: string): Promise<void> {
    // The read-only text stands in until Monaco has loaded (after the first paint): wait for the
    // editor that takes input, as the pane's data-editor-kind names it.
    await expect(this.editor).toHaveAttribute(ATTR.editorKind, /^(monaco|textarea)$/, { timeout: 30_000 });
    if ((await this.editor.getAttribute(ATTR.editorKind)) === 'textarea') {
      await this.editor.locator('textarea.textarea-editor').fill(text);
      return;
    }
    await pasteReplacing(this.page, this.editor.locator('.monaco-editor'), text);
  }

  /** applyEditor presses Ctrl/Cmd+Enter in the editor. */
  async applyEditor(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+Enter');
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: `screenshots/${name}.png` });
  }
}
