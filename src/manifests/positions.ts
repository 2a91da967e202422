// Field path → line:column in a parsed YAML document, so an API-server error such as
// `spec.template.spec.containers[0].image: Required value` can be shown on the line it is about.
import type { Document, LineCounter, Node as YamlNode } from 'yaml';
import { isAlias, isMap, isScalar, isSeq } from 'yaml';
import type { Position } from './types';

/** PathSegment is one step of a field path: a map key or a list index. */
export type PathSegment = string | number;

/**
 * parsePath splits a field path as field.Path prints it: `a.b[0].c[nvidia.com/gpu]` →
 * ['a', 'b', 0, 'c', 'nvidia.com/gpu']. Bracketed keys may contain dots.
 */
export function parsePath(path: string): PathSegment[] {
  const out: PathSegment[] = [];
  let i = 0;
  while (i < path.length) {
    const c = path.charAt(i);
    if (c === '.') {
      i++;
    } else if (c === '[') {
      const end = path.indexOf(']', i + 1);
      const inner = end < 0 ? path.slice(i + 1) : path.slice(i + 1, end);
      out.push(/^\d+$/.test(inner) ? Number(inner) : inner);
      i = end < 0 ? path.length : end + 1;
    } else {
      let j = i;
      while (j < path.length && path.charAt(j) !== '.' && path.charAt(j) !== '[') j++;
      out.push(path.slice(i, j));
      i = j;
    }
  }
  return out;
}

function startOf(node: unknown): number | undefined {
  const range = (node as { range?: [number, number, number] | null } | null)?.range;
  return range ? range[0] : undefined;
}

/**
 * locateOffset walks a path from a node and returns the source offset of the deepest node that
 * exists: the value for scalars, the key for collections (so a block map is marked on its
 * `key:` line), and the closest existing parent for a missing field. With `atKey` the last
 * map key itself is marked (an unknown field is the key's fault, not its value's).
 */
export function locateOffset(
  doc: Document,
  root: unknown,
  segments: readonly PathSegment[],
  atKey = false,
): number | undefined {
  let node: unknown = root;
  let best = startOf(root);
  for (const [i, seg] of segments.entries()) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => {
        const key = isScalar(p.key) ? p.key.value : p.key;
        return String(key) === String(seg);
      });
      if (!pair) return best;
      const value = isAlias(pair.value) ? pair.value.resolve(doc) : pair.value;
      const keyStart = startOf(pair.key);
      const valueStart = startOf(value);
      const wantKey = !isScalar(value) || (atKey && i === segments.length - 1);
      best = wantKey ? (keyStart ?? valueStart ?? best) : (valueStart ?? keyStart ?? best);
      node = value;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (item === undefined) return best;
      best = startOf(item) ?? best;
      node = item;
    } else {
      return best;
    }
  }
  return best;
}

/** toPosition converts a source offset into a 1-based line and column. */
export function toPosition(lineCounter: LineCounter, offset: number): Position {
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

/** locate finds the position of a field path under a node (see locateOffset). */
export function locate(
  doc: Document,
  lineCounter: LineCounter,
  root: unknown,
  path: string | readonly PathSegment[],
  atKey = false,
): Position {
  const segments = typeof path === 'string' ? parsePath(path) : path;
  const offset = locateOffset(doc, root, segments, atKey) ?? startOf(doc.contents) ?? 0;
  return toPosition(lineCounter, offset);
}

// Scenario documents are small; this bound only keeps a pathological one from costing much.
const MAX_POSITIONS = 20000;

/** PositionMaps are the positions of every field path: of its value (or key, for collections), and of its key. */
export interface PositionMaps {
  values: Record<string, Position>;
  keys: Record<string, Position>;
}

/**
 * collectPositions lists the position of every field path under a node, for documents whose
 * paths are checked later without the YAML at hand (the Scenario document). Iterative, so deep
 * nesting cannot overflow the stack.
 */
export function collectPositions(doc: Document, lineCounter: LineCounter, root: unknown): PositionMaps {
  const out: PositionMaps = { values: {}, keys: {} };
  const stack: { node: unknown; path: string; depth: number }[] = [{ node: root, path: '', depth: 0 }];
  let count = 0;
  while (stack.length > 0 && count < MAX_POSITIONS) {
    const top = stack.pop();
    if (!top || top.depth > 64) continue;
    const node = isAlias(top.node) ? top.node.resolve(doc) : top.node;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = String(isScalar(pair.key) ? pair.key.value : pair.key);
        const path = top.path ? `${top.path}.${key}` : key;
        const keyAt = startOf(pair.key);
        const at = isScalar(pair.value) ? startOf(pair.value) : (keyAt ?? startOf(pair.value));
        if (at !== undefined) out.values[path] = toPosition(lineCounter, at);
        if (keyAt !== undefined) out.keys[path] = toPosition(lineCounter, keyAt);
        count++;
        stack.push({ node: pair.value as YamlNode | null, path, depth: top.depth + 1 });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const path = `${top.path}[${i}]`;
        const at = startOf(item);
        if (at !== undefined) out.values[path] = toPosition(lineCounter, at);
        count++;
        stack.push({ node: item, path, depth: top.depth + 1 });
      });
    }
  }
  return out;
}
