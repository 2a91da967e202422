// Which JavaScript the built index.html makes the browser load before Monaco, and how large it
// is gzip-compressed. Pure functions over file text (the caller reads the files), unit-tested in
// tests/unit/bench/assets.test.ts.
import { gzipSync } from 'node:zlib';

/** The attributes of every start tag named `tag` in `html` (names lower-cased, values unescaped). */
function tagsOf(html: string, tag: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '');
  const tagRe = new RegExp(`<${tag}\\b([^>]*)>`, 'gi');
  for (const m of withoutComments.matchAll(tagRe)) {
    const attrs: Record<string, string> = {};
    const attrRe = /([^\s=/>]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;
    for (const a of (m[1] ?? '').matchAll(attrRe))
      attrs[a[1]!.toLowerCase()] = (a[2] ?? a[3] ?? a[4] ?? '').replace(/&amp;/g, '&');
    out.push(attrs);
  }
  return out;
}

/**
 * entryScripts lists, in document order, the URLs (as written) of the module scripts index.html
 * runs and of the modules it preloads (`<link rel="modulepreload">`): what the page fetches
 * before any code of its own runs. Classic and inline scripts are not part of a Vite build.
 */
export function entryScripts(html: string): string[] {
  const scripts = tagsOf(html, 'script')
    .filter((a) => a.type === 'module' && a.src)
    .map((a) => a.src!);
  const preloads = tagsOf(html, 'link')
    .filter((a) => (a.rel ?? '').split(/\s+/).includes('modulepreload') && a.href)
    .map((a) => a.href!);
  return [...scripts, ...preloads];
}

/**
 * staticImports lists the specifiers of a minified ES module's static `import … from "…"`,
 * bare `import "…"` and `export … from "…"` statements. Dynamic `import(…)` is left out on
 * purpose: that is how lazy chunks (Monaco) are loaded.
 */
export function staticImports(js: string): string[] {
  const re = /(?:^|[;\s}])(?:import|export)\s*(?:[^'"`();]*?\bfrom\s*)?(["'`])([^"'`\s]+?\.m?js)\1/g;
  return [...js.matchAll(re)].map((m) => m[2]!);
}

/**
 * workerScripts lists the script URLs a chunk starts module workers from:
 * `new Worker(new URL("…", import.meta.url))` (what Vite emits for the engine worker) and
 * `new Worker("…")`. Only worker constructions written in the chunk count, so workers that a lazy
 * chunk starts (Monaco's editor and YAML workers) are not found in the initial chunks.
 */
export function workerScripts(js: string): string[] {
  const re = /new\s+(?:Shared)?Worker\(\s*(?:new\s+URL\(\s*)?(["'`])([^"'`]+?\.m?js)\1/g;
  return [...js.matchAll(re)].map((m) => m[2]!);
}

/** InitialJs is the initial JavaScript of a build, as paths relative to its outDir. */
export interface InitialJs {
  /** The entry script, its modulepreloads and their static imports, in load order. */
  page: string[];
  /** Worker scripts the page chunks start, with their static imports. */
  workers: string[];
}

/**
 * initialJs walks a built site from index.html: the entry scripts and modulepreloads, their
 * static imports, then the workers those chunks construct and the workers' static imports.
 * `base` is the build's base path (`/daemonset-playground/` or `./`); `read` returns a file's text
 * by its path under outDir. URLs outside the site (another origin, or outside `base`) are errors,
 * since a Vite build never emits them and they could not be measured.
 */
export function initialJs(html: string, base: string, read: (path: string) => string): InitialJs {
  const origin = 'http://site.invalid';
  const root = new URL(base, `${origin}/`).href;
  const toPath = (url: URL): string => {
    if (!url.href.startsWith(root)) throw new Error(`${url.href} is outside the site root ${root}`);
    return decodeURIComponent(url.pathname.slice(new URL(root).pathname.length));
  };
  const walk = (starts: URL[], seen: Set<string>): string[] => {
    const order: string[] = [];
    const visit = (url: URL) => {
      const path = toPath(url);
      if (seen.has(path)) return;
      seen.add(path);
      order.push(path);
      for (const spec of staticImports(read(path))) visit(new URL(spec, url));
    };
    starts.forEach(visit);
    return order;
  };
  const seen = new Set<string>();
  const page = walk(
    entryScripts(html).map((src) => new URL(src, root)),
    seen,
  );
  const workerUrls = page.flatMap((p) => workerScripts(read(p)).map((w) => new URL(w, new URL(p, root))));
  const workers = walk(workerUrls, seen);
  return { page, workers };
}

/** gzipKb is the gzip size (zlib's default level, as web servers use) in kB of 1,000 bytes, as Vite prints. */
export function gzipKb(data: string | Uint8Array): number {
  return gzipSync(data).length / 1000;
}

/** FetchedResource: one request the browser made, as the bench records it. */
export interface FetchedResource {
  url: string;
  /** When the request started, wall-clock ms (the browser's own time when it gave one). */
  start: number;
  /** Playwright's resource type: document, script, fetch, … */
  type: string;
}

/**
 * jsFetchedBefore lists, once each and in start order, the site paths (relative to `siteUrl`)
 * of the JavaScript requested before `cutoff`: page scripts, module preloads, workers and the
 * modules they import, and anything the service worker fetches, whoever started it. A URL
 * counts as JavaScript by its extension (`.js`, `.mjs`) or by being a script request. Requests
 * outside the site and `data:`/`blob:` URLs (nothing fetched) are left out.
 */
export function jsFetchedBefore(
  requests: readonly FetchedResource[],
  cutoff: number,
  siteUrl: string,
): string[] {
  const paths: string[] = [];
  for (const r of [...requests].sort((a, b) => a.start - b.start)) {
    if (r.start >= cutoff || !r.url.startsWith(siteUrl)) continue;
    const url = new URL(r.url);
    const path = decodeURIComponent(url.pathname.slice(new URL(siteUrl).pathname.length));
    if (!/\.m?js$/.test(path) && r.type !== 'script') continue;
    if (!paths.includes(path)) paths.push(path);
  }
  return paths;
}
