// Pasting a guide's pipeline into the console, long output lines wrapping inside it, and the
// Run / Copy buttons beside a command snippet.
import { expect, test } from './fixtures';
import { readClipboard } from './pages/clipboardPaste';

test.use({ viewport: { width: 1366, height: 768 } });

test.describe('console pipes', () => {
  test('a kubectl … | jq pipeline prints the filtered answer', async ({ playground: pg }) => {
    await pg.run(
      `kubectl get ds fluentd -n kube-system -o json | jq -r '"\\(.metadata.name) wants \\(.status.desiredNumberScheduled)"'`,
    );
    await expect(pg.consoleOutput.locator('.console__line--stdout').last()).toHaveText(/^fluentd wants \d+$/);
  });

  test('grep -A keeps only the matching line and its context; sed is refused by name', async ({
    playground: pg,
  }) => {
    await pg.run('kubectl describe node node-1 | grep -A 1 Taints');
    const answer = pg.consoleOutput.locator('.console__line--stdout').last();
    await expect(answer).toHaveText(/^Taints:\s+<none>\nUnschedulable:\s+false$/);
    await pg.run('kubectl get pods -A | sed 1d');
    await expect(pg.consoleOutput.locator('.console__line--stderr').last()).toHaveText(
      /^playground: sed: command not found \(the console runs kubectl, grep, jq/,
    );
  });

  test('a 300-character output line wraps inside the console, which never scrolls sideways', async ({
    playground: pg,
  }) => {
    await pg.run(`kubectl get nodes -o json | jq -r '"x" * 300'`);
    const line = pg.consoleOutput.locator('.console__line--stdout').last();
    await expect(line).toHaveText('x'.repeat(300));
    const box = await line.evaluate((el) => {
      const out = el.closest('.console__output') as HTMLElement;
      const lineHeight = parseFloat(getComputedStyle(el).lineHeight);
      return {
        lines: Math.round(el.getBoundingClientRect().height / lineHeight),
        right: el.getBoundingClientRect().right,
        outRight: out.getBoundingClientRect().right,
        overflow: out.scrollWidth - out.clientWidth,
      };
    });
    expect(box.lines).toBeGreaterThan(1);
    expect(box.right).toBeLessThanOrEqual(box.outRight);
    expect(box.overflow).toBe(0);
  });
});

test.describe('command snippets', () => {
  test("the scenario text's command runs in the console from its Run button, by keyboard too", async ({
    playground: pg,
    page,
  }) => {
    const command = 'kubectl set image ds/fluentd fluentd=fluent/fluentd:v1.15-1 -n kube-system';
    const run = pg.inspector.getByRole('button', { name: `Run in the console: ${command}` });
    await run.focus();
    await page.keyboard.press('Enter');
    await expect(pg.consoleOutput.locator('.console__line--input').last()).toHaveText(`$ ${command}`);
    await expect(pg.consoleOutput).toContainText('daemonset.apps/fluentd image updated');
  });

  test('Copy puts the command on the clipboard', async ({ playground: pg, page }) => {
    const command = 'kubectl set image ds/fluentd fluentd=fluent/fluentd:v1.15-1 -n kube-system';
    const copy = pg.inspector.getByRole('button', { name: `Copy: ${command}` });
    // "Copied" shows for 1.5 s only: the page records the label's changes, so a busy machine's
    // late look still sees it.
    await copy.evaluate((button) => {
      const seen: string[] = [];
      (window as unknown as { __copyLabels: string[] }).__copyLabels = seen;
      new MutationObserver(() => seen.push(button.textContent ?? '')).observe(button, {
        subtree: true,
        childList: true,
        characterData: true,
      });
    });
    await copy.click();
    await expect
      .poll(() => page.evaluate(() => (window as unknown as { __copyLabels: string[] }).__copyLabels))
      .toContain('Copied');
    expect(await readClipboard(page)).toBe(command);
  });
});
