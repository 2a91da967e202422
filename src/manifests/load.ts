// YAML stream → API objects, as `kubectl apply -f -` followed by the API server would take it:
// split the stream, flatten lists, map apiVersion/kind, decode with the Go types, default,
// validate, and place every problem on its line. Guards keep hostile input (alias bombs, deep
// nesting, huge pastes) from hanging or crashing the page.
import { LineCounter, isAlias, parseAllDocuments } from 'yaml';
import type { KubeObject } from '../engine/api/types';
import { CLUSTER_SCOPED_KINDS } from '../engine/api/types';
import { applyDefaults } from '../engine/apiserver/defaults';
import { validateObject } from '../engine/validation';
import { withGeneratedSelector } from '../engine/apiserver/jobStrategy';
import { decodeObject } from './decode';
import { isListKind, listItems } from './listUnwrap';
import { duplicateKeys, flowNestingTooDeep, positionOfOffset } from './guards';
import type { DuplicateKey } from './guards';
import { collectPositions, locate, parsePath } from './positions';
import type { PathSegment, PositionMaps } from './positions';
import { SCHEMAS } from './schema';
import type { FieldValidation } from './strict';
import {
  STRICT_DECODING_PREFIX,
  duplicateFieldMessage,
  fieldPath,
  unknownFieldMessage,
  unknownFields,
} from './strict';
import type { LoadedObject, ManifestError, Position, RawScenarioDoc } from './types';

/**
 * MAX_YAML_CHARS bounds a YAML paste: the YAML parser reads about 1.5 MB a second, so 512 KiB
 * (about 60 nodes as `kubectl get nodes -o yaml` prints them) still loads in a third of a second.
 */
export const MAX_YAML_CHARS = 512 << 10;
/** MAX_JSON_CHARS bounds a JSON paste (`kubectl get nodes -o json`), which JSON.parse reads fast. */
export const MAX_JSON_CHARS = 8 << 20;
// Flow collections nested deeper than this are refused before parsing: the YAML library
// exhausts memory on tens of thousands of `[`, and no manifest needs more than a dozen.
const MAX_FLOW_DEPTH = 128;
// Beyond this many alias expansions a document is treated as a "billion laughs" attack.
const MAX_ALIAS_COUNT = 100;
const MAX_LIST_DEPTH = 4;
const TIMESTAMP_TAG = 'tag:yaml.org,2002:timestamp';

/** KIND_VERSIONS are the kinds the playground simulates, with the apiVersion each is served at. */
export const KIND_VERSIONS: Readonly<Record<string, string>> = {
  Node: 'v1',
  Pod: 'v1',
  DaemonSet: 'apps/v1',
  Deployment: 'apps/v1',
  Job: 'batch/v1',
  StatefulSet: 'apps/v1',
  CronJob: 'batch/v1',
  PriorityClass: 'scheduling.k8s.io/v1',
  Namespace: 'v1',
  ConfigMap: 'v1',
};

// Metadata only the server writes: a pasted `kubectl get -o yaml` carries it, a create must not.
const SERVER_FIELDS = [
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'managedFields',
  'selfLink',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
];

/** LoadResult is what loadManifests returns. */
export interface LoadResult {
  objects: LoadedObject[];
  scenario: RawScenarioDoc | null;
  errors: ManifestError[];
  /** warnings are the unknown fields dropped under `fieldValidation: Warn` (kubectl --validate=warn). */
  warnings: ManifestError[];
}

/** LoadOptions choose how unknown fields are treated; kubectl's default, and the editor's, is Strict. */
export interface LoadOptions {
  validation?: FieldValidation;
}

interface DocContext {
  document: number;
  /** duplicates are the keys set twice anywhere in the document, with paths from its root. */
  duplicates: readonly DuplicateKey[];
  locate(segments: readonly PathSegment[], atKey?: boolean): Position;
  positions(segments: readonly PathSegment[]): PositionMaps;
}

