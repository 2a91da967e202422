// The columns of `kubectl get` per kind, as pkg/printers/internalversion/printers.go defines
// them (headers upper-cased by the table printer), including the extra `-o wide` columns.
import type {
  ConfigMap,
  Container,
  ControllerRevision,
  DaemonSet,
  Deployment,
  Event,
  Job,
  Node,
  Pod,
  PriorityClass,
  ReplicaSet,
  StatefulSet,
} from '../../engine/api/types';
import { formatLabelSelector } from '../../engine/api/labels';
import type { AnyObject, NamespaceObject } from '../util/resources';
import { ageOf, humanDuration } from './age';
import { parseTimestamp } from '../../engine/clock/clock';
import { podSummary } from './podStatus';
import { cronJobTable } from './cronJobTable';

/** TableDef is one kind's table: headers and cells, with the wide extras separate. */
export interface TableDef {
  headers: string[];
  wideHeaders: string[];
  row(obj: AnyObject, now: number): string[];
  wideRow(obj: AnyObject, now: number): string[];
}

/** formatLabels is labels.FormatLabels: sorted `k=v` joined by commas, or `<none>`. */
export function formatLabels(labels: Record<string, string> | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  return keys.length === 0 ? '<none>' : keys.map((k) => `${k}=${labels?.[k] ?? ''}`).join(',');
}

function containerCells(containers: readonly Container[]): [string, string] {
  return [containers.map((c) => c.name).join(','), containers.map((c) => c.image).join(',')];
}

/** nodeRoles is findNodeRoles: `node-role.kubernetes.io/<role>` labels and `kubernetes.io/role`. */
export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v) roles.add(v);
  }
  return [...roles].sort();
}

/** nodeStatus is the STATUS cell: Ready / NotReady / Unknown, plus SchedulingDisabled when cordoned. */
export function nodeStatus(node: Node): string {
  const ready = node.status.conditions?.find((c) => c.type === 'Ready');
  const parts = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (node.spec.unschedulable) parts.push('SchedulingDisabled');
  return parts.join(',');
}

function address(node: Node, type: string): string {
  return node.status.addresses?.find((a) => a.type === type)?.address ?? '<none>';
}

const nodeTable: TableDef = {
  headers: ['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'],
  wideHeaders: ['INTERNAL-IP', 'EXTERNAL-IP', 'OS-IMAGE', 'KERNEL-VERSION', 'CONTAINER-RUNTIME'],
  row: (o, now) => {
    const n = o as Node;
    const roles = nodeRoles(n).join(',') || '<none>';
    return [
      n.metadata.name,
      nodeStatus(n),
      roles,
      ageOf(n.metadata.creationTimestamp, now),
      n.status.nodeInfo?.['kubeletVersion'] ?? '',
    ];
  },
  wideRow: (o) => {
    const n = o as Node;
    const info = n.status.nodeInfo ?? {};
    return [
      address(n, 'InternalIP'),
      address(n, 'ExternalIP'),
      info['osImage'] || '<unknown>',
      info['kernelVersion'] || '<unknown>',
      info['containerRuntimeVersion'] || '<unknown>',
    ];
  },
};

const podTable: TableDef = {
  headers: ['NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE'],
  wideHeaders: ['IP', 'NODE', 'NOMINATED NODE', 'READINESS GATES'],
  row: (o, now) => {
    const p = o as Pod;
    const s = podSummary(p, now);
    return [p.metadata.name, s.ready, s.status, s.restarts, ageOf(p.metadata.creationTimestamp, now)];
  },
  wideRow: (o) => {
    const p = o as Pod;
    return [
      p.status?.podIP || '<none>',
      p.spec.nodeName || '<none>',
      p.status?.nominatedNodeName || '<none>',
      '<none>',
    ];
  },
};

const daemonSetTable: TableDef = {
  headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE SELECTOR', 'AGE'],
  wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (o, now) => {
    const d = o as DaemonSet;
    const s = d.status;
    return [
      d.metadata.name,
      String(s?.desiredNumberScheduled ?? 0),
      String(s?.currentNumberScheduled ?? 0),
      String(s?.numberReady ?? 0),
      String(s?.updatedNumberScheduled ?? 0),
      String(s?.numberAvailable ?? 0),
      formatLabels(d.spec.template.spec.nodeSelector),
      ageOf(d.metadata.creationTimestamp, now),
    ];
  },
  wideRow: (o) => {
    const d = o as DaemonSet;
    return [...containerCells(d.spec.template.spec.containers), formatLabelSelector(d.spec.selector)];
  },
};

