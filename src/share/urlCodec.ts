// Share links: a run travels in the URL fragment as `#v1:` + base64url(deflate(JSON)). The
// fragment never reaches a server, and every past version stays decodable: a new format gets a
// new prefix and its own branch in decodeRun. A link that fails anywhere yields a message, never
// a partial run (STYLE.md §3 habit 13).
import { Inflate, deflateSync, strFromU8, strToU8 } from 'fflate';
import { fromBase64Url, toBase64Url } from './base64url';
import type { RunResult, SharedRun } from './run';
import { toWire, validateRun } from './run';

export const V1_PREFIX = 'v1:';

/** MAX_FRAGMENT_CHARS: longer fragments are refused before any decoding work. */
export const MAX_FRAGMENT_CHARS = 2_000_000;
/** MAX_JSON_BYTES caps inflated output: decompression stops as soon as it is passed. */
export const MAX_JSON_BYTES = 2 << 20;
// Input is fed to the inflater in small pieces, so one piece can expand to at most ~1,000 times
// its size (deflate's ceiling) before the running total is checked.
const INFLATE_PIECE = 512;

/** encodeRun returns the fragment for a run, with the leading `#`. */
export function encodeRun(run: SharedRun): string {
  const json = JSON.stringify(toWire(run));
  return `#${V1_PREFIX}${toBase64Url(deflateSync(strToU8(json), { level: 9 }))}`;
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

function decodeV1(payload: string): RunResult {
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
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return { ok: false, message: 'the link is damaged (its content is not JSON)' };
  }
  const result = validateRun(value);
  return result.ok ? result : { ok: false, message: `the link is not a valid run: ${result.message}` };
}

/**
 * decodeRun reads a URL fragment (with or without the leading `#`) into a run or a message.
 * It takes the fragment as an argument, never reads `location`, and never throws.
 */
export function decodeRun(fragment: string): RunResult {
  const f = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (f.length > MAX_FRAGMENT_CHARS) return { ok: false, message: 'the link is too long' };
  if (f.startsWith(V1_PREFIX)) return decodeV1(f.slice(V1_PREFIX.length));
  const version = /^(v\d+):/.exec(f)?.[1];
  if (version)
    return {
      ok: false,
      message: `the link uses format ${version}, which this version of the page does not know`,
    };
  return { ok: false, message: 'the link is not a playground run (it should start with #v1:)' };
}

/** isRunFragment tells whether a fragment is meant as a run (so other fragments are left alone). */
export function isRunFragment(fragment: string): boolean {
  return /^#?v\d+:/.test(fragment);
}
