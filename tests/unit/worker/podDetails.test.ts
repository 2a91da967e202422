import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../src/engine/api/types';
import { ScenarioSession } from '../../../src/scenario/session';
import { readPodDetails } from '../../../src/worker/podDetails';
import { newDaemonSet, newNode } from '../../fixtures/builders';
import { manifestYaml } from '../../fixtures/cluster';

const SCENARIO = manifestYaml(
  newNode('n1'),
  newDaemonSet('agent', {
    namespace: 'kube-system',
    image: 'fluent/fluentd:v1.14-1',
    templateAnnotations: { 'playground/behavior': 'crash-loop' },
  }),
);

function crashLooping(): { session: ScenarioSession; pod: Pod } {
  const { session } = ScenarioSession.create(SCENARIO);
  if (!session) throw new Error('scenario did not load');
  session.advance(40);
  const pod = session.sim.api.list<Pod>('Pod')[0];
  if (!pod) throw new Error('no pod');
  return { session, pod };
}

describe('readPodDetails', () => {
  it("gives the kubelet's retry time of a crash-looping container and its previous run's logs", () => {
    const { session, pod } = crashLooping();
    const d = readPodDetails(session.sim, 'kube-system', pod.metadata.name);
    expect(pod.status?.containerStatuses?.[0]?.state.waiting?.reason).toBe('CrashLoopBackOff');
    expect(d?.uid).toBe(pod.metadata.uid);
    expect(d?.time).toBe(40);
    expect(d?.backoffUntil).toBeGreaterThan(40);
    expect(d?.containers[0]?.name).toBe('agent');
    expect(d?.containers[0]?.previousLogs).toContain('[error]');
  });

  it('does not record its kubectl logs calls in the command log', () => {
    const { session, pod } = crashLooping();
    readPodDetails(session.sim, 'kube-system', pod.metadata.name);
    expect(session.commandLog).toEqual([]);
  });

  it('answers null for a pod that is gone', () => {
    const { session } = crashLooping();
    expect(readPodDetails(session.sim, 'kube-system', 'nope')).toBeNull();
  });
});

describe('readPodDetails · a Failed daemon pod', () => {
  const PRESSURED = manifestYaml(
    newNode('n1', {
      conditions: [
        { type: 'Ready', status: 'True' },
        { type: 'DiskPressure', status: 'True' },
      ],
    }),
    newDaemonSet('agent', { namespace: 'kube-system', image: 'fluent/fluentd:v1.14-1' }),
  );

  it.each([
    { at: 10, retryAt: 15 },
    { at: 20, retryAt: 31 },
  ])('at $at s gives when the DaemonSet controller replaces it ($retryAt s)', ({ at, retryAt }) => {
    const { session } = ScenarioSession.create(PRESSURED);
    if (!session) throw new Error('scenario did not load');
    session.advance(at);
    const pod = session.sim.api.list<Pod>('Pod', 'kube-system')[0]!;
    expect(pod.status?.reason).toBe('Evicted');
    const d = readPodDetails(session.sim, 'kube-system', pod.metadata.name);
    expect(d?.daemonRetryAt).toBe(retryAt);
    expect(d?.backoffUntil).toBeUndefined();
  });
});
