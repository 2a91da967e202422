// The header lines describe.go writes for every namespaced workload, in the order each
// describer picks: Name and Namespace, Labels and Annotations, and the controlling owner.
import type { KubeObject } from '../../engine/api/types';
import { printAnnotationsMultiline, printLabelsMultiline } from './common';
import type { PrefixWriter } from './writer';

type Meta = KubeObject['metadata'];

/** writeNameNamespace writes `Name:` and `Namespace:` (an object without one is in default). */
export function writeNameNamespace(w: PrefixWriter, meta: Meta): void {
  w.write(0, `Name:\t${meta.name}\n`);
  w.write(0, `Namespace:\t${meta.namespace ?? 'default'}\n`);
}

/** writeLabelsAnnotations writes the `Labels:` and `Annotations:` blocks. */
export function writeLabelsAnnotations(w: PrefixWriter, meta: Meta): void {
  printLabelsMultiline(w, 'Labels', meta.labels);
  printAnnotationsMultiline(w, 'Annotations', meta.annotations);
}

/** writeControlledBy writes `Controlled By: Kind/name` when a controller owns the object. */
export function writeControlledBy(w: PrefixWriter, meta: Meta): void {
  const controller = meta.ownerReferences?.find((r) => r.controller);
  if (controller) w.write(0, `Controlled By:\t${controller.kind}/${controller.name}\n`);
}
