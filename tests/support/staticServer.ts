// A tiny static server for a built site under a sub-path, as GitHub Pages serves a project page.
// The e2e tests serve on their port; the bench lets the OS pick one, so the two never collide.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

export interface StaticSite {
  /** The site's URL, ending in the sub-path (`http://127.0.0.1:<port>/daemonset-playground/`). */
  url: string;
  close(): Promise<void>;
}

/** serveStatic serves the files under `dir` at `subPath` on 127.0.0.1 and `port` (0: a free one). */
export async function serveStatic(dir: string, subPath: string, port = 0): Promise<StaticSite> {
  const server: Server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://localhost').pathname;
      if (!path.startsWith(subPath)) return void res.writeHead(404).end();
      let rel = normalize(decodeURIComponent(path.slice(subPath.length)));
      if (rel.startsWith('..') || rel.includes(`${sep}..${sep}`)) return void res.writeHead(403).end();
      if (rel === '' || rel === '.' || rel.endsWith(sep)) rel = join(rel, 'index.html');
      const file = join(dir, rel);
      try {
        if (!(await stat(file)).isFile()) throw new Error('not a file');
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        res.end(body);
      } catch {
        res.writeHead(404).end();
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${bound}${subPath}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
