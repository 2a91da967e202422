import type { Node, NodeCondition, Pod, Taint } from '../../api/types';
import { Controller } from '../controller';
import type { ControllerContext } from '../controller';
import { setCondition } from '../../api/podUtil';
import { noScheduleTaintsFor } from './noScheduleTainting';

// --node-monitor-grace-period: 50 s since Kubernetes 1.32 (kubernetes/kubernetes PR #126287); 40 s before.
export const NODE_MONITOR_GRACE_PERIOD_SECONDS = 50;
export const UNREACHABLE_TAINT = 'node.kubernetes.io/unreachable';
export const NOT_READY_TAINT = 'node.kubernetes.io/not-ready';
const NODE_CONTROLLER = 'node-controller';
const KUBELET_VERSION = 'v1.34.1';

export type PressureKind = 'memory' | 'disk' | 'pid';

const PRESSURE: Record<
  PressureKind,
  {
    condition: string;
    reasonOn: string;
    reasonOff: string;
    messageOn: string;
    messageOff: string;
  }
> = {
  memory: {
    condition: 'MemoryPressure',
    reasonOn: 'KubeletHasInsufficientMemory',
    reasonOff: 'KubeletHasSufficientMemory',
    messageOn: 'kubelet has insufficient memory available',
    messageOff: 'kubelet has sufficient memory available',
  },
  disk: {
    condition: 'DiskPressure',
    reasonOn: 'KubeletHasDiskPressure',
    reasonOff: 'KubeletHasNoDiskPressure',
    messageOn: 'kubelet has disk pressure',
    messageOff: 'kubelet has no disk pressure',
  },
  pid: {
    condition: 'PIDPressure',
    reasonOn: 'KubeletHasInsufficientPID',
    reasonOff: 'KubeletHasSufficientPID',
    messageOn: 'kubelet has insufficient PID available',
    messageOff: 'kubelet has sufficient PID available',
  },
};

// Kubelet registration fills what a pasted or hand-written node leaves out.
const DEFAULT_CAPACITY = { cpu: '2', memory: '4Gi', pods: '110' };

