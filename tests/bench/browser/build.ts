// Builds the site with Vite into a temporary directory (never dist/, which other work uses).
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Build {
  outDir: string;
  base: string;
  remove(): Promise<void>;
}

/** buildSite runs `vite build --outDir <tmp>` with BASE_PATH=`base`, from the project root. */
export async function buildSite(root: string, base: string): Promise<Build> {
  const outDir = await mkdtemp(join(tmpdir(), 'dsp-bench-site-'));
  const remove = () => rm(outDir, { recursive: true, force: true });
  const vite = join(root, 'node_modules/.bin/vite');
  const args = ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'];
  const output: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(vite, args, { cwd: root, env: { ...process.env, BASE_PATH: base } });
    child.stdout.on('data', (d: Buffer) => output.push(d.toString()));
    child.stderr.on('data', (d: Buffer) => output.push(d.toString()));
    child.on('error', reject);
    child.on('close', resolve);
  }).catch(async (e: unknown) => {
    await remove();
    throw e;
  });
  if (code !== 0) {
    await remove();
    throw new Error(`vite build failed (exit ${code}):\n${output.join('')}`);
  }
  return { outDir, base, remove };
}
