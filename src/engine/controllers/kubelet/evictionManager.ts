import type { Node, Pod } from '../../api/types';
import { markDisruptionTarget } from '../../api/podUtil';
import { parseQuantity } from '../../api/quantity';
import { Controller } from '../controller';
import type { ControllerContext } from '../controller';
import { evictionMessage, rankForMemoryEviction } from './eviction';
import { setContainerStates, setReadiness } from './podStatus';
import { podUsage } from './usage';

// The eviction manager's housekeeping interval (pkg/kubelet/eviction: evictionMonitoringPeriod).
export const EVICTION_MONITORING_PERIOD_SECONDS = 10;
// How much memory a `sim: node pressure` takes away (something outside the pods leaks it): the
// kubelet evicts until it has reclaimed this much, so best-effort and burstable pods usually go
// and a critical daemon pod within its limits stays.
const PRESSURE_BYTES = 300 * 1024 * 1024;
const THRESHOLD_BYTES = 100 * 1024 * 1024;
const PRESSURE_CONDITIONS = ['MemoryPressure', 'DiskPressure', 'PIDPressure'];

function underPressure(node: Node | undefined): boolean {
  return !!node?.status.conditions?.some((c) => PRESSURE_CONDITIONS.includes(c.type) && c.status === 'True');
}

/**
 * EvictionManager is the kubelet's node-pressure eviction: while a node reports pressure it
 * evicts one pod per housekeeping interval, in rankMemoryPressure order, until it has reclaimed
 * what the pressure took. Evicted pods stay as Failed with reason Evicted and the kubelet's message;
 * their controllers replace them.
 */
export class EvictionManager extends Controller {
  readonly name = 'eviction-manager';
  private readonly reclaimed = new Map<string, number>();

  constructor(
    ctx: ControllerContext,
    private readonly stopPod: (pod: Pod) => void,
    private readonly kubeletUp: (node: string) => boolean,
  ) {
    super(ctx);
    ctx.api.store.watch('Node', (e) => {
      const name = e.object.metadata.name;
      const was = underPressure(e.old as Node | undefined);
      const is = e.type !== 'DELETED' && underPressure(e.object as Node);
      if (is && !was) {
        this.reclaimed.set(name, 0);
        this.enqueue(name);
      }
      if (!is) this.reclaimed.delete(name);
    });
  }

  protected sync(nodeName: string): void {
    const { api, recorder } = this.ctx;
    const node = api.get<Node>('Node', undefined, nodeName);
    if (!node || !underPressure(node) || !this.reclaimed.has(nodeName) || !this.kubeletUp(nodeName)) return;
    const allocatable = parseQuantity(node.status.allocatable?.['memory'] ?? '0');
    const target = Math.min(PRESSURE_BYTES, allocatable.ok ? allocatable.value / 4 : PRESSURE_BYTES);
    const done = this.reclaimed.get(nodeName) ?? 0;
    if (done >= target) return;
    const candidates = api.store
      .podsOnNode(nodeName)
      .filter((p) => !p.metadata.deletionTimestamp && p.status?.phase === 'Running');
    const victim = rankForMemoryEviction(candidates)[0];
    if (!victim) return;
    if (done === 0)
      recorder.event(node, 'Warning', 'EvictionThresholdMet', 'Attempting to reclaim memory', 'kubelet');
    const message = evictionMessage(victim, (THRESHOLD_BYTES * done) / target);
    const ts = this.ctx.clock.timestamp();
    this.stopPod(victim);
    const evicted = api.mutateStatus(victim, (p) => {
      p.status = { ...(p.status ?? {}), phase: 'Failed', reason: 'Evicted', message };
      setContainerStates(
        p,
        {
          terminated: {
            exitCode: 137,
            reason: 'ContainerStatusUnknown',
            message: 'The container could not be located when the pod was terminated',
          },
        },
        false,
      );
      setReadiness(p, false, ts);
      markDisruptionTarget(p, 'TerminationByKubelet', message, ts);
    });
    recorder.event(evicted, 'Warning', 'Evicted', message, 'kubelet');
    this.ctx.tracer.record(evicted, 'evicted');
    this.reclaimed.set(nodeName, done + podUsage(victim).memoryBytes);
    this.enqueueAfter(nodeName, EVICTION_MONITORING_PERIOD_SECONDS);
  }
}
