// Reading `-f -` for apply and create: the manifest loader gives defaulted, validated objects
// and placed errors; the raw documents give what the user wrote (for last-applied-configuration
// and for naming objects that failed validation). Errors are worded as kubectl words them.
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../../engine/api/types';
import { CLUSTER_SCOPED_KINDS } from '../../engine/api/types';
import type { FieldValidation, ManifestError } from '../../manifests';
import { STRICT_DECODING_PREFIX, loadManifests } from '../../manifests';
import { isObject } from './merge';
import type { Json } from './merge';

/**
 * ManifestItem is one object from the stream, ready to send (with the server's warnings about it,
 * `Warning: unknown field "…"` lines under --validate=warn), or why the server would refuse it.
 */
export type ManifestItem =
  | { ok: true; object: KubeObject; raw: Record<string, Json>; warnings: string }
  | { ok: false; error: string };

/** ManifestRead is the stream's items in order, or one error that stops the command. */
export type ManifestRead = { ok: true; items: ManifestItem[] } | { ok: false; error: string };

const TIMESTAMP_TAG = 'tag:yaml.org,2002:timestamp';

function rawDocuments(text: string): Record<string, Json>[][] {
  const docs = parseAllDocuments(text, {
    schema: 'yaml-1.1',
    customTags: (tags) =>
      tags.filter((t) => t !== 'timestamp' && (typeof t === 'string' || t.tag !== TIMESTAMP_TAG)),
    uniqueKeys: false,
  });
  return (Array.isArray(docs) ? docs : []).map((doc) => {
    let value: unknown;
    try {
      value = doc.errors.length > 0 ? null : doc.toJS({ maxAliasCount: 100 });
    } catch {
      value = null;
    }
    if (!isObject(value)) return [];
    if (value['kind'] === 'List' && Array.isArray(value['items'])) return value['items'].filter(isObject);
    return [value];
  });
}

function nameAndKind(raw: Record<string, Json> | undefined): {
  kind: string;
  name: string;
  namespace: string;
} {
  const meta = raw && isObject(raw['metadata']) ? raw['metadata'] : {};
  return {
    kind: typeof raw?.['kind'] === 'string' ? raw['kind'] : '',
    name: typeof meta['name'] === 'string' ? meta['name'] : '',
    namespace: typeof meta['namespace'] === 'string' ? meta['namespace'] : '',
  };
}

// The API server's wording for several field errors (kubectl's MultilineError).
function invalidText(kind: string, name: string, errors: ManifestError[]): string {
  const messages = [...new Set(errors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)))];
  const prefix = `The ${kind} "${name}" is invalid`;
  return messages.length === 1
    ? `${prefix}: ${messages[0] ?? ''}\n`
    : `${prefix}: \n${messages.map((m) => `* ${m}`).join('\n')}\n`;
}

function documentError(e: ManifestError, raw: Record<string, Json> | undefined, verb: string): string {
  const { name, namespace } = nameAndKind(raw);
  if (e.message.startsWith('no matches for kind')) {
    return `error: resource mapping not found for name: "${name}" namespace: "${namespace}" from "STDIN": ${e.message}\nensure CRDs are installed first\n`;
  }
  if (e.message.startsWith('error validating data')) {
    return `error: error validating "STDIN": ${e.message}; if you choose to ignore these errors, turn validation off with --validate=false\n`;
  }
  return `error: error when ${verb} "STDIN": ${e.message}\n`;
}

// A warning belongs to the loaded object of its document that starts last at or before it.
function isWithin(
  object: { document: number; line: number },
  all: readonly { document: number; line: number }[],
  w: ManifestError,
): boolean {
  return !all.some((o) => o.document === object.document && o.line > object.line && o.line <= w.line);
}

/**
 * readManifest loads stdin for `apply -f -` / `create -f -`. `namespace` is the request namespace
 * and `explicit` says whether `-n` was given (a manifest naming another namespace is then refused);
 * `command` words the errors; `validation` is the --validate directive the request carries.
 */
