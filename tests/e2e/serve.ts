// Serves the built site (dist/) under a sub-path for the e2e tests, as GitHub Pages serves a
// project page. Usage: tsx tests/e2e/serve.ts <port> <subPath>
import { join } from 'node:path';
import { serveStatic } from '../support/staticServer';

const port = Number(process.argv[2] ?? 4179);
const subPath = process.argv[3] ?? '/';
void serveStatic(join(process.cwd(), 'dist'), subPath, port);
