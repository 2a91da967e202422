import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../../../src/app/defaultScenario';
import { fromBase64Url, toBase64Url } from '../../../src/share/base64url';
import type { SharedRun } from '../../../src/share/run';
import { LIMITS } from '../../../src/share/run';
import { MAX_JSON_BYTES, decodeRun, encodeRun, isRunFragment } from '../../../src/share/urlCodec';

/** link encodes any JSON value as a v1 fragment, valid or not, as a hand-made link would be. */
function link(value: unknown): string {
  return `#v1:${toBase64Url(deflateSync(strToU8(JSON.stringify(value))))}`;
}

/** wire is the JSON inside a fragment. */
function wire(fragment: string): unknown {
  return JSON.parse(strFromU8(inflateSync(fromBase64Url(fragment.replace('#v1:', ''))!)));
}

function run(over: Partial<SharedRun> = {}): SharedRun {
  return { text: 'apiVersion: v1\nkind: Node\nmetadata:\n  name: n1\n', log: [], time: 0, speed: 1, ...over };
}

function rejection(fragment: string): string {
  const result = decodeRun(fragment);
  if (result.ok) throw new Error('expected the link to be rejected');
  return result.message;
}

describe('share links · round trip', () => {
  it.each([
    ['plain YAML', run()],
    [
      'non-ASCII text',
      run({ text: 'metadata:\n  name: nœud-été\n  annotations: { note: "Größe ✓ 日本語" }\n' }),
    ],
    [
      'emoji outside the BMP',
      run({ text: '# 🚀 rollout 🧪\n', log: [{ t: 1, line: 'kubectl annotate node n1 x=🙂' }] }),
    ],
    ['CRLF line ends', run({ text: 'a: 1\r\nb: 2\r\n', editor: 'a: 1\r\nb: 3\r\n' })],
    [
      'every field set',
      run({
        editor: 'edited',
        seed: 42,
        time: 61.23300000000001,
        speed: 5,
        log: [
          { t: 12.345678901234, line: 'kubectl label nodes node-1 team=a' },
          { t: 20, line: 'kubectl apply -f -', stdin: 'kind: Node\n' },
          { t: 20, line: 'sim node add node-4' },
        ],
      }),
    ],
  ])('keeps %s exactly', (_name, original) => {
    const decoded = decodeRun(encodeRun(original));
    expect(decoded).toEqual({ ok: true, run: original });
  });

  it('accepts the fragment with or without its #', () => {
    const encoded = encodeRun(run());
    expect(decodeRun(encoded.slice(1))).toEqual(decodeRun(encoded));
    expect(isRunFragment(encoded)).toBe(true);
    expect(isRunFragment('#section-2')).toBe(false);
  });

  it('leaves defaults out of the link', () => {
    expect(wire(encodeRun(run({ editor: run().text })))).toEqual({ text: run().text });
    expect(wire(encodeRun(run({ seed: 0, time: 3, log: [{ t: 1, line: 'x', stdin: '' }] })))).toEqual({
      text: run().text,
      seed: 0,
      time: 3,
      log: [[1, 'x', '']],
    });
  });

  it('encodes a typical run in under 2 KB', () => {
    const typical = run({
      text: DEFAULT_SCENARIO,
      time: 95.4,
      speed: 5,
      log: [
        { t: 12.345678901, line: 'kubectl label nodes node-1 team=a' },
        { t: 20.2, line: 'sim node add node-4' },
        { t: 33, line: 'kubectl set image ds/fluentd fluentd=fluent/fluentd:v1.15 -n kube-system' },
        { t: 70.5, line: 'kubectl taint nodes node-2 dedicated=logging:NoSchedule' },
      ],
    });
    expect(encodeRun(typical).length).toBeLessThan(2000);
  });

  it('pins the v1 format', () => {
    const pinned = run({ seed: 7, time: 30, speed: 2, log: [{ t: 10, line: 'sim node add node-2' }] });
    expect(encodeRun(pinned)).toMatchInlineSnapshot(
      `"#v1:HYvBCsJADAV_JbzzCrYehHyERy_dHgIJsuhmiw0iiP_ebW_DMPND2DfAkKXc7b2W5kyfIfuzuDLdmlr2aiEqIZydyKUak_cECauZgq8Jr_YAT9Nw7q5U8v6RqB5wGjHPCVGqgS97sRzb-N8A"`,
    );
    // Links made by earlier builds must keep opening: decoding this exact string is the contract.
    const old =
      '#v1:HYvBCsJADAV_JbzzCrYehHyERy_dHgIJsuhmiw0iiP_ebW_DMPND2DfAkKXc7b2W5kyfIfuzuDLdmlr2aiEqIZydyKUak_cECauZgq8Jr_YAT9Nw7q5U8v6RqB5wGjHPCVGqgS97sRzb-N8A';
    expect(decodeRun(old)).toEqual({ ok: true, run: pinned });
  });
});

