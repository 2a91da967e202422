import { describe, expect, it } from 'vitest';
import type { Node, Pod } from '../../../../../src/engine/api/types';
import { isPodReady } from '../../../../../src/engine/api/podUtil';
import { NODE_MONITOR_GRACE_PERIOD_SECONDS } from '../../../../../src/engine/controllers/nodelifecycle/nodeLifecycle';
import { newDaemonSet, newNode, newPod } from '../../../../fixtures/builders';
import { newCluster, nodesWithDaemonPod } from '../../../../fixtures/cluster';

const readyOf = (n: Node | undefined) => n?.status.conditions?.find((c) => c.type === 'Ready')?.status;
const taintKeys = (n: Node | undefined) => (n?.spec.taints ?? []).map((t) => `${t.key}:${t.effect}`);

describe('node lifecycle · a failed node', () => {
  it('marks the node Unknown and taints it unreachable once the grace period has passed, not before', () => {
    const sim = newCluster([newNode('n1'), newNode('n2'), newDaemonSet('agent')]);
    sim.runUntil(10);
    sim.nodeLifecycle.failNode('n2');
    sim.runUntil(10 + NODE_MONITOR_GRACE_PERIOD_SECONDS - 0.001);
    let node = sim.api.get<Node>('Node', undefined, 'n2');
    expect(readyOf(node)).toBe('True');
    expect(taintKeys(node)).toEqual([]);
    sim.runUntil(10 + NODE_MONITOR_GRACE_PERIOD_SECONDS);
    node = sim.api.get<Node>('Node', undefined, 'n2');
    expect(readyOf(node)).toBe('Unknown');
    expect(taintKeys(node)).toEqual([
      'node.kubernetes.io/unreachable:NoSchedule',
      'node.kubernetes.io/unreachable:NoExecute',
    ]);
  });

  it('keeps the daemon pod on an unreachable node (it tolerates unreachable without a limit) and marks it not ready', () => {
    const sim = newCluster([newNode('n1'), newNode('n2'), newDaemonSet('agent')]);
    sim.runUntil(10);
    sim.nodeLifecycle.failNode('n2');
    sim.runUntil(2000);
    expect(nodesWithDaemonPod(sim, 'agent')).toEqual(['n1', 'n2']);
    expect(isPodReady(sim.api.store.podsOnNode('n2')[0]!)).toBe(false);
  });

  it('evicts an ordinary pod 300 s after the unreachable taint (DefaultTolerationSeconds)', () => {
    const sim = newCluster([newNode('n1'), newPod('web', { nodeName: 'n1' })]);
    sim.runUntil(10);
    sim.nodeLifecycle.failNode('n1');
    const tainted = 10 + NODE_MONITOR_GRACE_PERIOD_SECONDS;
    sim.runUntil(tainted + 299);
    expect(sim.api.get<Pod>('Pod', 'default', 'web')?.metadata.deletionTimestamp).toBeUndefined();
    sim.runUntil(tainted + 300);
    expect(sim.tracer.entries.filter((e) => e.event === 'evicted').map((e) => e.pod)).toEqual([
      'default/web',
    ]);
  });

  it('clears the taints and reports Ready again on recovery; daemon pods turn ready', () => {
    const sim = newCluster([newNode('n1'), newDaemonSet('agent')]);
    sim.runUntil(10);
    sim.nodeLifecycle.failNode('n1');
    sim.runUntil(100);
    sim.nodeLifecycle.recoverNode('n1');
    sim.runUntil(101);
    const node = sim.api.get<Node>('Node', undefined, 'n1');
    expect(readyOf(node)).toBe('True');
    expect(taintKeys(node)).toEqual([]);
    expect(isPodReady(sim.api.store.podsOnNode('n1')[0]!)).toBe(true);
  });
});
