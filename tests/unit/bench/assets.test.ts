import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  entryScripts,
  gzipKb,
  initialJs,
  jsFetchedBefore,
  staticImports,
  workerScripts,
} from '../../bench/browser/assets';

// The shape of a Vite build's index.html under a GitHub Pages sub-path.
const INDEX = `<!doctype html>
<html lang="en">
  <head>
    <!-- <script type="module" src="/commented-out.js"></script> -->
    <link rel="icon" href="./favicon.svg" type="image/svg+xml" />
    <script type="module" crossorigin src="/app/assets/index-AbC.js"></script>
    <link rel="modulepreload" crossorigin href="/app/assets/vendor-XyZ.js">
    <link rel="stylesheet" crossorigin href="/app/assets/index-Q.css">
  </head>
  <body><div id="root"></div></body>
</html>`;

// Minified chunks as Vite 8 emits them.
const FILES: Record<string, string> = {
  'assets/index-AbC.js':
    'import{a as e}from"./vendor-XyZ.js";import"./polyfill-1.js";' +
    'const t=()=>import(`./YamlEditor-M.js`);' +
    'new Worker(new URL(`/app/assets/engine.worker-W.js`,``+import.meta.url),{type:`module`,name:`engine`});',
  'assets/vendor-XyZ.js': 'var e=1;export{e as a};',
  'assets/polyfill-1.js': 'export{}from"./vendor-XyZ.js";',
  'assets/engine.worker-W.js': 'import{s}from"./shared-S.js";const m=()=>import(`./schemas-L.js`);s();',
  'assets/shared-S.js': 'export const s=()=>{};',
  'assets/YamlEditor-M.js':
    'import{a}from"./index-AbC.js";new Worker(`/app/assets/editor.worker-E.js`,{type:`module`});',
};

const read = (path: string): string => {
  const text = FILES[path];
  if (text === undefined) throw new Error(`read outside the fixture: ${path}`);
  return text;
};

describe('which JavaScript index.html loads before Monaco', () => {
  it('finds the module entry script and its modulepreloads, not comments, styles or icons', () => {
    expect(entryScripts(INDEX)).toEqual(['/app/assets/index-AbC.js', '/app/assets/vendor-XyZ.js']);
  });

  it('reads static imports and re-exports, never dynamic import()', () => {
    expect(staticImports(FILES['assets/index-AbC.js']!)).toEqual(['./vendor-XyZ.js', './polyfill-1.js']);
    expect(staticImports(FILES['assets/polyfill-1.js']!)).toEqual(['./vendor-XyZ.js']);
    expect(staticImports(FILES['assets/engine.worker-W.js']!)).toEqual(['./shared-S.js']);
  });

  it('finds the workers a chunk constructs, with or without new URL(…, import.meta.url)', () => {
    expect(workerScripts(FILES['assets/index-AbC.js']!)).toEqual(['/app/assets/engine.worker-W.js']);
    expect(workerScripts(FILES['assets/YamlEditor-M.js']!)).toEqual(['/app/assets/editor.worker-E.js']);
    expect(workerScripts('new Worker(new URL("./w-1.js", import.meta.url))')).toEqual(['./w-1.js']);
  });

  it('walks entry, preloads, static imports and the engine worker, leaving the lazy chunks out', () => {
    expect(initialJs(INDEX, '/app/', read)).toEqual({
      page: ['assets/index-AbC.js', 'assets/vendor-XyZ.js', 'assets/polyfill-1.js'],
      workers: ['assets/engine.worker-W.js', 'assets/shared-S.js'],
    });
  });

  it('resolves a relative base (./) the same way', () => {
    const html = '<script type="module" src="./assets/index-AbC.js"></script>';
    const files: Record<string, string> = {
      'assets/index-AbC.js': 'new Worker(new URL(`engine.worker-W.js`,``+import.meta.url));',
      'assets/engine.worker-W.js': '',
    };
    expect(initialJs(html, './', (p) => files[p]!)).toEqual({
      page: ['assets/index-AbC.js'],
      workers: ['assets/engine.worker-W.js'],
    });
  });

  it('refuses a script from outside the site', () => {
    const html = '<script type="module" src="https://cdn.example/x.js"></script>';
    expect(() => initialJs(html, '/app/', read)).toThrow(/outside the site root/);
  });
});

describe('gzipKb', () => {
  it('is the size in kB of 1,000 bytes of a gzip stream that inflates back to the data', () => {
    const text = 'const a = 1;\n'.repeat(1000);
    const kb = gzipKb(text);
    expect(kb).toBe(gzipSync(text).length / 1000);
    expect(kb).toBeLessThan(text.length / 1000 / 10);
    expect(gunzipSync(gzipSync(text)).toString()).toBe(text);
    expect(gzipKb(new TextEncoder().encode(text))).toBe(kb);
  });
});

describe('which JavaScript the browser fetched before the first grid paint', () => {
  const site = 'http://127.0.0.1:4000/app/';
  const at = (url: string, start: number, type = 'script') => ({ url: site + url, start, type });
  it.each([
    [
      'the entry and the engine worker, not what starts after the paint',
      [at('assets/index-A.js', 10), at('assets/engine.worker-W.js', 300), at('assets/YamlEditor-M.js', 1200)],
      ['assets/index-A.js', 'assets/engine.worker-W.js'],
    ],
    [
      'a module a worker imports, found by its extension whatever the request type',
      [at('assets/manifest-S.js', 500, 'fetch')],
      ['assets/manifest-S.js'],
    ],
    [
      'a file fetched twice (the service worker precaching it) once',
      [at('assets/index-A.js', 10), at('assets/index-A.js', 700, 'fetch')],
      ['assets/index-A.js'],
    ],
    [
      'no page, stylesheet, font or icon',
      [at('', 1, 'document'), at('assets/index-Q.css', 20, 'stylesheet'), at('favicon.svg', 30, 'other')],
      [],
    ],
    ['nothing from outside the site', [{ url: 'http://other.invalid/x.js', start: 5, type: 'script' }], []],
  ])('%s', (_, requests, paths) => {
    expect(jsFetchedBefore(requests, 1000, site)).toEqual(paths);
  });

  it('lists in start order, whatever order the events came in', () => {
    expect(jsFetchedBefore([at('assets/b.js', 20), at('assets/a.js', 10)], 1000, site)).toEqual([
      'assets/a.js',
      'assets/b.js',
    ]);
  });
});
