// Driving the built playground the way a person does, by test ids only: the console, the time
// controls. (The e2e page object lives with the specs and uses Playwright's test-only expect.)
import type { Page } from '@playwright/test';
import { ATTR, TID } from '../../../src/app/testIds';
import type { DaemonSetRow } from './kubectlText';
import { lastDaemonSetRow } from './kubectlText';

const byId = (page: Page, id: string) => page.getByTestId(id);

/** consoleText is the console output as the user reads it (one line per console line). */
export async function consoleText(page: Page): Promise<string> {
  return byId(page, TID.consoleOutput).innerText();
}

/**
 * runCommand clears the console, runs `line` and waits until its output matches `answer`;
 * it returns the console text (the command's echo and its output only).
 */
export async function runCommand(
  page: Page,
  line: string,
  answer: RegExp,
  timeoutMs = 60_000,
): Promise<string> {
  const input = byId(page, TID.consoleInput);
  // `clear` is not echoed: the console is empty once no command line (`$ …`) is left in it. Output
  // of earlier work (a share link's replay) may still arrive, so clear again until it stays empty.
  await waitFor(
    page,
    async () => {
      await input.fill('clear');
      await input.press('Enter');
      await page.waitForTimeout(100);
      return !/^\$ /m.test(await consoleText(page));
    },
    'the console to clear',
    15_000,
  );
  await input.fill(line);
  await input.press('Enter');
  let text = '';
  await waitFor(
    page,
    async () => {
      text = await consoleText(page);
      return text.includes(line) && answer.test(text.slice(text.indexOf(line) + line.length));
    },
    `the console to answer "${line}"`,
    timeoutMs,
  );
  return text;
}

/** getDaemonSet runs `kubectl get ds <name> -n <ns>` and reads its row. */
export async function getDaemonSet(page: Page, name: string, namespace: string): Promise<DaemonSetRow> {
  const line = `kubectl get ds ${name} -n ${namespace}`;
  const text = await runCommand(page, line, new RegExp(`^\\s*${name}\\s+\\d`, 'm'));
  const row = lastDaemonSetRow(text, name);
  if (!row) throw new Error(`no row for ${name} in:\n${text}`);
  return row;
}

export async function play(page: Page): Promise<void> {
  await byId(page, TID.play).click();
}

export async function pause(page: Page): Promise<void> {
  await byId(page, TID.pause).click();
}

export async function setSpeed(page: Page, speed: number): Promise<void> {
  await byId(page, TID.speed).selectOption(String(speed));
}

/**
 * waitUntilReady plays virtual time until every pod of the DaemonSet is Ready on `nodes` nodes,
 * reading the status through the console, then pauses. Returns the last row read.
 */
export async function waitUntilReady(
  page: Page,
  name: string,
  namespace: string,
  nodes: number,
  timeoutMs: number,
): Promise<DaemonSetRow> {
  const deadline = Date.now() + timeoutMs;
  let playing = false;
  for (;;) {
    const row = await getDaemonSet(page, name, namespace);
    if (row.desired === nodes && row.ready === nodes && row.available === nodes) {
      if (playing) await pause(page);
      return row;
    }
    if (Date.now() > deadline)
      throw new Error(`${name} not Ready on ${nodes} nodes in ${timeoutMs} ms: ${JSON.stringify(row)}`);
    if (!playing) {
      await play(page);
      playing = true;
    }
    await page.waitForTimeout(1000);
  }
}

/**
 * waitForMonaco waits until the editor pane holds Monaco (loaded lazily after the first paint),
 * so its parsing does not land in a frame-sampling window. A page without Monaco after
 * `timeoutMs` is only logged: the textarea stand-in works too.
 */
export async function waitForMonaco(page: Page, timeoutMs = 30_000): Promise<boolean> {
  return page
    .locator(`[data-testid="${TID.editor}"][${ATTR.editorKind}="monaco"]`)
    .waitFor({ state: 'visible', timeout: timeoutMs })
    .then(
      () => true,
      () => {
        process.stderr.write('bench: browser warning: Monaco did not load, sampling anyway\n');
        return false;
      },
    );
}

/** simSeconds reads the simulated clock (`t = 1m32s`) in seconds. */
export async function simSeconds(page: Page): Promise<number> {
  const text = (await byId(page, TID.simClock).textContent()) ?? '';
  const m = /(?:(\d+)h)?(?:(\d+)m)?(\d+)s/.exec(text);
  if (!m) throw new Error(`unreadable clock: ${text}`);
  return Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0);
}

/** waitFor polls `check` every 100 ms until it holds, or throws after `timeoutMs`. */
export async function waitFor(
  page: Page,
  check: () => Promise<boolean>,
  what: string,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await page.waitForTimeout(100);
  }
}
