// jq's `@format` strings (src/builtin.c f_format): @text @json @csv @tsv @sh @base64 @base64d
// @uri @html, applied to a value or to each interpolation of a `@format "…"` string.
import { fromBase64, fromUtf8, toBase64, utf8 } from '../utf8';
import { JqError, compact, described, typeOf } from './values';
import type { Json } from './values';

const scalarText = (v: Json): string => (typeof v === 'string' ? v : compact(v));

function rowCells(name: string, v: Json, cell: (x: Json) => string): string {
  if (!Array.isArray(v))
    throw new JqError(`${described(v)} cannot be ${name}-formatted, only an array can be`);
  return v
    .map((x) => {
      const t = typeOf(x);
      if (t === 'array' || t === 'object') throw new JqError(`${described(x)} is not valid in a ${name} row`);
      return cell(x);
    })
    .join(name === 'csv' ? ',' : '\t');
}

const base64 = (text: string): string => toBase64(utf8(text));

function base64d(text: string): string {
  const bytes = fromBase64(text);
  if (!bytes) throw new JqError(`${described(text)} is not valid base64 data`);
  return fromUtf8(bytes);
}

const FORMATS: Record<string, (v: Json) => string> = {
  text: scalarText,
  json: compact,
  csv: (v) =>
    rowCells('csv', v, (x) =>
      typeof x === 'string' ? `"${x.replace(/"/g, '""')}"` : x === null ? '' : compact(x),
    ),
  tsv: (v) =>
    rowCells('tsv', v, (x) =>
      typeof x === 'string'
        ? x.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r')
        : x === null
          ? ''
          : compact(x),
    ),
  sh: (v) => {
    const quote = (x: Json) => {
      const t = typeOf(x);
      if (t === 'array' || t === 'object') throw new JqError(`${described(x)} can not be escaped for shell`);
      return typeof x === 'string' ? `'${x.replace(/'/g, "'\\''")}'` : compact(x);
    };
    return Array.isArray(v) ? v.map(quote).join(' ') : quote(v);
  },
  base64: (v) => base64(scalarText(v)),
  base64d: (v) => base64d(scalarText(v)),
  uri: (v) =>
    scalarText(v).replace(/[^A-Za-z0-9\-_.~]/g, (c) =>
      utf8(c)
        .map((b) => `%${b.toString(16).toUpperCase().padStart(2, '0')}`)
        .join(''),
    ),
  html: (v) =>
    scalarText(v).replace(
      /[<>&'"]/g,
      (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&#39;', '"': '&quot;' })[c] ?? c,
    ),
};

export const formatNames = (): string[] => Object.keys(FORMATS);

/** applyFormat renders a value with a named format; an unknown name is jq's compile error. */
export function applyFormat(name: string, v: Json): string {
  const f = FORMATS[name];
  if (!f) throw new JqError(`${name} is not a valid format`);
  return f(v);
}
