// `npm run bench`: measures the engine (bundled, in Node, one child process per case so each peak
// RSS is its own) and, when the browser part exists, rendering and load in headless Chromium. Prints one JSON
// object whose keys are the figures' dotted names (`engine.place5000Ms`, …); progress goes to stderr.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '../..');

// The engine runs bundled, as the Web Worker runs it, rather than through tsx's per-module
// transform (whose loader thread and helpers would count in the figures).
const bundleDir = mkdtempSync(join(tmpdir(), 'dsp-bench-'));
const engineBundle = join(bundleDir, 'engine.mjs');
buildSync({
  entryPoints: [join(here, 'engine.ts')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: engineBundle,
  logLevel: 'warning',
});
process.on('exit', () => rmSync(bundleDir, { recursive: true, force: true }));

function engineCase(args: string[]): { ms: number; peakRssMb: number } {
  process.stderr.write(`bench: engine ${args.join(' ')} … `);
  const r = spawnSync(process.execPath, [engineBundle, ...args], { encoding: 'utf8', cwd: root });
  if (r.status !== 0) throw new Error(`engine bench ${args.join(' ')} failed:\n${r.stderr}`);
  const out = JSON.parse(r.stdout.trim()) as { ms: number; peakRssMb: number };
  process.stderr.write(`${out.ms} ms, ${out.peakRssMb} MB\n`);
  return out;
}

async function main(): Promise<void> {
  const place = engineCase(['place', '5000']);
  const pct10 = engineCase(['rollout', '5000', '10%']);
  const one = engineCase(['rollout', '5000', '1']);
  const small = engineCase(['rollout', '500', '10%']);
  const figures: Record<string, number | string> = {
    'engine.place5000Ms': place.ms,
    'engine.rollout5000Pct10Ms': pct10.ms,
    'engine.rollout5000OneMs': one.ms,
    'engine.rollout500Pct10Ms': small.ms,
    'engine.ratio5000to500': Math.round((pct10.ms / Math.max(1, small.ms)) * 100) / 100,
    'engine.peakRssMb': Math.max(place.peakRssMb, pct10.peakRssMb, one.peakRssMb),
  };
  const browser = join(here, 'browser.ts');
  if (existsSync(browser)) {
    const mod = (await import(browser)) as { runBrowserBench: () => Promise<Record<string, number>> };
    Object.assign(figures, await mod.runBrowserBench());
  }
  process.stdout.write(JSON.stringify(figures, null, 2) + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(`bench failed: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
});
