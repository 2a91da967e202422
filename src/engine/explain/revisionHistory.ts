// A DaemonSet's rollout history in words: its ControllerRevisions, newest first, each with the
// change that made it ("image fluent/fluentd:v1.14-1 → v1.15", "added toleration …"), found by
// diffing its pod template against the revision before it. `kubectl rollout history` shows only
// the kubernetes.io/change-cause annotation; the diff is what people actually want to know.
import type { ControllerRevision, DaemonSet, PodTemplateSpec, Toleration } from '../api/types';
import { LABEL_CONTROLLER_REVISION_HASH } from '../api/wellKnown';
import { parseTimestamp } from '../clock/clock';
import { stableStringify } from '../controllers/daemonset/history';

export const CHANGE_CAUSE_ANNOTATION = 'kubernetes.io/change-cause';
// What `kubectl rollout restart` writes into the pod template (polymorphichelpers/objectrestarter.go).
export const RESTARTED_AT_ANNOTATION = 'kubectl.kubernetes.io/restartedAt';

export interface RevisionEntry {
  revision: number;
  name: string;
  hash: string;
  images: string[];
  /** The change-cause annotation, when someone set it. */
  changeCause?: string;
  /** What differs from the revision listed before it, one phrase each; `first revision` for the oldest. */
  changes: string[];
  /** The revision the DaemonSet's template is at now (the highest number). */
  current: boolean;
  /** An old template brought back by `rollout undo`: upstream moves it to the newest number. */
  reused: boolean;
}

function ownedBy(rev: ControllerRevision, ds: DaemonSet): boolean {
  const owner = rev.metadata.ownerReferences?.find((r) => r.controller) ?? rev.metadata.ownerReferences?.[0];
  if (!owner || owner.kind !== 'DaemonSet') return false;
  if (rev.metadata.namespace !== ds.metadata.namespace) return false;
  return ds.metadata.uid ? owner.uid === ds.metadata.uid : owner.name === ds.metadata.name;
}

function tolerationText(t: Toleration): string {
  const parts = [`key: ${t.key ?? '<any>'}`, `operator: ${t.operator ?? 'Equal'}`];
  if (t.value) parts.push(`value: ${t.value}`);
  parts.push(`effect: ${t.effect ?? '<any>'}`);
  if (t.tolerationSeconds !== undefined) parts.push(`tolerationSeconds: ${t.tolerationSeconds}`);
  return `{${parts.join(', ')}}`;
}

// `repo:old → new` when only the tag moved, as people say it; the whole reference otherwise.
function imageChange(from: string, to: string): string {
  const at = (ref: string) => (ref.lastIndexOf(':') > ref.lastIndexOf('/') ? ref.lastIndexOf(':') : -1);
  const a = at(from);
  const b = at(to);
  if (a > 0 && b > 0 && from.slice(0, a) === to.slice(0, b)) return `image ${from} → ${to.slice(b + 1)}`;
  return `image ${from} → ${to}`;
}

function mapChanges(
  what: string,
  from: Record<string, string> = {},
  to: Record<string, string> = {},
): string[] {
  const out: string[] = [];
  for (const [k, v] of Object.entries(to)) {
    if (!(k in from)) out.push(`added ${what} ${k}=${v}`);
    else if (from[k] !== v) out.push(`${what} ${k}: ${from[k]} → ${v}`);
  }
  for (const k of Object.keys(from)) if (!(k in to)) out.push(`removed ${what} ${k}`);
  return out;
}

function annotationChanges(from: Record<string, string> = {}, to: Record<string, string> = {}): string[] {
  const restarted = to[RESTARTED_AT_ANNOTATION];
  const out: string[] = [];
  if (restarted && restarted !== from[RESTARTED_AT_ANNOTATION])
    out.push(`restarted (kubectl rollout restart at ${restarted})`);
  if (!restarted && from[RESTARTED_AT_ANNOTATION])
    out.push(`removed the restart marker ${RESTARTED_AT_ANNOTATION}`);
  const rest = (m: Record<string, string>) =>
    Object.fromEntries(Object.entries(m).filter(([k]) => k !== RESTARTED_AT_ANNOTATION));
  return [...out, ...mapChanges('annotation', rest(from), rest(to))];
}

function json(v: unknown): string {
  return stableStringify(v ?? null);
}