interface Sink extends LoadResult {
  scenarioDocument: number;
  validation: FieldValidation;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function report(
  sink: Sink,
  ctx: DocContext,
  segments: readonly PathSegment[],
  path: string,
  message: string,
): void {
  sink.errors.push({ document: ctx.document, ...ctx.locate(segments), path, message });
}

// What kubectl and the API server take away or fill in before validation: the context's
// namespace for namespaced kinds, server-written metadata, and (PrepareForCreate) workload status.
function normalize(obj: Record<string, unknown>, kind: string): Record<string, unknown> {
  const meta = (isPlainObject(obj.metadata) ? obj.metadata : {}) as Record<string, unknown>;
  for (const f of SERVER_FIELDS) delete meta[f];
  if (!CLUSTER_SCOPED_KINDS.has(kind) && !meta.namespace) meta.namespace = 'default';
  if (['DaemonSet', 'Deployment', 'Job', 'StatefulSet', 'CronJob'].includes(kind)) delete obj.status;
  return { ...obj, metadata: meta };
}

// The duplicates inside the object at `prefix`, with paths relative to the object.
function duplicatesUnder(ctx: DocContext, prefix: readonly PathSegment[]): DuplicateKey[] {
  return ctx.duplicates
    .filter((d) => d.segments.length > prefix.length && prefix.every((seg, i) => d.segments[i] === seg))
    .map((d) => ({ ...d, segments: d.segments.slice(prefix.length) }));
}

function loadObject(
  value: Record<string, unknown>,
  kind: string,
  ctx: DocContext,
  prefix: PathSegment[],
  sink: Sink,
): void {
  const schema = SCHEMAS[kind];
  if (!schema) return;
  const known = unknownFields(value, kind);
  const decoded = decodeObject(known.object, schema);
  for (const e of decoded.errors) report(sink, ctx, [...prefix, ...parsePath(e.path)], e.path, e.message);
  if (decoded.errors.length > 0) return;
  // A type error is fatal before strictness is looked at, as in UnmarshalStrict; then each unknown
  // or duplicate field is an error (Strict), a warning (Warn) or passed over in silence (Ignore):
  // the unknown ones are dropped, of duplicates the last value is kept.
  const strict: ManifestError[] = [
    ...known.unknown.map((u) => ({
      document: ctx.document,
      ...ctx.locate([...prefix, ...u.segments], true),
      path: u.path,
      message: unknownFieldMessage(u.path),
    })),
    ...duplicatesUnder(ctx, prefix).map((d) => {
      const path = fieldPath(d.segments);
      return {
        document: ctx.document,
        line: d.line,
        column: d.column,
        path,
        message: duplicateFieldMessage(path),
      };
    }),
  ].sort((a, b) => a.line - b.line || a.column - b.column);
  if (sink.validation === 'Strict' && strict.length > 0) {
    for (const e of strict) sink.errors.push({ ...e, message: STRICT_DECODING_PREFIX + e.message });
    return;
  }
  if (sink.validation === 'Warn') sink.warnings.push(...strict);
  const object = applyDefaults(normalize(decoded.object, kind) as unknown as KubeObject);
  const fieldErrors = validateObject(object.kind === 'Job' ? withGeneratedSelector(object) : object);
  for (const e of fieldErrors)
    report(sink, ctx, [...prefix, ...parsePath(e.locator ?? e.path)], e.path, e.message);
  if (fieldErrors.length === 0)
    sink.objects.push({ object, document: ctx.document, line: ctx.locate(prefix).line });
}

function loadValue(value: unknown, ctx: DocContext, prefix: PathSegment[], sink: Sink, depth: number): void {
  if (!isPlainObject(value)) {
    report(sink, ctx, prefix, '', 'a manifest must be a YAML mapping with apiVersion and kind');
    return;
  }
  const { apiVersion, kind } = value;
  const missing = [apiVersion ? '' : 'apiVersion not set', kind ? '' : 'kind not set'].filter(Boolean);
  if (missing.length > 0) {
    report(
      sink,
      ctx,
      prefix,
      '',
      `error validating data: ${missing.length > 1 ? `[${missing.join(', ')}]` : missing[0]}`,
    );
    return;
  }
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') {
    report(
      sink,
      ctx,
      [...prefix, typeof kind !== 'string' ? 'kind' : 'apiVersion'],
      '',
      'apiVersion and kind must be strings',
    );
    return;
  }
  if (isListKind(apiVersion, kind)) {
    if (depth >= MAX_LIST_DEPTH) return report(sink, ctx, prefix, '', 'lists nested too deeply');
    const list = listItems(value);
    if ('error' in list) return report(sink, ctx, [...prefix, 'items'], 'items', list.error);
    for (const item of list.items)
      loadValue(item.value, ctx, [...prefix, 'items', item.index], sink, depth + 1);
    return;
  }
  if (apiVersion === 'playground/v1' && kind === 'Scenario') {
    if (sink.scenario) {
      const msg = `at most one playground/v1 Scenario is allowed; the first is in document ${sink.scenarioDocument}`;
      return report(sink, ctx, [...prefix, 'kind'], '', msg);
    }
    // Our own document: a key set twice is always an error, whatever --validate says.
    const dups = duplicatesUnder(ctx, prefix);
    for (const d of dups) {
      const path = fieldPath(d.segments);
      sink.errors.push({
        document: ctx.document,
        line: d.line,
        column: d.column,
        path,
        message: duplicateFieldMessage(path),
      });
    }
    if (dups.length > 0) return;
    const at = ctx.locate(prefix);
    const { values, keys } = ctx.positions(prefix);
    sink.scenario = {
      document: ctx.document,
      line: at.line,
      object: value,
      positions: values,
      keyPositions: keys,
    };
    sink.scenarioDocument = ctx.document;
    return;
  }
  if (KIND_VERSIONS[kind] !== apiVersion) {
    return report(
      sink,
      ctx,
      [...prefix, 'kind'],
      '',
      `no matches for kind "${kind}" in version "${apiVersion}"`,
    );
  }
  loadObject(value, kind, ctx, prefix, sink);
}

