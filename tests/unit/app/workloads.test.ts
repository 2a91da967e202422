import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../src/engine/api/types';
import { buildGridView } from '../../../src/app/grid/gridView';
import { nodeConditions, nodeResources } from '../../../src/app/grid/nodeFacts';
import { disruptionOf, preemptedPods, summarizeWorkloads } from '../../../src/app/grid/workloads';
import { listCluster } from '../../../src/app/model/cluster';
import { ScenarioSession } from '../../../src/scenario/session';
import type { FeedEvent } from '../../../src/worker/protocol';
import { indexByUid } from '../../../src/worker/squash';
import {
  newDaemonSet,
  newCronJob,
  newDeployment,
  newJob,
  newNode,
  newNodes,
  newPod,
  newStatefulSet,
} from '../../fixtures/builders';
import { manifestYaml } from '../../fixtures/cluster';

// Three 2-CPU nodes, a DaemonSet asking for half a CPU on each and a Deployment beside it.
const NODES =
  manifestYaml(...newNodes(1, 3, { allocatable: { cpu: '2', memory: '4Gi', pods: '110' } })) + '---\n';
const AGENT = manifestYaml(
  newDaemonSet('agent', {
    namespace: 'kube-system',
    image: 'falcosecurity/falco:0.38.1',
    resources: { requests: { cpu: '500m', memory: '512Mi' } },
  }),
);
const WEB =
  '---\n' + manifestYaml(newDeployment('web', { replicas: 4, requests: { cpu: '100m', memory: '128Mi' } }));

function session(text: string): ScenarioSession {
  const { session: s, errors } = ScenarioSession.create(text);
  if (!s) throw new Error(errors.map((e) => e.message).join('\n'));
  return s;
}

function lists(s: ScenarioSession) {
  return listCluster(indexByUid(s.sim.snapshot()));
}

describe('summarizeWorkloads', () => {
  it('counts a DaemonSet as one pod per node and a Deployment as N pods on however many nodes', () => {
    const s = session(NODES + AGENT + WEB);
    s.advance(30);
    const [ds, web] = summarizeWorkloads(lists(s));
    expect(ds).toMatchObject({
      kind: 'DaemonSet',
      name: 'agent',
      pods: 3,
      nodes: 3,
      maxPerNode: 1,
      desired: 3,
    });
    expect(ds?.text).toBe('DaemonSet agent: 1 per node on 3 nodes (3 eligible)');
    expect(web).toMatchObject({ kind: 'Deployment', name: 'web', pods: 4, desired: 4 });
    expect(web?.text).toMatch(/^Deployment web: 4 pods on [1-3] nodes? \(4 wanted, anywhere\)$/);
    // A new node gets a daemon pod; the Deployment does not grow.
    s.run('sim node add node-4');
    s.advance(30);
    const [ds2, web2] = summarizeWorkloads(lists(s));
    expect(ds2?.pods).toBe(4);
    expect(web2?.pods).toBe(4);
  });

  it('names the Deployment, not its ReplicaSet, on the chips of its pods', () => {
    const s = session(NODES + AGENT + WEB);
    s.advance(30);
    const chips = buildGridView(lists(s)).nodes.flatMap((n) => n.pods);
    const web = chips.filter((c) => c.workloadKind === 'Deployment');
    expect(web).toHaveLength(4);
    expect(new Set(web.map((c) => c.workloadName))).toEqual(new Set(['web']));
    // Daemon pods come first on every card.
    for (const node of buildGridView(lists(s)).nodes) expect(node.pods[0]?.workloadKind).toBe('DaemonSet');
  });
});

describe('StatefulSet pods in the grid and the comparison', () => {
  const DB = '---\n' + manifestYaml(newStatefulSet('db', { replicas: 3, image: 'postgres:16' }));

  it("chips name the StatefulSet, show the ordinal, and read the pods' revision name as the current revision", () => {
    const s = session(NODES + DB);
    s.advance(60);
    const chips = buildGridView(lists(s))
      .nodes.flatMap((n) => n.pods)
      .filter((c) => c.workloadKind === 'StatefulSet')
      .sort((a, b) => a.name.localeCompare(b.name));
    expect(chips.map((c) => [c.name, c.workloadName, c.revision, c.revisionAge])).toEqual([
      ['db-0', 'db', '1', 'current'],
      ['db-1', 'db', '1', 'current'],
      ['db-2', 'db', '1', 'current'],
    ]);
  });

  it('summarizes a StatefulSet by its replicas, one pod per ordinal', () => {
    const s = session(NODES + DB);
    s.advance(60);
    const db = summarizeWorkloads(lists(s)).find((w) => w.kind === 'StatefulSet');
    expect(db).toMatchObject({ name: 'db', pods: 3, desired: 3 });
    expect(db?.text).toMatch(/^StatefulSet db: 3 pods on [1-3] nodes? \(3 wanted, one per ordinal\)$/);
  });

  // A CronJob owns its Jobs (pkg/controller/cronjob getJobFromTemplate2 sets the controller
  // reference), so the view counts a run under the CronJob and never as a stray Job.
  it("counts a CronJob's running Job under the CronJob, a bare Job by itself", () => {
    const cron = '---\n' + manifestYaml(newCronJob('tick', { schedule: '*/1 * * * *', runSeconds: 30 }));
    const bench = '---\n' + manifestYaml(newJob('bench', { runSeconds: 5 }));
    const s = session(NODES + cron + bench);
    s.advance(70);
    const all = summarizeWorkloads(lists(s));
    expect(all.map((w) => [w.kind, w.name])).toEqual([
      ['Job', 'bench'],
      ['CronJob', 'tick'],
    ]);
    const [job, tick] = all;
    expect(job?.text).toBe('Job bench: Complete 1/1, 0 pods running on 0 nodes');
    expect(tick).toMatchObject({ pods: 1, nodes: 1 });
    expect(tick?.text).toBe('CronJob tick (*/1 * * * *): 1 active Job, last scheduled 00:01');
    const chip = buildGridView(lists(s))
      .nodes.flatMap((n) => n.pods)
      .find((p) => p.name.startsWith('tick-'));
    expect(chip?.workloadKind).toBe('CronJob');
  });
});

