// explainStatefulSetPod: the inspector's reading of stateful_set_control.go processReplica
// (OrderedReady waits on the lower ordinal) and of the "at most one" rule on an unreachable node.
import { describe, expect, it } from 'vitest';
import type { Node, Pod, StatefulSet } from '../../../../src/engine/api/types';
import { explainStatefulSetPod } from '../../../../src/engine/explain/statefulSet';
import { newNode, newStatefulSet } from '../../../fixtures/builders';
import { newCluster } from '../../../fixtures/cluster';

function cluster(opts: Parameters<typeof newStatefulSet>[1], until: number) {
  const sim = newCluster([newNode('n1'), newNode('n2'), newStatefulSet('web', opts)]);
  sim.runUntil(until);
  const set = sim.api.get<StatefulSet>('StatefulSet', 'default', 'web')!;
  const pods = sim.api.list<Pod>('Pod');
  const pod = (name: string) => pods.find((p) => p.metadata.name === name)!;
  const node = (p: Pod) => sim.api.get<Node>('Node', undefined, p.spec.nodeName ?? '');
  return { sim, set, pods, pod, node };
}

describe('explainStatefulSetPod (processReplica: OrderedReady, at most one per identity)', () => {
  it.each([
    [
      'OrderedReady, web-0 starting',
      { replicas: 3, startupSeconds: 30 },
      5,
      'web-0',
      'web-1 is not created yet: with podManagementPolicy OrderedReady, StatefulSet web creates the next ordinal only once web-0 is Running and Ready.',
    ],
    ['OrderedReady, web-0 ready', { replicas: 3 }, 60, 'web-0', undefined],
    [
      'Parallel never waits',
      { replicas: 3, startupSeconds: 30, podManagementPolicy: 'Parallel' as const },
      5,
      'web-0',
      undefined,
    ],
  ])('%s', (_name, opts, until, podName, want) => {
    const c = cluster(opts, until);
    expect(explainStatefulSetPod(c.set, c.pods, c.pod(podName), c.node(c.pod(podName)))).toBe(want);
  });

  it('a Terminating pod on an unreachable node says why it is not replaced and what ends it', () => {
    const c = cluster({ replicas: 2 }, 30);
    const victim = c.pod('web-1').spec.nodeName!;
    c.sim.nodeLifecycle.failNode(victim);
    c.sim.runUntil(30 + 50 + 300 + 5);
    const pods = c.sim.api.list<Pod>('Pod');
    const web1 = pods.find((p) => p.metadata.name === 'web-1')!;
    const text = explainStatefulSetPod(c.set, pods, web1, c.sim.api.get<Node>('Node', undefined, victim));
    expect(text).toBe(
      `web-1 is being deleted; StatefulSet web creates web-1 again only once this pod is gone from the API (at most one pod per identity). Its node ${victim} is unreachable, so nothing confirms the containers stopped: it stays Terminating until the node returns, or until the Node object is deleted and the pod garbage collector removes it 40 s later.`,
    );
  });
});
