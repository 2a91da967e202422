// The Node-side gallery loader for tests: the app reads the same files through Vite's `?raw`
// (src/app/gallery/galleryTextTable.ts), which Node cannot.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { runHeadless } from '../../../src/scenario/headless';
import type { RunReport } from '../../../src/scenario/report';

export const GALLERY_DIR = join(__dirname, '../../../src/scenario/gallery');

/** galleryFileNames lists the scenario names found on disk (file names without `.yaml`). */
export function galleryFileNames(): string[] {
  return readdirSync(GALLERY_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => f.replace(/\.yaml$/, ''))
    .sort();
}

/** galleryText reads one gallery scenario's text. */
export function galleryText(name: string): string {
  return readFileSync(join(GALLERY_DIR, `${name}.yaml`), 'utf8');
}

/** runGallery runs a gallery scenario headless (to the end, or to `until`) and returns its report. */
export function runGallery(name: string, until?: string): RunReport {
  const result = runHeadless(galleryText(name), until !== undefined ? { until } : {});
  if (!result.ok) throw new Error(`${name}:\n${result.errors.join('\n')}`);
  return result.report;
}
