// kubectl describe for PriorityClasses, Namespaces and ConfigMaps, and the generic describer kubectl falls
// back to for kinds without their own (describe.go genericDescriber / printUnstructuredContent).
import type { ConfigMap, KubeObject, PriorityClass } from '../../engine/api/types';
import type { Simulation } from '../../engine/simulation';
import { formatLabels } from '../printers/columns';
import type { NamespaceObject } from '../util/resources';
import { describeEvents, eventsFor, printAnnotationsMultiline, printLabelsMultiline } from './common';
import { PrefixWriter } from './writer';

/** describePriorityClass prints a PriorityClass as `kubectl describe pc` does. */
export function describePriorityClass(sim: Simulation, pc: PriorityClass): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${pc.metadata.name}\n`);
  w.write(0, `Value:\t${pc.value}\n`);
  w.write(0, `GlobalDefault:\t${pc.globalDefault ?? false}\n`);
  w.write(0, `PreemptionPolicy:\t${pc.preemptionPolicy ?? 'PreemptLowerPriority'}\n`);
  w.write(0, `Description:\t${pc.description ?? ''}\n`);
  w.write(0, `Annotations:\t${formatLabels(pc.metadata.annotations)}\n`);
  describeEvents(w, eventsFor(sim, pc), sim.clock.now());
  return w.text();
}

/** describeNamespace prints a namespace as `kubectl describe ns` does (no quotas in the playground). */
export function describeNamespace(ns: NamespaceObject): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${ns.metadata.name}\n`);
  printLabelsMultiline(w, 'Labels', ns.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', ns.metadata.annotations);
  w.write(0, `Status:\t${ns.status?.phase ?? 'Active'}\n`);
  w.write(0, '\nNo resource quota.\n\nNo LimitRange resource.\n');
  return w.text();
}

/** describeConfigMap prints a ConfigMap as ConfigMapDescriber does: each key, a rule, its value. */
export function describeConfigMap(sim: Simulation, cm: ConfigMap): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${cm.metadata.name}\n`);
  w.write(0, `Namespace:\t${cm.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', cm.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', cm.metadata.annotations);
  w.write(0, '\nData\n====\n');
  for (const key of Object.keys(cm.data ?? {}).sort()) w.write(0, `${key}:\n----\n${cm.data![key]}\n\n`);
  w.write(0, '\nBinaryData\n====\n');
  for (const key of Object.keys(cm.binaryData ?? {}).sort())
    w.write(0, `${key}: ${Math.floor((cm.binaryData![key]!.length * 3) / 4)} bytes\n`);
  w.write(0, '\n');
  describeEvents(w, eventsFor(sim, cm), sim.clock.now());
  return w.text();
}

const ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);

/** smartLabelFor turns a field name into describe's label: `apiVersion` → `API Version`. */
export function smartLabelFor(field: string): string {
  if (/[^A-Za-z-]/.test(field)) return field;
  const parts = field.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[A-Z]+|-/g) ?? [field];
  return parts
    .map((p) => (ACRONYMS.has(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1)))
    .join(' ');
}

const SKIP = new Set([
  '.metadata.managedFields',
  '.metadata.name',
  '.metadata.namespace',
  '.metadata.labels',
  '.metadata.annotations',
]);

function printContent(
  w: PrefixWriter,
  level: number,
  content: Record<string, unknown>,
  prefix: string,
): void {
  for (const field of Object.keys(content).sort()) {
    const path = `${prefix}.${field}`;
    if (SKIP.has(path)) continue;
    const value = content[field];
    if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        if (child !== null && typeof child === 'object')
          printContent(w, level + 1, child as Record<string, unknown>, path);
        else w.write(level + 1, `${String(child)}\n`);
      }
    } else if (value !== null && typeof value === 'object') {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printContent(w, level + 1, value as Record<string, unknown>, path);
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${String(value)}\n`);
    }
  }
}

/** describeGeneric prints any object the way kubectl's generic describer does. */
export function describeGeneric(sim: Simulation, obj: KubeObject): string {
  const w = new PrefixWriter();
  w.write(0, `Name:\t${obj.metadata.name}\n`);
  w.write(0, `Namespace:\t${obj.metadata.namespace ?? ''}\n`);
  printLabelsMultiline(w, 'Labels', obj.metadata.labels);
  printAnnotationsMultiline(w, 'Annotations', obj.metadata.annotations);
  printContent(w, 0, JSON.parse(JSON.stringify(obj)) as Record<string, unknown>, '');
  if (obj.kind !== 'Event') describeEvents(w, eventsFor(sim, obj), sim.clock.now());
  return w.text();
}
