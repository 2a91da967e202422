// API objects → YAML that a real `kubectl apply -f` accepts: server-written metadata and status
// removed, controller-owned objects left out (their controller recreates them), and the
// playground's own annotations kept only on request.
import { Document, parse, visit } from 'yaml';
import type { KubeObject } from '../engine/api/types';

/** ExportOptions says whether playground-only data (annotations, node capacity) is kept. */
export interface ExportOptions {
  /** Keep `playground/*` annotations and Node capacity/allocatable, for a round trip into the playground. */
  playgroundFields: boolean;
}

const DROPPED_METADATA = [
  'uid',
  'resourceVersion',
  'creationTimestamp',
  'generation',
  'managedFields',
  'selfLink',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'ownerReferences',
];
// Written by kubectl apply itself; a re-apply computes it again.
const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
// Applying dependencies first lets a real cluster accept the stream in one pass.
const KIND_ORDER = [
  'Namespace',
  'PriorityClass',
  'ConfigMap',
  'Node',
  'Deployment',
  'DaemonSet',
  'StatefulSet',
  'Job',
  'CronJob',
  'Pod',
];

type Loose = Record<string, unknown>;

function stripAnnotations(annotations: Loose | undefined, playgroundFields: boolean): Loose | undefined {
  if (!annotations) return undefined;
  const kept = Object.fromEntries(
    Object.entries(annotations).filter(
      ([k]) => k !== LAST_APPLIED && (playgroundFields || !k.startsWith('playground/')),
    ),
  );
  return Object.keys(kept).length > 0 ? kept : undefined;
}

function cleanMetadata(meta: Loose, playgroundFields: boolean): void {
  for (const f of DROPPED_METADATA) delete meta[f];
  const annotations = stripAnnotations(meta.annotations as Loose | undefined, playgroundFields);
  if (annotations) meta.annotations = annotations;
  else delete meta.annotations;
}

/** cleanForApply returns a copy of an object without what the server owns (see ExportOptions). */
export function cleanForApply(obj: KubeObject, options: ExportOptions = { playgroundFields: false }): Loose {
  const out = JSON.parse(JSON.stringify(obj)) as Loose;
  if (out.metadata && typeof out.metadata === 'object')
    cleanMetadata(out.metadata as Loose, options.playgroundFields);
  const status = out.status as Loose | undefined;
  delete out.status;
  if (obj.kind === 'Node' && options.playgroundFields && status) {
    const kept: Loose = {};
    if (status.capacity) kept.capacity = status.capacity;
    if (status.allocatable) kept.allocatable = status.allocatable;
    if (Object.keys(kept).length > 0) out.status = kept;
  }
  const template = (out.spec as Loose | undefined)?.template as Loose | undefined;
  if (template?.metadata && typeof template.metadata === 'object') {
    cleanMetadata(template.metadata as Loose, options.playgroundFields);
  }
  return out;
}

/**
 * dumpYaml prints one object as YAML in the style of `kubectl get -o yaml`: two-space indent, no
 * line folding, and strings that YAML 1.1 would read as something else (`yes`, `"4"`) quoted,
 * since kubectl reads YAML as 1.1.
 */
export function dumpYaml(obj: unknown): string {
  const doc = new Document(obj, { schema: 'yaml-1.1' });
  visit(doc, {
    Scalar(_key, node) {
      if (typeof node.value === 'string' && needsSingleQuotes(node.value)) node.type = 'QUOTE_SINGLE';
    },
  });
  return doc.toString({ lineWidth: 0, indent: 2, indentSeq: false });
}

// Text that cannot be written plain (it starts with an indicator such as `*` or `@`, or holds
// `: ` or ` #`). go-yaml, which kubectl prints with, single-quotes such a string (`'*/5 * * * *'`)
// and keeps double quotes for one that would read back as a number, a bool or a timestamp.
const NOT_PLAIN = /^[,[\]{}#&*!|>'"%@`]|^[-?:](\s|$)|: | #|:$|^\s|\s$/;

function needsSingleQuotes(text: string): boolean {
  // Line breaks and other control characters need double quotes or a block, whatever the start.
  if (text === '' || !NOT_PLAIN.test(text) || [...text].some((c) => c < ' ' || c === '\x7f')) return false;
  return !readsAsOtherScalar(text);
}

function readsAsOtherScalar(text: string): boolean {
  try {
    const v: unknown = parse(text, { schema: 'yaml-1.1' });
    return typeof v === 'number' || typeof v === 'boolean' || v === null || v instanceof Date;
  } catch {
    return false;
  }
}

function isControllerOwned(obj: KubeObject): boolean {
  return (obj.metadata?.ownerReferences ?? []).some((r) => r.controller === true);
}

/**
 * exportManifests prints objects as one multi-document stream for `kubectl apply -f`: only the
 * kinds a user creates (no Events, ReplicaSets, ControllerRevisions or controller-owned Pods),
 * PriorityClasses and Nodes first, each cleaned by cleanForApply.
 */
export function exportManifests(objects: readonly KubeObject[], options: ExportOptions): string {
  const rank = (o: KubeObject): number => KIND_ORDER.indexOf(o.kind);
  const chosen = objects.filter((o) => rank(o) >= 0 && !isControllerOwned(o));
  const sorted = chosen
    .map((o, i) => ({ o, i }))
    .sort((a, b) => rank(a.o) - rank(b.o) || a.i - b.i)
    .map(({ o }) => o);
  return sorted.map((o) => dumpYaml(cleanForApply(o, options))).join('---\n');
}
