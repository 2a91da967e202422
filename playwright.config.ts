import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './tests/support/chromium';

// PW_PORT lets two runs on one machine (a developer's and CI's) serve side by side.
const port = Number(process.env.PW_PORT ?? 4179);
// The built site is served under a sub-path, as GitHub Pages serves a project page.
const subPath = '/daemonset-playground/';

export default defineConfig({
  testDir: 'tests/e2e',
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 2,
  timeout: 60_000,
  // Assertions wait for the page's own state; on a busy 2-core machine a first paint or a replay
  // can take longer than Playwright's default 5 s, so they wait up to 15 s for it.
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}${subPath}`,
    trace: 'retain-on-failure',
    viewport: { width: 1280, height: 720 },
    // The specs paste into the editor through the real clipboard, as a user does.
    permissions: ['clipboard-read', 'clipboard-write'],
    launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
  },
  webServer: {
    command: `node_modules/.bin/tsx tests/e2e/serve.ts ${port} ${subPath}`,
    url: `http://127.0.0.1:${port}${subPath}`,
    reuseExistingServer: false,
  },
});