const deploymentTable: TableDef = {
  headers: ['NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'],
  wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (o, now) => {
    const d = o as Deployment;
    const s = d.status;
    return [
      d.metadata.name,
      `${s?.readyReplicas ?? 0}/${d.spec.replicas ?? 1}`,
      String(s?.updatedReplicas ?? 0),
      String(s?.availableReplicas ?? 0),
      ageOf(d.metadata.creationTimestamp, now),
    ];
  },
  wideRow: (o) => {
    const d = o as Deployment;
    return [...containerCells(d.spec.template.spec.containers), formatLabelSelector(d.spec.selector)];
  },
};

// printStatefulSet: READY is readyReplicas/replicas; -o wide adds only containers and images.
const statefulSetTable: TableDef = {
  headers: ['NAME', 'READY', 'AGE'],
  wideHeaders: ['CONTAINERS', 'IMAGES'],
  row: (o, now) => {
    const s = o as StatefulSet;
    return [
      s.metadata.name,
      `${s.status?.readyReplicas ?? 0}/${s.spec.replicas ?? 1}`,
      ageOf(s.metadata.creationTimestamp, now),
    ];
  },
  wideRow: (o) => containerCells((o as StatefulSet).spec.template.spec.containers ?? []),
};

const replicaSetTable: TableDef = {
  headers: ['NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'],
  wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (o, now) => {
    const r = o as ReplicaSet;
    return [
      r.metadata.name,
      String(r.spec.replicas ?? 1),
      String(r.status?.replicas ?? 0),
      String(r.status?.readyReplicas ?? 0),
      ageOf(r.metadata.creationTimestamp, now),
    ];
  },
  wideRow: (o) => {
    const r = o as ReplicaSet;
    return [...containerCells(r.spec.template.spec.containers), formatLabelSelector(r.spec.selector)];
  },
};

const hasCondition = (j: Job, type: string) =>
  (j.status?.conditions ?? []).some((c) => c.type === type && c.status === 'True');