describe('share links · rejection', () => {
  it.each([
    ['a format this page does not know', '#v9:abc', /format v9/],
    ['no version prefix', '#hello', /should start with #v1:/],
    ['characters outside base64url', '#v1:abc$def', /not base64url/],
    ['an impossible base64 length', '#v1:abcde', /not base64url/],
    ['data that does not decompress', '#v1:garbage', /does not decompress/],
    ['a link cut short', encodeRun(run({ text: 'x'.repeat(5000) + Math.PI })).slice(0, 40), /cut short/],
    ['content that is not JSON', `#v1:${toBase64Url(deflateSync(strToU8('{"text": ')))}`, /not JSON/],
  ])('rejects %s', (_name, fragment, message) => {
    expect(rejection(fragment)).toMatch(message);
  });

  it('stops inflating a decompression bomb at the cap', () => {
    // 16 MiB of one repeated byte deflates to about 16 KiB.
    const bomb = `#v1:${toBase64Url(deflateSync(new Uint8Array(16 << 20).fill(32)))}`;
    expect(bomb.length).toBeLessThan(50_000);
    expect(rejection(bomb)).toMatch(/more than 2 MiB/);
    expect(MAX_JSON_BYTES).toBe(2 << 20);
  });

  it.each([
    ['a run that is not an object', [1, 2], /must be an object/],
    ['text that is not text', { text: 5 }, /text must be text/],
    ['text over the cap', { text: 'x'.repeat(LIMITS.textChars + 1) }, /text is longer than 200,000/],
    ['a fractional seed', { text: '', seed: 1.5 }, /seed must be an integer/],
    ['a speed of zero', { text: '', speed: 0 }, /speed must be between/],
    ['a negative time', { text: '', time: -1 }, /time must be a number of seconds/],
    ['an absurd time', { text: '', time: 1e12 }, /time must be a number of seconds/],
    ['a log that is not a list', { text: '', log: 'kubectl get pods' }, /log must be a list/],
    ['a command of the wrong shape', { text: '', log: [{ t: 1, line: 'x' }] }, /log\[0\] must be/],
    ['a command line that is a number', { text: '', log: [[1, 7]] }, /log\[0\] line must be text/],
    [
      'a command out of time order',
      {
        text: '',
        log: [
          [5, 'a'],
          [4, 'b'],
        ],
      },
      /log\[1\] is earlier/,
    ],
    [
      'two commands in one line',
      { text: '', log: [[1, 'kubectl get pods\nrm -rf /']] },
      /one non-empty line/,
    ],
    [
      'too many commands',
      { text: '', log: Array.from({ length: LIMITS.commands + 1 }, () => [0, 'x']) },
      /more than 2000/,
    ],
    ['an unknown field', { text: '', run: 'alert(1)' }, /unknown field "run"/],
  ])('rejects %s', (_name, value, message) => {
    expect(rejection(link(value))).toMatch(message);
  });

  it('keeps hostile strings as inert data', () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>';
    const decoded = decodeRun(
      link({ text: `metadata:\n  name: "${hostile}"\n`, log: [[1, `kubectl label nodes ${hostile} a=b`]] }),
    );
    expect(decoded.ok && decoded.run.text).toContain(hostile);
    expect(decoded.ok && decoded.run.log[0]?.line).toBe(`kubectl label nodes ${hostile} a=b`);
  });

  it('never throws, whatever the fragment', () => {
    for (const f of [
      '',
      '#',
      '#v1:',
      '#v1:=',
      '#v1:A',
      '#v1:AAAA',
      '#v9999999999:',
      '#v1:' + '_'.repeat(9999),
    ])
      expect(() => decodeRun(f)).not.toThrow();
  });
});

describe('base64url', () => {
  it('round-trips every length and byte value', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + n * 31) & 0xff);
      expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
    }
    expect(toBase64Url(Uint8Array.from([0xfb, 0xff]))).toBe('-_8');
  });
});