function containerChanges(from: PodTemplateSpec, to: PodTemplateSpec): string[] {
  const out: string[] = [];
  const before = new Map(from.spec.containers.map((c) => [c.name, c]));
  const several = to.spec.containers.length > 1;
  for (const c of to.spec.containers) {
    const old = before.get(c.name);
    const prefix = several ? `container ${c.name}: ` : '';
    if (!old) {
      out.push(`added container ${c.name} (${c.image})`);
      continue;
    }
    if (old.image !== c.image) out.push(prefix + imageChange(old.image, c.image));
    for (const kind of ['requests', 'limits'] as const) {
      const a = old.resources?.[kind] ?? {};
      const b = c.resources?.[kind] ?? {};
      for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
        if (a[name] === b[name]) continue;
        out.push(`${prefix}${name} ${kind.slice(0, -1)} ${a[name] ?? 'none'} → ${b[name] ?? 'none'}`);
      }
    }
    const rest = (x: typeof c) => ({ ...x, image: '', resources: undefined });
    if (json(rest(old)) !== json(rest(c))) {
      const fields = Object.keys({ ...old, ...c }).filter(
        (k) =>
          k !== 'image' &&
          k !== 'resources' &&
          json(old[k as keyof typeof old]) !== json(c[k as keyof typeof c]),
      );
      out.push(`${prefix}changed ${fields.join(', ')}`);
    }
  }
  const names = new Set(to.spec.containers.map((c) => c.name));
  for (const c of from.spec.containers) if (!names.has(c.name)) out.push(`removed container ${c.name}`);
  return out;
}

function tolerationChanges(from: Toleration[] = [], to: Toleration[] = []): string[] {
  const a = new Set(from.map(json));
  const b = new Set(to.map(json));
  return [
    ...to.filter((t) => !a.has(json(t))).map((t) => `added toleration ${tolerationText(t)}`),
    ...from.filter((t) => !b.has(json(t))).map((t) => `removed toleration ${tolerationText(t)}`),
  ];
}

/** describeTemplateChange lists what changed from one pod template to the next, in words. */
export function describeTemplateChange(from: PodTemplateSpec, to: PodTemplateSpec): string[] {
  const out = [
    ...containerChanges(from, to),
    ...tolerationChanges(from.spec.tolerations, to.spec.tolerations),
    ...mapChanges('nodeSelector', from.spec.nodeSelector, to.spec.nodeSelector),
    ...annotationChanges(from.metadata?.annotations, to.metadata?.annotations),
    ...mapChanges('label', from.metadata?.labels, to.metadata?.labels),
  ];
  const handled = new Set(['containers', 'tolerations', 'nodeSelector']);
  const keys = new Set([...Object.keys(from.spec), ...Object.keys(to.spec)]);
  const other = [...keys].filter(
    (k) =>
      !handled.has(k) &&
      json(from.spec[k as keyof typeof from.spec]) !== json(to.spec[k as keyof typeof to.spec]),
  );
  if (other.length > 0) out.push(`changed ${other.sort().join(', ')}`);
  return out.length > 0 ? out : ['no change to the pod template'];
}

function hashOf(rev: ControllerRevision, ds: DaemonSet): string {
  return (
    rev.metadata.labels?.[LABEL_CONTROLLER_REVISION_HASH] ??
    rev.metadata.name.slice(ds.metadata.name.length + 1)
  );
}

/**
 * rolloutHistory lists the DaemonSet's revisions, newest first. Each revision's change is its
 * template against the revision numbered just below it that still exists; a revision older than
 * the one below it (by creation time) was brought back by a rollback.
 */
export function rolloutHistory(ds: DaemonSet, revisions: readonly ControllerRevision[]): RevisionEntry[] {
  const mine = revisions.filter((r) => ownedBy(r, ds)).sort((a, b) => a.revision - b.revision);
  const latest = mine.at(-1)?.revision;
  const entries = mine.map((rev, i): RevisionEntry => {
    const prev = mine[i - 1];
    const template = rev.data.spec.template;
    const cause = rev.metadata.annotations?.[CHANGE_CAUSE_ANNOTATION];
    const reused =
      prev !== undefined &&
      parseTimestamp(rev.metadata.creationTimestamp) < parseTimestamp(prev.metadata.creationTimestamp);
    return {
      revision: rev.revision,
      name: rev.metadata.name,
      hash: hashOf(rev, ds),
      images: template.spec.containers.map((c) => c.image),
      ...(cause ? { changeCause: cause } : {}),
      changes: prev ? describeTemplateChange(prev.data.spec.template, template) : ['first revision'],
      current: rev.revision === latest,
      reused,
    };
  });
  return entries.reverse();
}
