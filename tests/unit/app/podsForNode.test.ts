// The inspector explains a node from the pods bound to it or aimed at it; picking those in one
// pass must give explainNode the same answer as the whole cluster's pods.
import { describe, expect, it } from 'vitest';
import type { DaemonSet, Node, Pod } from '../../../src/engine/api/types';
import { explainNode } from '../../../src/engine/explain/explainNode';
import { podsForNode } from '../../../src/app/inspector/NodeExplanationView';
import { ScenarioSession } from '../../../src/scenario/session';
import { indexByUid } from '../../../src/worker/squash';

const SCENARIO = `
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent, namespace: kube-system }
spec:
  selector: { matchLabels: { app: agent } }
  template:
    metadata: { labels: { app: agent }, annotations: { playground/startup-seconds: '5' } }
    spec:
      containers: [{ name: agent, image: agent:v1 }]
---
apiVersion: playground/v1
kind: Scenario
metadata: { name: inspect }
spec:
  title: inspect
  steps:
    - sim: cluster grow 6 --zones 2
`;

describe('inspector · pods for a node', () => {
  it.each([0, 3])('explains node-0002 at t = %is exactly as from every pod', (t) => {
    const { session } = ScenarioSession.create(SCENARIO);
    session!.advance(t);
    const objects = indexByUid(session!.sim.snapshot());
    const all = Object.values(objects);
    const node = all.find((o): o is Node => o.kind === 'Node' && o.metadata.name === 'node-0002')!;
    const daemonSets = all.filter((o): o is DaemonSet => o.kind === 'DaemonSet');
    const pods = all.filter((o): o is Pod => o.kind === 'Pod');
    const here = podsForNode(objects, 'node-0002');
    expect(here.length).toBeGreaterThan(0);
    expect(explainNode({ node, daemonSets, pods: here })).toEqual(explainNode({ node, daemonSets, pods }));
  });
});
