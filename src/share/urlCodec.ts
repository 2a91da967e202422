// Share links: a run travels in the URL fragment. The fragment never reaches a server, and every
// past version stays decodable: a new format gets a new prefix and its own branch in decodeRun. A
// link that fails anywhere yields a message, never a partial run.
//   #v1:<base64url(deflate(JSON))>            the whole run, scenario text included
//   #v2:<name>.<hash>[.<base64url(deflate(JSON))>]
//                                             a shipped scenario named, with only what changed
//                                             (commands, seed, speed, time): short enough for chat
import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import { fromBase64Url, toBase64Url } from './base64url';
import type { NamedTexts } from './namedTexts';
import { NAME_PATTERN, textHash } from './namedTexts';
import type { RunResult, SharedRun } from './run';
import { toWire, validateRun } from './run';
import { V1_PREFIX, V2_PREFIX } from './fragment';

export { isRunFragment } from './fragment';

/** MAX_FRAGMENT_CHARS: longer fragments are refused before any decoding work. */
export const MAX_FRAGMENT_CHARS = 2_000_000;
/** MAX_JSON_BYTES caps inflated output: decompression stops as soon as it is passed. */
export const MAX_JSON_BYTES = 2 << 20;
// Input is fed to the inflater in small pieces, so one piece can expand to at most ~1,000 times
// its size (deflate's ceiling) before the running total is checked.
const INFLATE_PIECE = 512;

function pack(value: unknown): string {
  return toBase64Url(deflateSync(strToU8(JSON.stringify(value)), { level: 9 }));
}

/**
 * encodeRun returns the fragment for a run, with the leading `#`. Given the page's shipped texts,
 * a run on one of them, unedited, names it (`#v2:`) instead of carrying it.
 */
export function encodeRun(run: SharedRun, shipped?: NamedTexts): string {
  const name = shipped?.nameOf(run.text);
  const edited = run.editor !== undefined && run.editor !== run.text;
  if (name === undefined || edited) return `#${V1_PREFIX}${pack(toWire(run))}`;
  const { text: _text, ...changes } = toWire(run);
  const head = `#${V2_PREFIX}${name}.${textHash(run.text)}`;
  return Object.keys(changes).length === 0 ? head : `${head}.${pack(changes)}`;
}

class TooLarge extends Error {}

/** inflateCapped inflates raw DEFLATE data, or throws TooLarge once output passes `cap` bytes. */
function inflateCapped(data: Uint8Array, cap: number): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 0;
  let ended = false;
  const inflater = new Inflate((chunk, final) => {
    size += chunk.length;
    if (size > cap) throw new TooLarge();
    parts.push(chunk);
    if (final) ended = true;
  });
  for (let at = 0; at < data.length; at += INFLATE_PIECE) {
    const end = Math.min(at + INFLATE_PIECE, data.length);
    inflater.push(data.subarray(at, end), end === data.length);
  }
  if (!ended) throw new Error('unexpected end of data');
  const out = new Uint8Array(size);
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

type Unpacked = { ok: true; value: unknown } | { ok: false; message: string };

function unpack(payload: string): Unpacked {
  const bytes = fromBase64Url(payload);
  if (!bytes) return { ok: false, message: 'the link is damaged (it is not base64url)' };
  let json: string;
  try {
    json = strFromU8(inflateCapped(bytes, MAX_JSON_BYTES));
  } catch (err) {
    if (err instanceof TooLarge)
      return { ok: false, message: `the link holds more than ${MAX_JSON_BYTES >> 20} MiB of data` };
    return { ok: false, message: 'the link is damaged or cut short (it does not decompress)' };
  }
  try {
    return { ok: true, value: JSON.parse(json) };
  } catch {
    return { ok: false, message: 'the link is damaged (its content is not JSON)' };
  }
}

function validated(value: unknown): RunResult {
  const result = validateRun(value);
  return result.ok ? result : { ok: false, message: `the link is not a valid run: ${result.message}` };
}

function decodeV1(payload: string): RunResult {
  const unpacked = unpack(payload);
  return unpacked.ok ? validated(unpacked.value) : unpacked;
}

function decodeV2(rest: string, shipped: NamedTexts | undefined): RunResult {
  const [name = '', hash = '', payload, extra] = rest.split('.');
  if (extra !== undefined || !NAME_PATTERN.test(name) || !/^[0-9a-z]{1,8}$/.test(hash))
    return { ok: false, message: 'the link is damaged (it does not name a scenario)' };
  const text = shipped?.textOf(name);
  if (text === undefined)
    return { ok: false, message: `the link names the scenario "${name}", which this page does not have` };
  let changes: unknown = {};
  if (payload !== undefined) {
    const unpacked = unpack(payload);
    if (!unpacked.ok) return unpacked;
    changes = unpacked.value;
  }
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes) || 'text' in changes)
    return { ok: false, message: 'the link is not a valid run: its changes must be an object without text' };
  const result = validated({ ...changes, text });
  if (!result.ok || textHash(text) === hash) return result;
  return {
    ...result,
    notice:
      `the scenario "${name}" has changed since this link was made, so the run is replayed on ` +
      'its current text and may differ from what was shared',
  };
}

/**
 * decodeRun reads a URL fragment (with or without the leading `#`) into a run or a message; a
 * link naming a shipped text finds it in `shipped`. It takes the fragment as an argument, never
 * reads `location`, and never throws.
 */
export function decodeRun(fragment: string, shipped?: NamedTexts): RunResult {
  const f = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (f.length > MAX_FRAGMENT_CHARS) return { ok: false, message: 'the link is too long' };
  if (f.startsWith(V1_PREFIX)) return decodeV1(f.slice(V1_PREFIX.length));
  if (f.startsWith(V2_PREFIX)) return decodeV2(f.slice(V2_PREFIX.length), shipped);
  const version = /^(v\d+):/.exec(f)?.[1];
  if (version)
    return {
      ok: false,
      message: `the link uses format ${version}, which this version of the page does not know`,
    };
  return { ok: false, message: 'the link is not a playground run (it should start with #v1:)' };
}
