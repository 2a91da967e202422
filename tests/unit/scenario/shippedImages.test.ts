// Nothing the playground ships fails to pull by accident: every image the gallery, the lessons,
// the sample scenarios, the fixtures, the docs and the default scenario name (in a manifest, a
// JSON patch, `kubectl set image` or `--image`) is in the registry catalogue with that very tag.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveImage } from '../../../src/engine/images/registry';

const ROOT = join(__dirname, '../../..');

const filesIn = (dir: string, ext: string) =>
  readdirSync(join(ROOT, dir))
    .filter((f) => f.endsWith(ext))
    .map((f) => join(dir, f));

// Texts are scenario YAML, Markdown or a YAML template; code files hold images as string literals.
const TEXT_FILES = [
  ...filesIn('src/scenario/gallery', '.yaml'),
  ...filesIn('tests/fixtures/scenarios', '.yaml'),
  ...filesIn('docs', '.md'),
  'README.md',
  'src/app/defaultScenario.ts',
  'src/app/store/engineBridge.ts',
];
const CODE_FILES = [...filesIn('src/scenario/lessons', '.ts'), ...filesIn('tests/fixtures', '.ts')];

const TEXT_PATTERNS = [
  /\bimage:\s*['"]?([^\s'",}\]#]+)/g,
  /"image"\s*:\s*"([^"]+)"/g,
  /--image[= ]([^\s'"`]+)/g,
];
const CODE_PATTERN = /\bimage:\s*(?:[\w.]+\s*\?\?\s*)?['"`]([^'"`\s]+)['"`]/g;
const SET_IMAGE = /\bset image\s+\S+\s+((?:[\w*.-]+=[^\s'"`]+\s*)+)/g;

/** imagesIn lists the image references a shipped file uses, skipping `<placeholders>` and `${vars}`. */
function imagesIn(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const found: string[] = [];
  const patterns = CODE_FILES.includes(file) ? [CODE_PATTERN] : TEXT_PATTERNS;
  for (const re of patterns) for (const m of text.matchAll(re)) found.push(m[1]!);
  for (const m of text.matchAll(SET_IMAGE)) {
    for (const pair of m[1]!.trim().split(/\s+/)) found.push(pair.slice(pair.indexOf('=') + 1));
  }
  return found.filter((image) => !/[<>${}]/.test(image));
}

// Tags that are wrong on purpose, to show what a real pull of them does.
const DELIBERATE = new Set([
  'src/scenario/gallery/typo-tag-rollout.yaml fluent/fluentd:v1.17',
  'src/scenario/gallery/lesson-rolling-out.yaml fluent/fluentd:v1.17',
  'src/scenario/gallery/lesson-troubleshooting.yaml fluent/fluentd:v1.17',
]);

const ALL_USES = [...TEXT_FILES, ...CODE_FILES].flatMap((file) =>
  imagesIn(file).map((image) => ({ file, image })),
);
const USES = ALL_USES.filter((u) => !DELIBERATE.has(`${u.file} ${u.image}`));

describe('shipped images · every image the playground ships is a real, catalogued tag', () => {
  it('finds the images in gallery, samples, fixtures, docs and the default scenario', () => {
    const images = new Set(USES.map((u) => u.image));
    expect(images.size).toBeGreaterThanOrEqual(15);
    expect([...images]).toEqual(
      expect.arrayContaining([
        'fluent/fluentd:v1.16-1',
        'fluent/fluentd:v1.14-1',
        'fluent/fluentd:v1.15-1',
        'registry.k8s.io/pause:3.10',
        'docker.io/aquasec/kube-bench:v0.8.0',
        'nginx:1.27',
      ]),
    );
    expect(new Set(USES.map((u) => u.file))).toContain('src/app/defaultScenario.ts');
  });

  it.each(USES)('$file: $image pulls', ({ image }) => {
    expect(resolveImage(image)).toMatchObject({ kind: 'found' });
  });

  it("except the typo'd tags shown failing on purpose, which really do not exist", () => {
    const deliberate = ALL_USES.filter((u) => DELIBERATE.has(`${u.file} ${u.image}`));
    expect(new Set(deliberate.map((u) => `${u.file} ${u.image}`))).toEqual(DELIBERATE);
    for (const u of deliberate) expect(resolveImage(u.image).kind).toBe('notFound');
  });
});
