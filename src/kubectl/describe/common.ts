// The building blocks describe.go shares between kinds: label/annotation/taint/toleration
// blocks, the pod template and the events table.
import type { Event, KubeObject, PodTemplateSpec, Taint, Toleration } from '../../engine/api/types';
import type { Simulation } from '../../engine/simulation';
import { parseTimestamp } from '../../engine/clock/clock';
import { ageOf } from '../printers/age';
import { formatTaint } from '../../engine/predicates/taints';
import { describeContainers, describeVolumes } from './containers';
import type { PrefixWriter } from './writer';

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';
const MAX_ANNOTATION_LEN = 140;

/** printLabelsMultiline prints `Title:\tk=v` then one `\tk=v` line per further key, sorted. */
export function printLabelsMultiline(
  w: PrefixWriter,
  title: string,
  labels: Record<string, string> | undefined,
): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return w.line('<none>');
  keys.forEach((k, i) => w.write(0, `${i === 0 ? '' : '\t'}${k}=${labels?.[k] ?? ''}\n`));
}

/** printAnnotationsMultiline is like labels (`k: v`), hiding last-applied-configuration and folding long values. */
export function printAnnotationsMultiline(
  w: PrefixWriter,
  title: string,
  annotations: Record<string, string> | undefined,
): void {
  w.write(0, `${title}:\t`);
  const keys = Object.keys(annotations ?? {})
    .filter((k) => k !== LAST_APPLIED)
    .sort();
  if (keys.length === 0) return w.line('<none>');
  keys.forEach((k, i) => {
    if (i !== 0) w.write(0, '\t');
    const value = (annotations?.[k] ?? '').replace(/\n$/, '');
    if (value.length + k.length + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(0, `${k}:\n`);
      for (const s of value.split('\n')) {
        const short = s.length > MAX_ANNOTATION_LEN - 2 ? s.slice(0, MAX_ANNOTATION_LEN - 2) + '...' : s;
        w.write(0, `\t  ${short}\n`);
      }
    } else {
      w.write(0, `${k}: ${value}\n`);
    }
  });
}

/** printTaintsMultiline prints taints sorted by effect then key (printTaintsMultilineWithIndent). */
export function printTaintsMultiline(
  w: PrefixWriter,
  title: string,
  taints: readonly Taint[] | undefined,
): void {
  w.write(0, `${title}:\t`);
  const sorted = [...(taints ?? [])].sort((a, b) => {
    const ka = `${a.effect},${a.key}`;
    const kb = `${b.effect},${b.key}`;
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
  if (sorted.length === 0) return w.line('<none>');
  sorted.forEach((t, i) => w.write(0, `${i === 0 ? '' : '\t'}${formatTaint(t)}\n`));
}

/** printTolerationsMultiline prints `key=value:Effect op=Exists for 300s` lines sorted by key. */
export function printTolerationsMultiline(
  w: PrefixWriter,
  title: string,
  tolerations: readonly Toleration[] | undefined,
): void {
  w.write(0, `${title}:\t`);
  const sorted = [...(tolerations ?? [])].sort((a, b) =>
    (a.key ?? '') < (b.key ?? '') ? -1 : (a.key ?? '') > (b.key ?? '') ? 1 : 0,
  );
  if (sorted.length === 0) return w.line('<none>');
  sorted.forEach((t, i) => {
    let s = i === 0 ? '' : '\t';
    s += t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined) s += ` for ${t.tolerationSeconds}s`;
    w.write(0, s + '\n');
  });
}

/** describePodTemplate is DescribePodTemplate. */
export function describePodTemplate(w: PrefixWriter, template: PodTemplateSpec): void {
  w.write(0, 'Pod Template:\n');
  printLabelsMultiline(w, '  Labels', template.metadata?.labels);
  if (Object.keys(template.metadata?.annotations ?? {}).length > 0)
    printAnnotationsMultiline(w, '  Annotations', template.metadata?.annotations);
  if (template.spec.serviceAccountName) w.write(1, `Service Account:\t${template.spec.serviceAccountName}\n`);
  if (template.spec.initContainers?.length)
    describeContainers(w, 'Init Containers', template.spec.initContainers, undefined, '  ');
  describeContainers(w, 'Containers', template.spec.containers, undefined, '  ');
  describeVolumes(w, template.spec.volumes, '  ');
  if (template.spec.priorityClassName)
    w.write(1, `Priority Class Name:\t${template.spec.priorityClassName}\n`);
  printLabelsMultiline(w, '  Node-Selectors', template.spec.nodeSelector);
  printTolerationsMultiline(w, '  Tolerations', template.spec.tolerations);
}

/** eventsFor finds the events about an object (by uid, or by kind and name), oldest last-seen first. */
export function eventsFor(sim: Simulation, obj: KubeObject): Event[] {
  const ns = obj.metadata.namespace ?? 'default';
  const uid = obj.metadata.uid;
  return sim.api
    .list<Event>('Event', ns)
    .filter((e) =>
      uid && e.involvedObject.uid
        ? e.involvedObject.uid === uid
        : e.involvedObject.kind === obj.kind && e.involvedObject.name === obj.metadata.name,
    )
    .sort((a, b) => parseTimestamp(a.lastTimestamp) - parseTimestamp(b.lastTimestamp));
}

/** describeEvents is DescribeEvents: the Type/Reason/Age/From/Message table, or `<none>`. */
export function describeEvents(w: PrefixWriter, events: readonly Event[], now: number): void {
  if (events.length === 0) return w.write(0, 'Events:\t<none>\n');
  w.write(0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(1, '----\t------\t----\t----\t-------\n');
  for (const e of events) {
    const first = ageOf(e.firstTimestamp, now);
    const interval = e.count > 1 ? `${ageOf(e.lastTimestamp, now)} (x${e.count} over ${first})` : first;
    w.write(1, `${e.type}\t${e.reason}\t${interval}\t${e.source?.component ?? ''}\t${e.message.trim()}\n`);
  }
}
