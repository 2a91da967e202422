// kubectl describe pod (describe.go describePod).
import type { Pod } from '../../engine/api/types';
import type { Simulation } from '../../engine/simulation';
import { ageOf, rfc1123z } from '../printers/age';
import { describeContainers, describeVolumes } from './containers';
import {
  describeEvents,
  eventsFor,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTolerationsMultiline,
} from './common';
import { qosClass } from './resources';
import { PrefixWriter } from './writer';

/** describePod prints a pod as `kubectl describe pod` does. */
export function describePod(sim: Simulation, pod: Pod): string {
  const now = sim.clock.now();
  const w = new PrefixWriter();
  const { metadata: m, spec, status } = pod;
  w.write(0, `Name:\t${m.name}\n`);
  w.write(0, `Namespace:\t${m.namespace ?? 'default'}\n`);
  if (spec.priority !== undefined) w.write(0, `Priority:\t${spec.priority}\n`);
  if (spec.priorityClassName) w.write(0, `Priority Class Name:\t${spec.priorityClassName}\n`);
  if (spec.serviceAccountName) w.write(0, `Service Account:\t${spec.serviceAccountName}\n`);
  w.write(0, spec.nodeName ? `Node:\t${spec.nodeName}/${status?.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (status?.startTime) w.write(0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
  printLabelsMultiline(w, 'Labels', m.labels);
  printAnnotationsMultiline(w, 'Annotations', m.annotations);
  const phase = status?.phase ?? 'Pending';
  if (m.deletionTimestamp && phase !== 'Failed' && phase !== 'Succeeded') {
    w.write(0, `Status:\tTerminating (lasts ${ageOf(m.deletionTimestamp, now)})\n`);
    w.write(0, `Termination Grace Period:\t${m.deletionGracePeriodSeconds ?? 0}s\n`);
  } else {
    w.write(0, `Status:\t${phase}\n`);
  }
  if (status?.reason) w.write(0, `Reason:\t${status.reason}\n`);
  if (status?.message) w.write(0, `Message:\t${status.message}\n`);
  w.write(0, `IP:\t${status?.podIP ?? ''}\n`);
  if (status?.podIP) w.write(0, `IPs:\n  IP:\t${status.podIP}\n`);
  else w.write(0, 'IPs:\t<none>\n');
  const controller = m.ownerReferences?.find((r) => r.controller);
  if (controller) w.write(0, `Controlled By:\t${controller.kind}/${controller.name}\n`);
  if (status?.nominatedNodeName) w.write(0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
  if (spec.initContainers?.length)
    describeContainers(w, 'Init Containers', spec.initContainers, undefined, '');
  describeContainers(w, 'Containers', spec.containers, status?.containerStatuses, '');
  if (status?.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of status.conditions) w.write(1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, spec.volumes, '');
  w.write(0, `QoS Class:\t${qosClass(pod)}\n`);
  printLabelsMultiline(w, 'Node-Selectors', spec.nodeSelector);
  printTolerationsMultiline(w, 'Tolerations', spec.tolerations);
  describeEvents(w, eventsFor(sim, pod), now);
  return w.text();
}
