// Putting text into Monaco the way a user does: through the real clipboard. A synthetic
// ClipboardEvent is not delivered to Monaco by every Chromium build (150 ignored it), while a
// Ctrl+V from the clipboard is what every user's browser does. Typed text would be re-indented
// line by line by Monaco's YAML rules; a paste goes in as it is.
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { ATTR, TID } from '../../../src/app/testIds';

/**
 * waitForMonaco waits until Monaco has taken over from the read-only text that stands in for it
 * (the pane's data-editor-kind): it loads after the grid's first paint, when the page is idle.
 */
export async function waitForMonaco(page: Page, timeout = 30_000): Promise<void> {
  await expect(page.getByTestId(TID.editor)).toHaveAttribute(ATTR.editorKind, 'monaco', { timeout });
}

/**
 * writeClipboard puts text on the page's clipboard and reads it back, so a browser without a
 * usable async clipboard fails here with a message that says so, not later with a wrong editor.
 */
export async function writeClipboard(page: Page, text: string): Promise<void> {
  const problem = await page.evaluate(async (wanted) => {
    if (!window.isSecureContext) return 'the page is not a secure context';
    if (!navigator.clipboard?.writeText || !navigator.clipboard?.readText)
      return 'navigator.clipboard.writeText/readText are missing';
    try {
      await navigator.clipboard.writeText(wanted);
      const back = await navigator.clipboard.readText();
      return back === wanted ? '' : `the clipboard gave back ${back.length} characters of ${wanted.length}`;
    } catch (err) {
      return `the clipboard refused: ${String(err)}`;
    }
  }, text);
  if (problem)
    throw new Error(
      `This browser cannot paste into the editor: ${problem}. The e2e tests need Chromium's async ` +
        'clipboard with the clipboard-read and clipboard-write permissions (playwright.config.ts grants them).',
    );
}

/** readClipboard returns what the page's clipboard holds now. */
export function readClipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

/**
 * pasteReplacing selects all of the Monaco editor's text and pastes `text` over it with Ctrl/Cmd+V,
 * then copies the whole text back with Ctrl/Cmd+C and checks that it is exactly what was pasted.
 */
export async function pasteReplacing(page: Page, monaco: Locator, text: string): Promise<void> {
  await waitForMonaco(page);
  await writeClipboard(page, text);
  await monaco.locator('.view-lines').click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
  // Copy it back: the only way to read the editor's whole text that a user also has.
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+C');
  const copied = await readClipboard(page);
  if (copied.replace(/\r\n/g, '\n') !== text.replace(/\r\n/g, '\n'))
    throw new Error(
      `The editor does not hold the pasted text (${copied.length} characters copied back, ` +
        `${text.length} pasted): the paste did not reach Monaco.`,
    );
  // Leave nothing selected and the top of the text in view, as a user does before reading it.
  await page.keyboard.press('ControlOrMeta+Home');
}