export function readManifest(
  stdin: string | undefined,
  namespace: string,
  explicit: boolean,
  command: 'apply' | 'create' | 'delete',
  // delete reads the file only for names: no request body reaches the server to be validated.
  validation: FieldValidation = command === 'delete' ? 'Ignore' : 'Strict',
): ManifestRead {
  const verb = command === 'delete' ? 'deleting' : 'creating';
  if (!stdin || stdin.trim() === '') return { ok: false, error: `error: no objects passed to ${command}\n` };
  const loaded = loadManifests(stdin, { validation });
  const syntax = loaded.errors.find(
    (e) => e.path === '' && !e.message.startsWith('no matches') && !e.message.startsWith('error validating'),
  );
  if (syntax && loaded.objects.length === 0 && loaded.errors.every((e) => e.path === '')) {
    return { ok: false, error: `error: error parsing STDIN: line ${syntax.line}: ${syntax.message}\n` };
  }
  const raws = rawDocuments(stdin);
  const entries: { document: number; line: number; item: ManifestItem }[] = [];
  const used = new Set<Record<string, Json>>();
  for (const lo of loaded.objects) {
    const candidates = raws[lo.document - 1] ?? [];
    const raw = candidates.find(
      (r) =>
        !used.has(r) &&
        nameAndKind(r).kind === lo.object.kind &&
        nameAndKind(r).name === lo.object.metadata.name,
    );
    if (raw) used.add(raw);
    const object = JSON.parse(JSON.stringify(lo.object)) as KubeObject;
    const rawCopy = JSON.parse(JSON.stringify(raw ?? {})) as Record<string, Json>;
    if (!CLUSTER_SCOPED_KINDS.has(object.kind)) {
      const written = nameAndKind(raw).namespace;
      if (explicit && written && written !== namespace) {
        return {
          ok: false,
          error: `error: the namespace from the provided object "${written}" does not match the namespace "${namespace}". You must pass '--namespace=${written}' to perform this operation.\n`,
        };
      }
      object.metadata.namespace = written || namespace;
      const meta = isObject(rawCopy['metadata']) ? rawCopy['metadata'] : {};
      meta['namespace'] = object.metadata.namespace;
      rawCopy['metadata'] = meta;
    }
    // The server sends one warning per dropped field, kubectl prints each as `Warning: …`.
    const warnings = loaded.warnings
      .filter((w) => w.document === lo.document && w.line >= lo.line && isWithin(lo, loaded.objects, w))
      .map((w) => `Warning: ${w.message}\n`)
      .join('');
    entries.push({
      document: lo.document,
      line: lo.line,
      item: { ok: true, object, raw: rawCopy, warnings },
    });
  }
  const byDocument = new Map<number, ManifestError[]>();
  for (const e of loaded.errors) byDocument.set(e.document, [...(byDocument.get(e.document) ?? []), e]);
  for (const [document, errors] of byDocument) {
    const raw = (raws[document - 1] ?? []).find((r) => !used.has(r));
    const line = errors[0]?.line ?? 0;
    const fieldErrors = errors.filter((e) => e.path !== '');
    const decode = fieldErrors.find((e) => e.message.startsWith('json: '));
    const strict = fieldErrors.filter((e) => e.message.startsWith(STRICT_DECODING_PREFIX));
    const { kind, name } = nameAndKind(raw);
    const cannotHandle = `Error from server (BadRequest): error when ${verb} "STDIN": ${kind} in version "${String(raw?.['apiVersion'] ?? '')}" cannot be handled as a ${kind}: `;
    let error: string;
    if (fieldErrors.length === 0) error = documentError(errors[0] as ManifestError, raw, verb);
    else if (decode) error = `${cannotHandle}${decode.message}\n`;
    else if (strict.length > 0) {
      // runtime.strictDecodingError joins every strict error of the object with ", ".
      const each = strict.map((e) => e.message.slice(STRICT_DECODING_PREFIX.length));
      error = `${cannotHandle}${STRICT_DECODING_PREFIX}${each.join(', ')}\n`;
    } else error = invalidText(kind, name, fieldErrors);
    entries.push({ document, line, item: { ok: false, error } });
  }
  entries.sort((a, b) => a.document - b.document || a.line - b.line);
  return { ok: true, items: entries.map((e) => e.item) };
}