describe('disruptionOf', () => {
  it('marks the victim of a preemption while it leaves, from the Preempted event', () => {
    const encoder =
      manifestYaml(
        newPod('video-encoder', {
          nodeName: 'node-3',
          containers: [
            {
              name: 'ffmpeg',
              image: 'jrottenberg/ffmpeg:7.0-ubuntu',
              resources: { requests: { cpu: '1800m', memory: '2Gi' } },
            },
          ],
        }),
      ) + '---\n';
    const s = session(NODES + encoder + AGENT);
    s.advance(20);
    s.run(
      `kubectl patch ds agent -n kube-system --type merge -p '{"spec":{"template":{"spec":{"priorityClassName":"system-node-critical"}}}}'`,
    );
    let victim: Pod | undefined;
    for (let i = 0; i < 200 && !victim; i++) {
      s.advance(0.1);
      victim = s.sim.api.get<Pod>('Pod', 'default', 'video-encoder');
      if (victim && !victim.metadata.deletionTimestamp) victim = undefined;
    }
    if (!victim) throw new Error('the encoder was never preempted');
    const events: FeedEvent[] = [...s.sim.recorder.log];
    expect(disruptionOf(victim, events)?.kind).toBe('preempted');
    const chip = buildGridView(lists(s), preemptedPods(events))
      .nodes.find((n) => n.name === 'node-3')
      ?.pods.find((p) => p.name === 'video-encoder');
    expect(chip).toMatchObject({ status: 'Terminating', disruption: 'preempted' });
  });

  it('reads a node-pressure eviction, an admission rejection and a taint-manager eviction from the pod status', () => {
    const evicted = newPod('a', { nodeName: 'n1', phase: 'Failed' });
    evicted.status = { phase: 'Failed', reason: 'Evicted', message: 'The node was low on resource: memory.' };
    expect(disruptionOf(evicted, [])).toEqual({
      kind: 'evicted',
      text: 'Evicted by the kubelet (node pressure): The node was low on resource: memory.',
    });
    const rejected = newPod('r', { nodeName: 'n1', phase: 'Failed' });
    rejected.status = {
      phase: 'Failed',
      reason: 'Evicted',
      message: 'Pod was rejected: The node had condition: [DiskPressure]. ',
    };
    expect(disruptionOf(rejected, [])).toEqual({
      kind: 'evicted',
      text: 'Rejected by the kubelet (node pressure): The node had condition: [DiskPressure].',
    });
    const tainted = newPod('b', { nodeName: 'n1' });
    tainted.status = {
      phase: 'Running',
      conditions: [{ type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager' }],
    };
    expect(disruptionOf(tainted, [])?.text).toContain('taint manager');
    const drained = newPod('d', { nodeName: 'n1' });
    drained.status = {
      phase: 'Running',
      conditions: [{ type: 'DisruptionTarget', status: 'True', reason: 'EvictionByEvictionAPI' }],
    };
    expect(disruptionOf(drained, [])).toMatchObject({
      kind: 'evicted',
      text: expect.stringContaining('Eviction API'),
    });
    const preempted = newPod('e', { nodeName: 'n1' });
    preempted.status = {
      phase: 'Running',
      conditions: [{ type: 'DisruptionTarget', status: 'True', reason: 'PreemptionByScheduler' }],
    };
    expect(disruptionOf(preempted, [])?.kind).toBe('preempted');
    expect(disruptionOf(newPod('c'), [])).toBeNull();
  });
});

describe('nodeFacts', () => {
  it('sums the requests of unfinished pods against allocatable, as the scheduler does', () => {
    const node = newNode('n1', { allocatable: { cpu: '4', memory: '8Gi', pods: '110' } });
    const running = newPod('a', { nodeName: 'n1', requests: { cpu: '250m', memory: '256Mi' } });
    const other = newPod('b', { nodeName: 'n1', requests: { cpu: '100m', memory: '200Mi' } });
    const failed = newPod('c', { nodeName: 'n1', phase: 'Failed', requests: { cpu: '1', memory: '1Gi' } });
    expect(nodeResources(node, [running, other, failed])).toEqual([
      { resource: 'cpu', requested: 350, allocatable: 4000, fraction: 350 / 4000, text: '350m/4' },
      {
        resource: 'memory',
        requested: 456 * 1024 * 1024,
        allocatable: 8 * 1024 ** 3,
        fraction: 456 / 8192,
        text: '456Mi/8Gi',
      },
    ]);
  });

  it('lists pressure conditions that are True', () => {
    const node = newNode('n1');
    node.status.conditions = [
      { type: 'Ready', status: 'True' },
      { type: 'MemoryPressure', status: 'True' },
      { type: 'DiskPressure', status: 'False' },
      { type: 'PIDPressure', status: 'True' },
    ];
    expect(nodeConditions(node)).toEqual(['MemoryPressure', 'PIDPressure']);
  });
});