/** jobStatus is printJob's STATUS cell (1.30+): the first of these conditions that holds, else Running. */
export function jobStatus(j: Job): string {
  if (hasCondition(j, 'Complete')) return 'Complete';
  if (hasCondition(j, 'Failed')) return 'Failed';
  if (j.metadata.deletionTimestamp) return 'Terminating';
  if (hasCondition(j, 'Suspended')) return 'Suspended';
  if (hasCondition(j, 'FailureTarget')) return 'FailureTarget';
  if (hasCondition(j, 'SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

/** jobCompletions is printJob's COMPLETIONS cell: `1/1`, or `0/1 of 3` for a work queue. */
export function jobCompletions(j: Job): string {
  const done = j.status?.succeeded ?? 0;
  if (j.spec.completions !== undefined) return `${done}/${j.spec.completions}`;
  const parallelism = j.spec.parallelism ?? 0;
  return parallelism > 1 ? `${done}/1 of ${parallelism}` : `${done}/1`;
}

/** jobDuration is printJob's DURATION: start to completion, or start to now while running. */
export function jobDuration(j: Job, now: number): string {
  const start = j.status?.startTime;
  if (!start) return '';
  const end = j.status?.completionTime ? parseTimestamp(j.status.completionTime) : now;
  return humanDuration(end - parseTimestamp(start));
}

const jobTable: TableDef = {
  headers: ['NAME', 'STATUS', 'COMPLETIONS', 'DURATION', 'AGE'],
  wideHeaders: ['CONTAINERS', 'IMAGES', 'SELECTOR'],
  row: (o, now) => {
    const j = o as Job;
    return [
      j.metadata.name,
      jobStatus(j),
      jobCompletions(j),
      jobDuration(j, now),
      ageOf(j.metadata.creationTimestamp, now),
    ];
  },
  wideRow: (o) => {
    const j = o as Job;
    return [...containerCells(j.spec.template.spec.containers), formatLabelSelector(j.spec.selector)];
  },
};

/** controllerName prints an owner as formatResourceName does: `daemonset.apps/fluentd`. */
function controllerName(o: AnyObject): string {
  const ref =
    'ownerReferences' in o.metadata ? o.metadata.ownerReferences?.find((r) => r.controller) : undefined;
  if (!ref) return '<none>';
  const slash = ref.apiVersion.indexOf('/');
  const group = slash >= 0 ? ref.apiVersion.slice(0, slash) : '';
  return `${ref.kind.toLowerCase()}${group ? '.' + group : ''}/${ref.name}`;
}

const controllerRevisionTable: TableDef = {
  headers: ['NAME', 'CONTROLLER', 'REVISION', 'AGE'],
  wideHeaders: [],
  row: (o, now) => {
    const r = o as ControllerRevision;
    return [r.metadata.name, controllerName(r), String(r.revision), ageOf(r.metadata.creationTimestamp, now)];
  },
  wideRow: () => [],
};

/** eventLastSeen is the LAST SEEN cell: `12s`, or `12s (x3 over 2m)` for a repeated event. */
export function eventLastSeen(e: Event, now: number): string {
  const first = ageOf(e.firstTimestamp, now);
  const last = e.lastTimestamp ? ageOf(e.lastTimestamp, now) : first;
  return e.count > 1 ? `${last} (x${e.count} over ${first})` : last;
}

function eventTarget(e: Event): string {
  const kind = e.involvedObject.kind.toLowerCase();
  return e.involvedObject.name ? `${kind}/${e.involvedObject.name}` : kind;
}

const eventTable: TableDef = {
  headers: ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'],
  wideHeaders: [],
  row: (o, now) => {
    const e = o as Event;
    return [eventLastSeen(e, now), e.type, e.reason, eventTarget(e), e.message.trim()];
  },
  wideRow: () => [],
};

// `get events -o wide` reorders columns rather than appending, so it has its own table.
const eventWideTable: TableDef = {
  headers: [
    'LAST SEEN',
    'TYPE',
    'REASON',
    'OBJECT',
    'SUBOBJECT',
    'SOURCE',
    'MESSAGE',
    'FIRST SEEN',
    'COUNT',
    'NAME',
  ],
  wideHeaders: [],
  row: (o, now) => {
    const e = o as Event;
    return [
      eventLastSeen(e, now),
      e.type,
      e.reason,
      eventTarget(e),
      '',
      [e.source?.component, e.source?.host].filter(Boolean).join(', '),
      e.message.trim(),
      ageOf(e.firstTimestamp, now),
      String(e.count),
      e.metadata.name,
    ];
  },
  wideRow: () => [],
};

const priorityClassTable: TableDef = {
  headers: ['NAME', 'VALUE', 'GLOBAL-DEFAULT', 'AGE', 'PREEMPTIONPOLICY'],
  wideHeaders: [],
  row: (o, now) => {
    const p = o as PriorityClass;
    return [
      p.metadata.name,
      String(p.value),
      String(p.globalDefault ?? false),
      ageOf(p.metadata.creationTimestamp, now),
      // The API server defaults the policy (SetDefaults_PriorityClass), so unset shows the default.
      p.preemptionPolicy ?? 'PreemptLowerPriority',
    ];
  },
  wideRow: () => [],
};

const namespaceTable: TableDef = {
  headers: ['NAME', 'STATUS', 'AGE'],
  wideHeaders: [],
  row: (o, now) => {
    const n = o as NamespaceObject;
    return [n.metadata.name, n.status?.phase ?? 'Active', ageOf(n.metadata.creationTimestamp, now)];
  },
  wideRow: () => [],
};

// printConfigMap: DATA counts data and binaryData keys together.
const configMapTable: TableDef = {
  headers: ['NAME', 'DATA', 'AGE'],
  wideHeaders: [],
  row: (o, now) => {
    const c = o as ConfigMap;
    const count = Object.keys(c.data ?? {}).length + Object.keys(c.binaryData ?? {}).length;
    return [c.metadata.name, String(count), ageOf(c.metadata.creationTimestamp, now)];
  },
  wideRow: () => [],
};

const TABLES: Record<string, TableDef> = {
  Node: nodeTable,
  Pod: podTable,
  DaemonSet: daemonSetTable,
  Deployment: deploymentTable,
  ReplicaSet: replicaSetTable,
  Job: jobTable,
  StatefulSet: statefulSetTable,
  CronJob: cronJobTable,
  ControllerRevision: controllerRevisionTable,
  Event: eventTable,
  PriorityClass: priorityClassTable,
  Namespace: namespaceTable,
  ConfigMap: configMapTable,
};

/** tableFor returns the table of a kind (`wide` picks the wide variant where it differs). */
export function tableFor(kind: string, wide: boolean): TableDef {
  if (kind === 'Event' && wide) return eventWideTable;
  return TABLES[kind] ?? namespaceTable;
}
