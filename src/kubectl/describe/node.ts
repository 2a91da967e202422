// kubectl describe node (describe.go describeNode and describeNodeResource).
import type { Node, Pod } from '../../engine/api/types';
import { parseQuantity } from '../../engine/api/quantity';
import type { Simulation } from '../../engine/simulation';
import { ageOf, rfc1123z } from '../printers/age';
import { nodeRoles } from '../printers/columns';
import {
  describeEvents,
  eventsFor,
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTaintsMultiline,
} from './common';
import type { AmountMap } from './resources';
import { amountText, percentOf, podRequestsAndLimits } from './resources';
import { PrefixWriter } from './writer';

const STANDARD = new Set(['cpu', 'memory', 'ephemeral-storage']);

function quantity(list: Record<string, string> | undefined, name: string): number {
  const q = parseQuantity(list?.[name] ?? '0');
  return q.ok ? q.value : 0;
}

function resourceList(w: PrefixWriter, list: Record<string, string>): void {
  for (const name of Object.keys(list).sort()) {
    const q = parseQuantity(list[name] ?? '');
    w.write(
      0,
      `  ${name}:\t${q.ok ? amountText({ value: q.value, format: q.format }) : (list[name] ?? '')}\n`,
    );
  }
}

function sum(pods: Pod[]): { requests: AmountMap; limits: AmountMap } {
  const requests: AmountMap = new Map();
  const limits: AmountMap = new Map();
  for (const pod of pods) {
    const own = podRequestsAndLimits(pod);
    for (const [into, from] of [
      [requests, own.requests],
      [limits, own.limits],
    ] as const) {
      for (const [k, v] of from) {
        const prev = into.get(k);
        into.set(k, { value: (prev?.value ?? 0) + v.value, format: prev?.format ?? v.format });
      }
    }
  }
  return { requests, limits };
}

function describeNodeResource(w: PrefixWriter, node: Node, pods: Pod[], now: number): void {
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const alloc =
    Object.keys(node.status.allocatable ?? {}).length > 0
      ? (node.status.allocatable ?? {})
      : (node.status.capacity ?? {});
  const cpu = quantity(alloc, 'cpu');
  const mem = quantity(alloc, 'memory');
  for (const pod of pods) {
    const { requests, limits } = podRequestsAndLimits(pod);
    const cells = [
      [requests.get('cpu'), cpu],
      [limits.get('cpu'), cpu],
      [requests.get('memory'), mem],
      [limits.get('memory'), mem],
    ] as const;
    const shown = cells.map(([a, whole]) => `${amountText(a)} (${percentOf(a?.value ?? 0, whole)}%)`);
    w.write(
      1,
      `${pod.metadata.namespace ?? ''}\t${pod.metadata.name}\t\t${shown.join('\t')}\t${ageOf(pod.metadata.creationTimestamp, now)}\n`,
    );
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  const { requests, limits } = sum(pods);
  for (const name of ['cpu', 'memory', 'ephemeral-storage']) {
    const whole = quantity(alloc, name);
    const r = requests.get(name);
    const l = limits.get(name);
    w.write(
      1,
      `${name}\t${amountText(r)} (${percentOf(r?.value ?? 0, whole)}%)\t${amountText(l)} (${percentOf(l?.value ?? 0, whole)}%)\n`,
    );
  }
  const extended = Object.keys(alloc)
    .filter((k) => !STANDARD.has(k) && k !== 'pods' && !k.startsWith('hugepages-'))
    .sort();
  for (const name of extended)
    w.write(1, `${name}\t${amountText(requests.get(name))}\t${amountText(limits.get(name))}\n`);
}

/** describeNode prints a node as `kubectl describe node` does. */
export function describeNode(sim: Simulation, node: Node): string {
  const now = sim.clock.now();
  const w = new PrefixWriter();
  const { metadata: m, spec, status } = node;
  w.write(0, `Name:\t${m.name}\n`);
  w.write(0, `Roles:\t${nodeRoles(node).join(',') || '<none>'}\n`);
  printLabelsMultiline(w, 'Labels', m.labels);
  printAnnotationsMultiline(w, 'Annotations', m.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(m.creationTimestamp)}\n`);
  printTaintsMultiline(w, 'Taints', spec.taints);
  w.write(0, `Unschedulable:\t${spec.unschedulable ?? false}\n`);
  // The playground has no Lease objects; the kubelet's last heartbeat stands in for the renew time.
  const ready = status.conditions?.find((c) => c.type === 'Ready');
  w.write(0, 'Lease:\n');
  w.write(1, `HolderIdentity:\t${m.name}\n`);
  w.write(1, 'AcquireTime:\t<unset>\n');
  w.write(1, `RenewTime:\t${ready?.lastHeartbeatTime ? rfc1123z(ready.lastHeartbeatTime) : '<unset>'}\n`);
  if (status.conditions?.length) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of status.conditions) {
      w.write(
        1,
        `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime)} \t${rfc1123z(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`,
      );
    }
  }
  w.write(0, 'Addresses:\n');
  for (const a of status.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
  if (Object.keys(status.capacity ?? {}).length > 0) {
    w.write(0, 'Capacity:\n');
    resourceList(w, status.capacity ?? {});
  }
  if (Object.keys(status.allocatable ?? {}).length > 0) {
    w.write(0, 'Allocatable:\n');
    resourceList(w, status.allocatable ?? {});
  }
  const info = status.nodeInfo ?? {};
  w.write(0, 'System Info:\n');
  const fields: [string, string][] = [
    ['Machine ID', 'machineID'],
    ['System UUID', 'systemUUID'],
    ['Boot ID', 'bootID'],
    ['Kernel Version', 'kernelVersion'],
    ['OS Image', 'osImage'],
    ['Operating System', 'operatingSystem'],
    ['Architecture', 'architecture'],
    ['Container Runtime Version', 'containerRuntimeVersion'],
    ['Kubelet Version', 'kubeletVersion'],
    ['Kube-Proxy Version', 'kubeProxyVersion'],
  ];
  for (const [label, key] of fields) w.write(0, `  ${label}:\t${info[key] ?? ''}\n`);
  if (spec.podCIDR) w.write(0, `PodCIDR:\t${spec.podCIDR}\n`);
  if (spec.providerID) w.write(0, `ProviderID:\t${spec.providerID}\n`);
  const pods = sim.api.store
    .podsOnNode(m.name)
    .filter((p) => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed')
    .sort((a, b) => {
      const ka = `${a.metadata.namespace}/${a.metadata.name}`;
      const kb = `${b.metadata.namespace}/${b.metadata.name}`;
      return ka < kb ? -1 : ka > kb ? 1 : 0;
    });
  describeNodeResource(w, node, pods, now);
  describeEvents(w, eventsFor(sim, node), now);
  return w.text();
}