function loadJson(text: string, sink: Sink): void {
  const start = { line: 1, column: 1 };
  const ctx: DocContext = {
    document: 1,
    duplicates: [],
    locate: () => start,
    positions: () => ({ values: {}, keys: {} }),
  };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    sink.errors.push({
      document: 1,
      ...start,
      path: '',
      message: e instanceof Error ? e.message : String(e),
    });
    return;
  }
  loadValue(value, ctx, [], sink, 0);
}

function loadYaml(text: string, sink: Sink): void {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, {
    lineCounter,
    // Kubernetes reads YAML with go-yaml v2, which follows YAML 1.1: `yes`/`on` are booleans.
    // Timestamps stay strings, as they reach the API server as JSON strings.
    schema: 'yaml-1.1',
    customTags: (tags) =>
      tags.filter((t) => t !== 'timestamp' && (typeof t === 'string' || t.tag !== TIMESTAMP_TAG)),
    uniqueKeys: false,
  });
  const list = Array.isArray(docs) ? docs : [];
  list.forEach((doc, i) => {
    const document = i + 1;
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        const at = e.linePos?.[0] ?? { line: 1, col: 1 };
        const message = (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '');
        sink.errors.push({ document, line: at.line, column: at.col, path: '', message });
      }
      return;
    }
    const ctx: DocContext = {
      document,
      duplicates: duplicateKeys(doc, lineCounter),
      locate: (segments, atKey) => locate(doc, lineCounter, doc.contents, segments, atKey),
      positions: (segments) => {
        const node = segments.length === 0 ? doc.contents : doc.getIn(segments, true);
        return collectPositions(doc, lineCounter, isAlias(node) ? node.resolve(doc) : node);
      },
    };
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return void sink.errors.push({ document, ...ctx.locate([]), path: '', message });
    }
    if (value === null || value === undefined) return; // an empty document (only `---` or comments)
    loadValue(value, ctx, [], sink, 0);
  });
}

function looksLikeJson(text: string): boolean {
  return /^\s*\{/.test(text);
}

function loadUnsafe(text: string, sink: Sink): void {
  if (text.length > MAX_YAML_CHARS && !(looksLikeJson(text) && text.length <= MAX_JSON_CHARS)) {
    const mb = (text.length / (1 << 20)).toFixed(1);
    const message =
      `the manifest is ${mb} MiB; the playground reads at most 512 KiB of YAML or 8 MiB of JSON ` +
      '(for a big cluster, paste `kubectl get nodes -o json`)';
    sink.errors.push({ document: 1, line: 1, column: 1, path: '', message });
    return;
  }
  if (text.length > MAX_YAML_CHARS) return loadJson(text, sink);
  const tooDeep = flowNestingTooDeep(text, MAX_FLOW_DEPTH);
  if (tooDeep >= 0) {
    const message = `flow collections ([ ] or { }) nested more than ${MAX_FLOW_DEPTH} deep`;
    sink.errors.push({ document: 1, ...positionOfOffset(text, tooDeep), path: '', message });
    return;
  }
  loadYaml(text, sink);
}

/**
 * loadManifests reads a multi-document YAML (or JSON) stream: API objects (defaulted and
 * validated), at most one `playground/v1 Scenario` returned raw, and every error with its
 * document, line, column and field path. It never throws.
 */
export function loadManifests(text: string, options: LoadOptions = {}): LoadResult {
  const sink: Sink = {
    objects: [],
    scenario: null,
    errors: [],
    warnings: [],
    scenarioDocument: 0,
    validation: options.validation ?? 'Strict',
  };
  try {
    if (typeof text !== 'string') throw new TypeError('manifest text must be a string');
    loadUnsafe(text, sink);
  } catch (e) {
    const message = `could not read the manifests: ${e instanceof Error ? e.message : String(e)}`;
    sink.errors.push({ document: 1, line: 1, column: 1, path: '', message });
  }
  return { objects: sink.objects, scenario: sink.scenario, errors: sink.errors, warnings: sink.warnings };
}
