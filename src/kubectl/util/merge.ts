// The three patch flavours kubectl speaks (`kubectl patch --type`), and the three-way merge of
// `kubectl apply`. Strategic merge follows the patchStrategy/patchMergeKey tags of the core and
// apps types: containers merge by name, ports by containerPort, and lists without a merge key
// (tolerations, taints, args) are replaced whole.

/** Json is a plain JSON value. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

// patchMergeKey per field name, from k8s.io/api struct tags.
const MERGE_KEYS: Readonly<Record<string, string>> = {
  containers: 'name',
  initContainers: 'name',
  ephemeralContainers: 'name',
  ports: 'containerPort',
  env: 'name',
  volumes: 'name',
  volumeMounts: 'mountPath',
  imagePullSecrets: 'name',
  conditions: 'type',
  ownerReferences: 'uid',
  hostAliases: 'ip',
  topologySpreadConstraints: 'topologyKey',
  addresses: 'type',
};

/** isObject tells a JSON object from arrays and scalars. */
export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function clone<T>(v: T): T {
  return v === undefined ? v : (JSON.parse(JSON.stringify(v)) as T);
}

/** PatchError is a patch that cannot be applied (bad path, failed test, wrong shape). */
export class PatchError extends Error {}

function mergeList(field: string, target: Json[], patch: Json[]): Json[] {
  const key = MERGE_KEYS[field];
  if (!key) return clone(patch).filter((p) => !(isObject(p) && p['$patch'] !== undefined));
  const out = clone(target);
  for (const item of patch) {
    if (!isObject(item)) {
      out.push(clone(item));
      continue;
    }
    const at = out.findIndex((t) => isObject(t) && t[key] === item[key]);
    if (item['$patch'] === 'delete') {
      if (at >= 0) out.splice(at, 1);
    } else if (at >= 0) {
      out[at] = strategicMerge(out[at] ?? null, item);
    } else {
      out.push(strategicMerge(null, item));
    }
  }
  return out;
}

/** strategicMerge applies a strategic merge patch: null deletes, maps merge, keyed lists merge. */
export function strategicMerge(target: Json, patch: Json): Json {
  if (!isObject(patch)) return clone(patch);
  if (patch['$patch'] === 'replace') {
    const rest = { ...patch };
    delete rest['$patch'];
    return clone(rest);
  }
  const out: JsonObject = isObject(target) ? clone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (k.startsWith('$')) continue;
    if (v === null) delete out[k];
    else if (Array.isArray(v)) out[k] = mergeList(k, Array.isArray(out[k]) ? (out[k] as Json[]) : [], v);
    else if (isObject(v)) out[k] = strategicMerge(out[k] ?? null, v);
    else out[k] = v;
  }
  return out;
}

/** mergePatch applies an RFC 7386 JSON merge patch (`--type merge`): lists are replaced. */
export function mergePatch(target: Json, patch: Json): Json {
  if (!isObject(patch)) return clone(patch);
  const out: JsonObject = isObject(target) ? clone(target) : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k] ?? null, v);
  }
  return out;
}

function pointer(path: string): string[] {
  if (path === '') return [];
  if (!path.startsWith('/')) throw new PatchError(`invalid JSON pointer: "${path}"`);
  return path
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
}

function resolveParent(
  doc: Json,
  parts: string[],
  op: string,
  path: string,
): { parent: JsonObject | Json[]; last: string } {
  let cur: Json = doc;
  for (const p of parts.slice(0, -1)) {
    const next: Json | undefined = Array.isArray(cur) ? cur[Number(p)] : isObject(cur) ? cur[p] : undefined;
    if (next === undefined)
      throw new PatchError(`${op} operation does not apply: doc is missing path: "${path}"`);
    cur = next;
  }
  if (!Array.isArray(cur) && !isObject(cur))
    throw new PatchError(`${op} operation does not apply: doc is missing path: "${path}"`);
  return { parent: cur, last: parts[parts.length - 1] ?? '' };
}

function getAt(doc: Json, path: string, op: string): Json {
  let cur: Json = doc;
  for (const p of pointer(path)) {
    const next: Json | undefined = Array.isArray(cur) ? cur[Number(p)] : isObject(cur) ? cur[p] : undefined;
    if (next === undefined)
      throw new PatchError(`${op} operation does not apply: doc is missing path: "${path}"`);
    cur = next;
  }
  return cur;
}

