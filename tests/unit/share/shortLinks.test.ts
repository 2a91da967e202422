// Short links (#v2:): a shipped scenario is named with a hash of its text, and only what changed
// travels. Chat tools cut links past about 2,000 characters; a workshop shares links in chat.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../../../src/app/defaultScenario';
import { namedTexts, textHash } from '../../../src/share/namedTexts';
import type { SharedRun } from '../../../src/share/run';
import { decodeRun, encodeRun } from '../../../src/share/urlCodec';
import { galleryFileNames, galleryText } from '../scenario/galleryFiles';

const SHIPPED = namedTexts([
  ['default', DEFAULT_SCENARIO],
  ...galleryFileNames().map((name) => [name, galleryText(name)] as const),
]);

function run(text: string, over: Partial<SharedRun> = {}): SharedRun {
  return { text, log: [], time: 0, speed: 1, ...over };
}

/** LESSON_RUN is a learner's lesson run: 20 commands over ten simulated minutes. */
const LESSON_RUN = run(galleryText('lesson-node-maintenance'), {
  seed: 3,
  time: 612.5,
  speed: 5,
  log: Array.from({ length: 20 }, (_, i) => ({
    t: 15 + i * 29.75,
    line: [
      'kubectl get pods -o wide',
      'kubectl cordon node-2',
      'kubectl drain node-2 --ignore-daemonsets --delete-emptydir-data',
      'kubectl describe node node-2',
      'kubectl uncordon node-2',
    ][i % 5]!,
  })),
});

describe('short links · a shipped scenario is named, not carried', () => {
  it.each(galleryFileNames().map((name) => [name]))(
    'an untouched "%s" link is under 200 characters',
    (name) => {
      const link = encodeRun(run(galleryText(name)), SHIPPED);
      expect(link).toMatch(/^#v2:[a-z0-9-]+\.[0-9a-z]+$/);
      expect(`https://example.github.io/daemonset-playground/${link}`.length).toBeLessThan(200);
      expect(decodeRun(link, SHIPPED)).toEqual({ ok: true, run: run(galleryText(name)) });
    },
  );

  it('the default scenario is named "default"', () => {
    expect(encodeRun(run(DEFAULT_SCENARIO, { time: 42 }), SHIPPED)).toMatch(/^#v2:default\./);
  });

  it('a lesson run with 20 commands is under 1,000 characters and opens exactly', () => {
    const link = encodeRun(LESSON_RUN, SHIPPED);
    expect(link.length).toBeLessThan(1000);
    expect(decodeRun(link, SHIPPED)).toEqual({ ok: true, run: LESSON_RUN });
  });

  it.each<[string, SharedRun]>([
    ['edited in the editor', run(DEFAULT_SCENARIO, { editor: DEFAULT_SCENARIO + '# mine\n' })],
    ['a text of its own', run('apiVersion: v1\nkind: Node\nmetadata:\n  name: n1\n')],
    ['one character changed', run(DEFAULT_SCENARIO.replace('node-3', 'node-9'))],
  ])('a run on a scenario %s carries its text (#v1:)', (_what, edited) => {
    const link = encodeRun(edited, SHIPPED);
    expect(link.startsWith('#v1:')).toBe(true);
    expect(decodeRun(link, SHIPPED)).toEqual({ ok: true, run: edited });
  });

  it('without the shipped texts every link carries the text, as before', () => {
    expect(encodeRun(run(DEFAULT_SCENARIO)).startsWith('#v1:')).toBe(true);
  });
});

describe('short links · a named text that is gone or changed', () => {
  const link = encodeRun(run(DEFAULT_SCENARIO, { time: 30 }), SHIPPED);

  it('a changed text opens on its current version, with a notice saying so', () => {
    const changed = namedTexts([['default', DEFAULT_SCENARIO + '# a later edit\n']]);
    const result = decodeRun(link, changed);
    expect(result).toMatchObject({
      ok: true,
      run: { text: DEFAULT_SCENARIO + '# a later edit\n', time: 30 },
    });
    expect(result.ok && result.notice).toMatch(/"default" has changed since this link was made/);
  });

  it('an unchanged text opens without a notice', () => {
    const result = decodeRun(link, SHIPPED);
    expect(result.ok && result.notice).toBeUndefined();
  });

  it.each([
    ['a name this page does not have', `#v2:no-such-scenario.${textHash('x')}`, /does not have/],
    ['no shipped texts at all', link, /does not have/],
    ['a name with a path in it', '#v2:../etc.abc', /does not name a scenario/],
    ['too many parts', `${link}.x.y`, /does not name a scenario/],
    ['changes that are not base64url', `#v2:default.${textHash(DEFAULT_SCENARIO)}.@@@`, /not base64url/],
  ])('refuses %s', (_what, fragment, message) => {
    const result = decodeRun(fragment, _what === 'no shipped texts at all' ? undefined : SHIPPED);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(message);
  });

  it('changes that try to bring their own text are refused', async () => {
    const { deflateSync, strToU8 } = await import('fflate');
    const { toBase64Url } = await import('../../../src/share/base64url');
    const payload = toBase64Url(deflateSync(strToU8(JSON.stringify({ text: 'kind: Node\n' }))));
    const result = decodeRun(`#v2:default.${textHash(DEFAULT_SCENARIO)}.${payload}`, SHIPPED);
    expect(result).toMatchObject({ ok: false, message: expect.stringMatching(/without text/) });
  });
});

describe('textHash', () => {
  // FNV-1a's published 32-bit test vectors, in base 36: "" → 0x811c9dc5, "a" → 0xe40c292c.
  it.each([
    ['', (0x811c9dc5).toString(36)],
    ['a', (0xe40c292c).toString(36)],
    ['abc', '7aigaz'],
  ])('is FNV-1a for %j', (text, expected) => {
    expect(textHash(text)).toBe(expected);
    expect(textHash(text)).toMatch(/^[0-9a-z]{1,8}$/);
  });

  it('tells one-character edits apart', () => {
    expect(textHash(DEFAULT_SCENARIO)).not.toBe(textHash(DEFAULT_SCENARIO + ' '));
  });
});
