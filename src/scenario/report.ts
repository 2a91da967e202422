import type { DaemonSet, Node, Pod } from '../engine/api/types';
import { isPodReady } from '../engine/api/podUtil';
import { ownedRevisions } from '../engine/controllers/daemonset/history';
import type { RecordedEvent } from '../engine/events/recorder';
import { ownerRefString } from '../engine/events/tracer';
import type { TraceEntry } from '../engine/events/tracer';
import type { ScenarioSession } from './session';
import type { StepRecord } from './stepRunner';

/** RunReport is the headless runner's JSON (docs/scenario-format.md), field for field. */
export interface RunReport {
  time: number;
  nodes: {
    name: string;
    labels: Record<string, string>;
    taints: { key: string; value?: string; effect: string }[];
    unschedulable: boolean;
    ready: boolean;
    conditions: Record<string, string>;
  }[];
  daemonSets: {
    namespace: string;
    name: string;
    currentRevision: number | null;
    updateRevisionHash: string | null;
    status: Record<string, number>;
  }[];
  pods: {
    namespace: string;
    name: string;
    node: string | null;
    owner: string | null;
    revisionHash: string | null;
    images: string[];
    phase: string;
    ready: boolean;
    reason: string | null;
    terminating: boolean;
  }[];
  events: Omit<RecordedEvent, 'source'>[];
  trace: TraceEntry[];
  steps: StepRecord[];
}

// Millisecond precision keeps the JSON stable across platforms and free of float noise.
const round = (t: number) => Math.round(t * 1000) / 1000;

function podReason(pod: Pod): string | null {
  if (pod.status?.reason) return pod.status.reason;
  const waiting = pod.status?.containerStatuses?.find((c) => c.state.waiting)?.state.waiting?.reason;
  return waiting && waiting !== 'ContainerCreating' ? waiting : null;
}

function daemonSetReport(session: ScenarioSession, ds: DaemonSet): RunReport['daemonSets'][number] {
  const revisions = ownedRevisions(session.sim.api, ds);
  const current = revisions[revisions.length - 1];
  const st = ds.status;
  return {
    namespace: ds.metadata.namespace ?? 'default',
    name: ds.metadata.name,
    currentRevision: current?.revision ?? null,
    updateRevisionHash: current?.metadata.labels?.['controller-revision-hash'] ?? null,
    status: {
      desiredNumberScheduled: st?.desiredNumberScheduled ?? 0,
      currentNumberScheduled: st?.currentNumberScheduled ?? 0,
      numberReady: st?.numberReady ?? 0,
      numberAvailable: st?.numberAvailable ?? 0,
      numberUnavailable: st?.numberUnavailable ?? 0,
      updatedNumberScheduled: st?.updatedNumberScheduled ?? 0,
      numberMisscheduled: st?.numberMisscheduled ?? 0,
      observedGeneration: st?.observedGeneration ?? 0,
    },
  };
}

/** buildReport snapshots a session as the runner prints it. */
export function buildReport(session: ScenarioSession): RunReport {
  const { sim } = session;
  return {
    time: round(sim.now()),
    nodes: sim.api.list<Node>('Node').map((n) => {
      const conditions: Record<string, string> = {};
      for (const c of n.status.conditions ?? []) conditions[c.type] = c.status;
      return {
        name: n.metadata.name,
        labels: n.metadata.labels ?? {},
        taints: (n.spec.taints ?? []).map((t) => ({
          key: t.key,
          ...(t.value ? { value: t.value } : {}),
          effect: t.effect,
        })),
        unschedulable: n.spec.unschedulable === true,
        ready: conditions['Ready'] === 'True',
        conditions,
      };
    }),
    daemonSets: sim.api.list<DaemonSet>('DaemonSet').map((ds) => daemonSetReport(session, ds)),
    pods: sim.api.list<Pod>('Pod').map((p) => ({
      namespace: p.metadata.namespace ?? 'default',
      name: p.metadata.name,
      node: p.spec.nodeName ?? null,
      owner: ownerRefString(p),
      revisionHash: p.metadata.labels?.['controller-revision-hash'] ?? null,
      images: p.spec.containers.map((c) => c.image),
      phase: p.status?.phase ?? 'Pending',
      ready: isPodReady(p),
      reason: podReason(p),
      terminating: p.metadata.deletionTimestamp !== undefined,
    })),
    events: sim.recorder.log.map((e) => ({
      t: round(e.t),
      type: e.type,
      reason: e.reason,
      object: e.object,
      message: e.message,
    })),
    trace: sim.tracer.entries.map((e) => ({ ...e, t: round(e.t) })),
    steps: session.steps.map((s) => ({ ...s, t: round(s.t) })),
  };
}