function healthyConditions(ts: string): NodeCondition[] {
  const c = (type: string, status: 'True' | 'False', reason: string, message: string): NodeCondition => ({
    type,
    status,
    reason,
    message,
    lastHeartbeatTime: ts,
    lastTransitionTime: ts,
  });
  return [
    c('MemoryPressure', 'False', PRESSURE.memory.reasonOff, PRESSURE.memory.messageOff),
    c('DiskPressure', 'False', PRESSURE.disk.reasonOff, PRESSURE.disk.messageOff),
    c('PIDPressure', 'False', PRESSURE.pid.reasonOff, PRESSURE.pid.messageOff),
    c('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
  ];
}

function setNodeCondition(
  node: Node,
  cond: Omit<NodeCondition, 'lastTransitionTime' | 'lastHeartbeatTime'>,
  ts: string,
): void {
  const conditions = (node.status.conditions ??= []);
  const existing = conditions.find((c) => c.type === cond.type);
  if (existing) {
    if (existing.status !== cond.status) existing.lastTransitionTime = ts;
    Object.assign(existing, cond, { lastHeartbeatTime: ts });
  } else {
    conditions.push({ ...cond, lastHeartbeatTime: ts, lastTransitionTime: ts });
  }
}

/**
 * NodeLifecycleController plays both sides of node health: each kubelet's status reports
 * (registration, pressure conditions) and the node lifecycle controller that notices a silent
 * kubelet after the grace period, marks the node Unknown, taints it unreachable and marks its
 * pods not ready. Taints follow conditions as TaintNodesByCondition does.
 */
export class NodeLifecycleController extends Controller {
  readonly name = 'node-lifecycle-controller';
  private readonly kubeletDown = new Set<string>();
  private readonly indexes = new Map<string, number>();
  private readonly recoveredListeners: ((node: string) => void)[] = [];

  constructor(ctx: ControllerContext) {
    super(ctx);
    ctx.api.store.watch('Node', (e) => {
      const node = e.object as Node;
      if (e.type === 'ADDED') this.indexes.set(node.metadata.name, this.indexes.size + 1);
      // Registration on add; doNoScheduleTaintingPass on add and on every update (a cordon, a condition).
      if (e.type !== 'DELETED') this.enqueue(node.metadata.name);
      if (e.type === 'DELETED') this.kubeletDown.delete(node.metadata.name);
    });
  }

  isKubeletUp(nodeName: string): boolean {
    return !this.kubeletDown.has(nodeName);
  }

  onKubeletRecovered(listener: (node: string) => void): void {
    this.recoveredListeners.push(listener);
  }

  nodeIndex(nodeName: string): number {
    return this.indexes.get(nodeName) ?? 0;
  }

  nodeIP(nodeName: string): string {
    return `192.168.${Math.floor(this.nodeIndex(nodeName) / 250)}.${(this.nodeIndex(nodeName) % 250) + 2}`;
  }

  /** failNode stops the node's kubelet: after the grace period the node goes Unknown and unreachable. */
  failNode(name: string): string | undefined {
    if (!this.ctx.api.get<Node>('Node', undefined, name)) return `Error: node "${name}" not found`;
    if (this.kubeletDown.has(name)) return undefined;
    this.kubeletDown.add(name);
    this.ctx.queue.schedule(
      this.ctx.clock.now() + NODE_MONITOR_GRACE_PERIOD_SECONDS,
      `node-monitor:${name}`,
      () => {
        if (this.kubeletDown.has(name)) this.markUnknown(name);
      },
    );
    return undefined;
  }

  /** recoverNode restarts the kubelet: it posts Ready again and the unreachable taints go. */
  recoverNode(name: string): string | undefined {
    const node = this.ctx.api.get<Node>('Node', undefined, name);
    if (!node) return `Error: node "${name}" not found`;
    if (!this.kubeletDown.delete(name)) return undefined;
    const ts = this.ctx.clock.timestamp();
    const wasUnknown = node.status.conditions?.some((c) => c.type === 'Ready' && c.status !== 'True');
    this.ctx.api.mutate(node, (n) => {
      for (const c of healthyConditions(ts)) {
        const pressure = n.status.conditions?.find((x) => x.type === c.type);
        // Pressure set by `sim: node pressure` stays; everything the silence made Unknown is reported again.
        if (pressure && pressure.status === 'True' && c.type !== 'Ready') continue;
        setNodeCondition(n, c, ts);
      }
      n.spec.taints = (n.spec.taints ?? []).filter(
        (t) => t.key !== UNREACHABLE_TAINT && t.key !== NOT_READY_TAINT,
      );
      if (n.spec.taints.length === 0) delete n.spec.taints;
    });
    if (wasUnknown)
      this.ctx.recorder.event(
        node,
        'Normal',
        'NodeReady',
        `Node ${name} status is now: NodeReady`,
        NODE_CONTROLLER,
      );
    for (const l of this.recoveredListeners) l(name);
    return undefined;
  }

  /** setPressure reports a pressure condition from the kubelet; the tainting pass then adds or removes its NoSchedule taint. */
  setPressure(name: string, kind: PressureKind, on: boolean): string | undefined {
    const node = this.ctx.api.get<Node>('Node', undefined, name);
    if (!node) return `Error: node "${name}" not found`;
    const p = PRESSURE[kind];
    const ts = this.ctx.clock.timestamp();
    this.ctx.api.mutate(node, (n) => {
      setNodeCondition(
        n,
        {
          type: p.condition,
          status: on ? 'True' : 'False',
          reason: on ? p.reasonOn : p.reasonOff,
          message: on ? p.messageOn : p.messageOff,
        },
        ts,
      );
    });
    this.ctx.recorder.event(
      node,
      'Normal',
      on ? `NodeHas${p.condition}` : `NodeHasNo${p.condition}`,
      `Node ${name} status is now: ${on ? `NodeHas${p.condition}` : `NodeHasNo${p.condition}`}`,
      KUBELET_SOURCE,
    );
    return undefined;
  }

  protected sync(name: string): void {
    this.register(name);
    this.doNoScheduleTaintingPass(name);
  }

  /** doNoScheduleTaintingPass keeps the condition and unschedulable NoSchedule taints in step with the node. */
  private doNoScheduleTaintingPass(name: string): void {
    const node = this.ctx.api.get<Node>('Node', undefined, name);
    if (!node) return;
    const ts = this.ctx.clock.timestamp();
    const taints = noScheduleTaintsFor(node, ts);
    if (!taints) return;
    this.ctx.api.mutate(node, (n) => {
      if (taints.length > 0) n.spec.taints = taints;
      else delete n.spec.taints;
    });
  }

  /** Registration: the kubelet fills in status the manifest did not give (conditions, capacity, version). */
  private register(name: string): void {
    const node = this.ctx.api.get<Node>('Node', undefined, name);
    if (!node) return;
    const st = node.status ?? {};
    const needs =
      !st.conditions?.length ||
      !st.capacity ||
      !st.allocatable ||
      !st.nodeInfo?.kubeletVersion ||
      !st.addresses?.length;
    if (!needs) return;
    const ts = this.ctx.clock.timestamp();
    this.ctx.api.mutate(node, (n) => {
      n.status ??= {};
      const capacity = n.status.capacity ?? n.status.allocatable ?? DEFAULT_CAPACITY;
      n.status.capacity = { ...DEFAULT_CAPACITY, ...capacity };
      n.status.allocatable = { ...n.status.capacity, ...(n.status.allocatable ?? {}) };
      if (!n.status.conditions?.length) n.status.conditions = healthyConditions(ts);
      n.status.nodeInfo = {
        kubeletVersion: KUBELET_VERSION,
        containerRuntimeVersion: 'containerd://2.1.4',
        osImage: 'Simulated Linux',
        operatingSystem: 'linux',
        architecture: 'amd64',
        ...(n.status.nodeInfo ?? {}),
      };
      if (!n.status.addresses?.length) {
        n.status.addresses = [
          { type: 'InternalIP', address: this.nodeIP(name) },
          { type: 'Hostname', address: name },
        ];
      }
    });
  }

  private markUnknown(name: string): void {
    const node = this.ctx.api.get<Node>('Node', undefined, name);
    if (!node) return;
    const ts = this.ctx.clock.timestamp();
    this.ctx.api.mutate(node, (n) => {
      for (const type of ['MemoryPressure', 'DiskPressure', 'PIDPressure', 'Ready']) {
        setNodeCondition(
          n,
          {
            type,
            status: 'Unknown',
            reason: 'NodeStatusUnknown',
            message: 'Kubelet stopped posting node status.',
          },
          ts,
        );
      }
      const keep = (n.spec.taints ?? []).filter(
        (t) => t.key !== UNREACHABLE_TAINT && t.key !== NOT_READY_TAINT,
      );
      const added: Taint[] = [
        { key: UNREACHABLE_TAINT, effect: 'NoSchedule', timeAdded: ts },
        { key: UNREACHABLE_TAINT, effect: 'NoExecute', timeAdded: ts },
      ];
      n.spec.taints = [...keep, ...added];
    });
    this.ctx.recorder.event(
      node,
      'Normal',
      'NodeNotReady',
      `Node ${name} status is now: NodeNotReady`,
      NODE_CONTROLLER,
    );
    // MarkPodsNotReady: the pods' Ready condition goes False; the kubelet is not there to object.
    for (const pod of this.ctx.api.store.podsOnNode(name)) {
      this.ctx.api.mutateStatus(pod, (p: Pod) => {
        setCondition(p, 'Ready', 'False', ts);
        const st = p.status;
        if (st?.containerStatuses)
          st.containerStatuses = st.containerStatuses.map((cs) => ({ ...cs, ready: false }));
      });
    }
  }
}

const KUBELET_SOURCE = 'kubelet';
