// The headless runner: `npm run --silent sim -- <scenario.yaml | -> [--until <duration>] [--seed <n>]`.
// Prints the run report as JSON (docs/scenario-format.md); an invalid scenario prints its errors and exits 1.
import { readFileSync } from 'node:fs';
import { setExplainSchema } from '../kubectl';
import { loadManifestSchema } from '../manifests/schemas';
import { runHeadless } from '../scenario/headless';

const USAGE = 'usage: npm run --silent sim -- <scenario.yaml | -> [--until <duration>] [--seed <n>]';

function main(argv: string[]): number {
  let file: string | undefined;
  let until: string | undefined;
  let seed: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--until') until = argv[++i];
    else if (arg.startsWith('--until=')) until = arg.slice('--until='.length);
    else if (arg === '--seed') seed = argv[++i];
    else if (arg.startsWith('--seed=')) seed = arg.slice('--seed='.length);
    else if (arg === '-h' || arg === '--help') {
      process.stdout.write(USAGE + '\n');
      return 0;
    } else if (file === undefined) file = arg;
    else {
      process.stderr.write(`error: unexpected argument ${arg}\n${USAGE}\n`);
      return 1;
    }
  }
  if (!file) {
    process.stderr.write(`error: a scenario file is required\n${USAGE}\n`);
    return 1;
  }
  let text: string;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    process.stderr.write(`error: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
    return 1;
  }
  const result = runHeadless(text, { until, seed });
  if (!result.ok) {
    for (const line of result.errors) process.stderr.write(`${file}:${line}\n`);
    return 1;
  }
  process.stdout.write(JSON.stringify(result.report, null, 2) + '\n');
  return 0;
}

try {
  // `kubectl explain` in a scenario step reads the bundled schemas.
  setExplainSchema(await loadManifestSchema());
  process.exitCode = main(process.argv.slice(2));
} catch (e) {
  // An engine bug must still not print a stack trace at the user: say what broke, exit 1.
  process.stderr.write(`error: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
