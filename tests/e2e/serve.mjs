// A static server for the built site under a sub-path, as GitHub Pages serves a project page.
// Usage: node tests/e2e/serve.mjs <port> <subPath>
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const port = Number(process.argv[2] ?? 4179);
const subPath = process.argv[3] ?? '/';
const root = join(process.cwd(), 'dist');
const types = {
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

createServer(async (req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if (!url.pathname.startsWith(subPath)) {
    res.writeHead(404).end('not under ' + subPath);
    return;
  }
  let rel = normalize(decodeURIComponent(url.pathname.slice(subPath.length)));
  if (rel.startsWith('..')) {
    res.writeHead(403).end();
    return;
  }
  if (rel === '' || rel === '.' || rel.endsWith('/')) rel = join(rel, 'index.html');
  const file = join(root, rel);
  try {
    if (!(await stat(file)).isFile()) throw new Error('not a file');
    res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(await readFile(file));
  } catch {
    res.writeHead(404).end('not found');
  }
}).listen(port, '127.0.0.1');
