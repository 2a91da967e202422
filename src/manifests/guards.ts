// Checks that run around the YAML parser: a linear pre-scan that refuses nesting the parser
// cannot survive, and the search for duplicate keys, which the `yaml` package leaves to us.
import type { Document, LineCounter } from 'yaml';
import { isMap, isScalar, isSeq } from 'yaml';
import { toPosition } from './positions';
import type { PathSegment } from './positions';
import type { Position } from './types';

/** positionOfOffset converts a source offset to a 1-based line and column without a LineCounter. */
export function positionOfOffset(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * flowNestingTooDeep returns the offset where `[`/`{` nesting first exceeds the limit, or -1.
 * Quoted scalars and comments are skipped; a quote only opens after a separator, so the
 * apostrophe in a plain scalar (`don't`) does not.
 */
export function flowNestingTooDeep(text: string, limit: number): number {
  let depth = 0;
  let quote = '';
  let prev = '\n';
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quote) {
      if (c === quote && !(quote === '"' && prev === '\\')) quote = '';
    } else if (c === '#' && /\s/.test(prev)) {
      const end = text.indexOf('\n', i);
      i = end < 0 ? text.length : end - 1;
    } else if ((c === '"' || c === "'") && /[\s[{,:]/.test(prev)) {
      quote = c;
    } else if (c === '[' || c === '{') {
      if (++depth > limit) return i;
    } else if (c === ']' || c === '}') {
      depth = Math.max(0, depth - 1);
    } else if (c === '-' && prev === '\n' && text.startsWith('---', i)) {
      depth = 0;
    }
    prev = c;
  }
  return -1;
}

/** DuplicateKey is a key set twice in one mapping: where the second one is, and its path from the document root. */
export interface DuplicateKey extends Position {
  segments: PathSegment[];
}

/**
 * duplicateKeys finds keys set twice in one mapping. The `yaml` package keeps the last value
 * silently; the API server's strict decoding reports each as `duplicate field "<path>"`.
 */
export function duplicateKeys(doc: Document, lineCounter: LineCounter): DuplicateKey[] {
  const found: DuplicateKey[] = [];
  const stack: { node: unknown; segments: PathSegment[] }[] = [{ node: doc.contents, segments: [] }];
  while (stack.length > 0) {
    const { node, segments } = stack.pop() as { node: unknown; segments: PathSegment[] };
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
        if (seen.has(key) && pair.key && (pair.key as { range?: number[] }).range) {
          const offset = (pair.key as { range: number[] }).range[0] ?? 0;
          found.push({ ...toPosition(lineCounter, offset), segments: [...segments, key] });
        }
        seen.add(key);
        stack.push({ node: pair.value, segments: [...segments, key] });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => stack.push({ node: item, segments: [...segments, i] }));
    }
  }
  return found.sort((a, b) => a.line - b.line || a.column - b.column);
}
