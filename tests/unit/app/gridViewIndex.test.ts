// The grid view kept from diffs must equal the view rebuilt from the whole snapshot, after every
// batch of a real run (the engine's own diffs), and rebuild only the nodes a batch touched.
import { describe, expect, it } from 'vitest';
import type { DaemonSet } from '../../../src/engine/api/types';
import { buildGridView } from '../../../src/app/grid/gridView';
import { RECHIP_BUDGET, createGridViewIndex } from '../../../src/app/grid/gridViewIndex';
import { listCluster } from '../../../src/app/model/cluster';
import { ScenarioSession } from '../../../src/scenario/session';
import { applyDiff, indexByUid } from '../../../src/worker/squash';

const NONE: ReadonlySet<string> = new Set();

const SCENARIO = `
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: agent, namespace: kube-system }
spec:
  selector: { matchLabels: { app: agent } }
  updateStrategy: { type: RollingUpdate, rollingUpdate: { maxUnavailable: 2 } }
  template:
    metadata: { labels: { app: agent }, annotations: { playground/startup-seconds: '2' } }
    spec:
      containers: [{ name: agent, image: agent:v1 }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: web }
spec:
  replicas: 3
  selector: { matchLabels: { app: web } }
  template:
    metadata: { labels: { app: web } }
    spec:
      containers: [{ name: web, image: web:v1 }]
---
apiVersion: playground/v1
kind: Scenario
metadata: { name: index }
spec:
  title: index
  steps:
    - sim: cluster grow 12 --zones 3
    - wait: 5s
    - kubectl: set image ds/agent agent=agent:v2 -n kube-system
    - wait: 3s
    - kubectl: cordon node-0003
    - sim: node fail node-0004
    - sim: node remove node-0005
    - kubectl: label node node-0006 pool=special --overwrite
    - wait: 2m
`;

describe('grid view kept from diffs', () => {
  it('equals the view rebuilt from the snapshot after every batch of a run', () => {
    const { session } = ScenarioSession.create(SCENARIO, { seed: 3 });
    if (!session) throw new Error('scenario did not load');
    session.sim.takeChanges();
    let objects = indexByUid(session.sim.snapshot());
    const index = createGridViewIndex();
    index.reset(objects, NONE);
    let batches = 0;
    let partial = 0;
    for (let t = 0; t < 180; t += 1) {
      session.advance(1);
      const diff = session.sim.takeChanges();
      if (diff.upserted.length === 0 && diff.removed.length === 0) continue;
      objects = applyDiff(objects, diff);
      const update = index.apply(objects, diff, NONE);
      expect(update.view).toEqual(buildGridView(listCluster(objects)));
      batches++;
      if (update.changed !== 'all') partial++;
    }
    expect(batches).toBeGreaterThan(10);
    // Most batches (pod status changes) touch a few nodes, not all.
    expect(partial).toBeGreaterThan(batches / 2);
  });

  it('rebuilds only the cards of the nodes a pod change touched, and keeps the others as they were', () => {
    const { session } = ScenarioSession.create(SCENARIO, { seed: 3 });
    session!.advance(20);
    session!.sim.takeChanges();
    let objects = indexByUid(session!.sim.snapshot());
    const index = createGridViewIndex();
    const before = index.reset(objects, NONE).view;
    session!.run('kubectl delete pod -n kube-system -l app=agent --field-selector spec.nodeName=node-0001');
    const diff = session!.sim.takeChanges();
    objects = applyDiff(objects, diff);
    const update = index.apply(objects, diff, NONE);
    expect(update.changed).not.toBe('all');
    const changed = update.changed as ReadonlySet<string>;
    expect([...changed]).toContain('node-0001');
    const untouched = update.view.nodes.filter((n) => !changed.has(n.name));
    expect(untouched.length).toBeGreaterThan(5);
    for (const card of untouched) expect(before.nodes.find((n) => n.name === card.name)).toBe(card);
    // The Node object did not change, so its card keeps what it derived from the node.
    const was = before.nodes.find((n) => n.name === 'node-0001')!;
    const now = update.view.nodes.find((n) => n.name === 'node-0001')!;
    expect(now).not.toBe(was);
    expect(now.labels).toBe(was.labels);
    expect(now.taints).toBe(was.taints);
    expect(now.conditions).toBe(was.conditions);
    expect(now).toEqual(buildGridView(listCluster(objects)).nodes.find((n) => n.name === 'node-0001'));
  });

  it('a DaemonSet status write alone changes no card', () => {
    const { session } = ScenarioSession.create(SCENARIO, { seed: 3 });
    session!.advance(20);
    session!.sim.takeChanges();
    const objects = indexByUid(session!.sim.snapshot());
    const index = createGridViewIndex();
    const before = index.reset(objects, NONE).view;
    const ds = Object.values(objects).find((o): o is DaemonSet => o.kind === 'DaemonSet')!;
    const touched: DaemonSet = { ...ds, status: { ...ds.status!, observedGeneration: 99 } };
    const diff = { time: 20, upserted: [touched], removed: [] };
    const update = index.apply(applyDiff(objects, diff), diff, NONE);
    expect(update.changed).toEqual(NONE);
    update.view.nodes.forEach((card, i) => expect(card).toBe(before.nodes[i]));
  });

  it('a new revision on more nodes than RECHIP_BUDGET recolours them a slice at a time, ending equal to a rebuild', () => {
    const big = SCENARIO.replace('cluster grow 12', `cluster grow ${RECHIP_BUDGET + 50}`);
    const { session } = ScenarioSession.create(big, { seed: 3 });
    session!.advance(4);
    session!.sim.takeChanges();
    let objects = indexByUid(session!.sim.snapshot());
    const index = createGridViewIndex();
    index.reset(objects, NONE);
    session!.advance(2);
    const diff = session!.sim.takeChanges();
    expect(diff.upserted.some((o) => o.kind === 'ControllerRevision')).toBe(true);
    objects = applyDiff(objects, diff);
    const first = index.apply(objects, diff, NONE);
    expect(first.changed).not.toBe('all');
    expect(index.stale()).toBeGreaterThan(0);
    let update = first;
    while (index.stale() > 0) {
      update = index.drain();
      expect((update.changed as ReadonlySet<string>).size).toBeLessThanOrEqual(RECHIP_BUDGET);
    }
    expect(update.view).toEqual(buildGridView(listCluster(objects)));
  });
});