function remove(doc: Json, path: string, op: string): Json {
  const { parent, last } = resolveParent(doc, pointer(path), op, path);
  if (Array.isArray(parent)) {
    const i = Number(last);
    if (!(i >= 0 && i < parent.length))
      throw new PatchError(`${op} operation does not apply: doc is missing path: "${path}"`);
    return parent.splice(i, 1)[0] ?? null;
  }
  if (!(last in parent))
    throw new PatchError(`${op} operation does not apply: doc is missing path: "${path}"`);
  const v = parent[last] ?? null;
  delete parent[last];
  return v;
}

function add(doc: Json, path: string, value: Json, replace: boolean): Json {
  const parts = pointer(path);
  if (parts.length === 0) return value;
  const op = replace ? 'replace' : 'add';
  const { parent, last } = resolveParent(doc, parts, op, path);
  if (Array.isArray(parent)) {
    const i = last === '-' ? parent.length : Number(last);
    if (!(i >= 0 && i <= parent.length) || (replace && i >= parent.length)) {
      throw new PatchError(`${op} operation does not apply: doc is missing path: "${path}"`);
    }
    parent.splice(i, replace ? 1 : 0, value);
  } else {
    if (replace && !(last in parent))
      throw new PatchError(`replace operation does not apply: doc is missing key: ${path}`);
    parent[last] = value;
  }
  return doc;
}

/** jsonPatch applies an RFC 6902 JSON patch (`--type json`). Throws PatchError. */
export function jsonPatch(target: Json, ops: Json): Json {
  if (!Array.isArray(ops))
    throw new PatchError('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  let doc = clone(target);
  for (const raw of ops) {
    if (!isObject(raw))
      throw new PatchError('json: cannot unmarshal into Go value of type jsonpatch.Operation');
    const op = String(raw['op'] ?? '');
    const path = String(raw['path'] ?? '');
    switch (op) {
      case 'add':
      case 'replace':
        doc = add(doc, path, clone(raw['value'] ?? null), op === 'replace');
        break;
      case 'remove':
        remove(doc, path, op);
        break;
      case 'move':
      case 'copy': {
        const from = String(raw['from'] ?? '');
        const v = op === 'move' ? remove(doc, from, op) : clone(getAt(doc, from, op));
        doc = add(doc, path, v, false);
        break;
      }
      case 'test':
        if (JSON.stringify(getAt(doc, path, op)) !== JSON.stringify(raw['value'] ?? null)) {
          throw new PatchError(`testing value ${path} failed: test failed`);
        }
        break;
      default:
        throw new PatchError(`Unexpected kind: ${op}`);
    }
  }
  return doc;
}

function keyedDeletions(field: string, original: Json[], modified: Json[]): Json[] {
  const key = MERGE_KEYS[field];
  if (!key) return [];
  const kept = new Set(modified.filter(isObject).map((m) => JSON.stringify(m[key] ?? null)));
  return original
    .filter(isObject)
    .filter((o) => !kept.has(JSON.stringify(o[key] ?? null)))
    .map((o) => ({ [key]: o[key] ?? null, $patch: 'delete' }));
}

/**
 * applyPatch is the patch `kubectl apply` sends (CreateThreeWayMergePatch, simplified): the new
 * manifest, plus deletions of whatever the last applied manifest had and the new one dropped.
 * Fields other writers set (and the manifest never mentioned) survive.
 */
export function applyPatch(lastApplied: Json, modified: Json): Json {
  if (!isObject(modified)) return clone(modified);
  const patch: JsonObject = {};
  const original = isObject(lastApplied) ? lastApplied : {};
  for (const [k, v] of Object.entries(modified)) {
    const before = original[k];
    if (isObject(v)) patch[k] = applyPatch(before ?? null, v);
    else if (Array.isArray(v)) {
      const withDeletes = Array.isArray(before) ? keyedDeletions(k, before, v) : [];
      const items = MERGE_KEYS[k]
        ? v.map((item) => (isObject(item) ? applyPatch(findByKey(k, before, item) ?? null, item) : item))
        : clone(v);
      patch[k] = [...items, ...withDeletes];
    } else patch[k] = v;
  }
  for (const k of Object.keys(original)) if (!(k in modified)) patch[k] = null;
  return patch;
}

function findByKey(field: string, list: Json | undefined, item: JsonObject): Json | undefined {
  const key = MERGE_KEYS[field];
  if (!key || !Array.isArray(list)) return undefined;
  return list.find((o) => isObject(o) && o[key] === item[key]);
}
