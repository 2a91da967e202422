// UTF-8 and base64 without the DOM's TextEncoder/btoa, which the engine's TypeScript library
// (no DOM) does not declare: wc -c counts bytes, jq's @base64 and @uri encode them.

/** utf8 encodes a string's code points as UTF-8 bytes. */
export function utf8(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return out;
}

/** fromUtf8 decodes UTF-8 bytes; a malformed sequence becomes U+FFFD, as jq's decoder does. */
export function fromUtf8(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i] ?? 0;
    const need = b < 0x80 ? 0 : b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : b >= 0xc0 ? 1 : -1;
    if (need < 0 || i + need >= bytes.length) {
      out += '\ufffd';
      i++;
      continue;
    }
    let c = need === 0 ? b : b & (0x3f >> need);
    for (let j = 1; j <= need; j++) c = (c << 6) | ((bytes[i + j] ?? 0) & 63);
    out += String.fromCodePoint(c);
    i += need + 1;
  }
  return out;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function toBase64(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = [18, 12, 6, 0].map((s) => ALPHABET.charAt((n >> s) & 63));
    const pad = Math.max(0, i + 3 - bytes.length);
    out += chars.slice(0, 4 - pad).join('') + '='.repeat(pad);
  }
  return out;
}

/** fromBase64 decodes base64 (padding optional); undefined when the text is not base64. */
export function fromBase64(text: string): number[] | undefined {
  const clean = text.replace(/=+$/, '');
  if (!/^[A-Za-z0-9+/]*$/.test(clean) || clean.length % 4 === 1) return undefined;
  const out: number[] = [];
  for (let i = 0; i < clean.length; i += 4) {
    const chunk = clean.slice(i, i + 4);
    const n = [...chunk].reduce((acc, ch, k) => acc | (ALPHABET.indexOf(ch) << (18 - 6 * k)), 0);
    out.push((n >> 16) & 255);
    if (chunk.length > 2) out.push((n >> 8) & 255);
    if (chunk.length > 3) out.push(n & 255);
  }
  return out;
}
