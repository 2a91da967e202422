// `-l` label selectors and `--field-selector` filters over listed objects.
import { parseSelector } from '../../engine/api/labels';
import type { AnyObject } from './resources';

/** ObjectFilter keeps or drops an object. */
export type ObjectFilter = (obj: AnyObject) => boolean;

/** FilterResult is a filter, or kubectl's error text for a bad selector. */
export type FilterResult = { ok: true; filter: ObjectFilter } | { ok: false; error: string };

/** labelFilter parses `-l` (labels.Parse grammar); undefined or "" keeps everything. */
export function labelFilter(selector: string | undefined): FilterResult {
  if (!selector) return { ok: true, filter: () => true };
  const parsed = parseSelector(selector);
  if (!parsed.ok) return { ok: false, error: `error: ${parsed.message}\n` };
  return { ok: true, filter: (obj) => parsed.selector.matches(obj.metadata.labels) };
}

function fieldValue(obj: unknown, path: string): string {
  let cur: unknown = obj;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return '';
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur === undefined || cur === null ? '' : String(cur);
}

/**
 * fieldFilter parses `--field-selector` (`spec.nodeName=node-1,status.phase!=Running`); fields
 * are read as dotted paths, and an unset field compares as "" as the API server does.
 */
export function fieldFilter(selector: string | undefined): FilterResult {
  if (!selector) return { ok: true, filter: () => true };
  const terms: { path: string; equal: boolean; value: string }[] = [];
  for (const term of selector.split(',')) {
    const m = /^\s*([^=!\s]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(term);
    if (!m)
      return { ok: false, error: `error: invalid selector: '${selector}'; can't understand '${term}'\n` };
    terms.push({ path: m[1] ?? '', equal: m[2] !== '!=', value: m[3] ?? '' });
  }
  return {
    ok: true,
    filter: (obj) => terms.every((t) => (fieldValue(obj, t.path) === t.value) === t.equal),
  };
}
