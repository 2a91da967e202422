// API objects → YAML that a real `kubectl apply -f` accepts: server-written metadata and status
// removed, controller-owned objects left out (their controller recreates them), and the
// playground's own annotations kept only on request.
import { stringify } from 'yaml';
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
  'Job',
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
  return stringify(obj, { schema: 'yaml-1.1', lineWidth: 0, indent: 2, indentSeq: false });
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
