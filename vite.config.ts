/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The Content-Security-Policy of the built site (see the comment in index.html): only the page's
// own origin. It goes into the built index.html only: the dev server's React refresh preamble is
// an inline script, which this policy forbids.
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob:",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      {
        tag: 'meta',
        attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP },
        injectTo: 'head-prepend',
      },
    ],
  };
}

// BASE_PATH lets the same build serve a GitHub project page (/<repo>/) or the root.
const base = process.env.BASE_PATH ?? './';

export default defineConfig({
  base,
  plugins: [react(), contentSecurityPolicy()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/property/**/*.test.ts', 'tests/golden/**/*.test.ts'],
    environment: 'node',
    // Links kubectl for the scenario layer, as the headless runner does (src/kubectl/link.ts).
    setupFiles: ['tests/support/linkKubectl.ts'],
    // Property and fuzz suites run thousands of cases; a generous bound only catches hangs.
    testTimeout: 60_000,
  },
});
