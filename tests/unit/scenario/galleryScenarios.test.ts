// Every gallery scenario, run headless, does what its description tells the learner to watch for.
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../../../src/scenario/report';
import { runGallery } from './galleryFiles';

/** nodesOf lists the nodes of an owner's live (not terminating) pods, sorted. */
const nodesOf = (r: RunReport, owner: string) =>
  r.pods
    .filter((p) => p.owner?.endsWith(`/${owner}`) && !p.terminating)
    .map((p) => p.node)
    .sort();

const traced = (r: RunReport, event: string, podPrefix: string) =>
  r.trace.filter((e) => e.event === event && e.pod.includes(`/${podPrefix}`));

const step = (r: RunReport, prefix: string, nth = 0) => {
  const found = r.steps.filter((s) => s.step.startsWith(prefix))[nth];
  if (!found) throw new Error(`no step ${prefix}`);
  return found;
};

/**
 * availabilityDuring replays the trace from `from` on: the most nodes at one instant without an
 * available pod of `prefix`, and the most pods of `prefix` at one instant on one node.
 */
function availabilityDuring(r: RunReport, prefix: string, from: number) {
  const available = new Map<string, string>();
  const live = new Map<string, string>();
  let worstUncovered = 0;
  let mostOnANode = 0;
  r.trace.forEach((e, i) => {
    if (!e.pod.includes(`/${prefix}`)) return;
    if (e.event === 'scheduled' && e.node) live.set(e.pod, e.node);
    if (e.event === 'available' && e.node) available.set(e.pod, e.node);
    if (['unready', 'terminating', 'deleted', 'evicted'].includes(e.event)) available.delete(e.pod);
    if (e.event === 'deleted') live.delete(e.pod);
    const next = r.trace[i + 1];
    if (e.t < from || (next && next.t === e.t)) return;
    const covered = new Set(available.values());
    worstUncovered = Math.max(worstUncovered, r.nodes.filter((n) => !covered.has(n.name)).length);
    const perNode = new Map<string, number>();
    for (const node of live.values()) perNode.set(node, (perNode.get(node) ?? 0) + 1);
    mostOnANode = Math.max(mostOnANode, ...perNode.values());
  });
  return { worstUncovered, mostOnANode };
}

describe('gallery scenarios run headless to the outcome their descriptions promise', () => {
  it('logging-agent-everywhere: one ready pod on every node, the control plane and the new node-4 included', () => {
    const r = runGallery('logging-agent-everywhere');
    expect(nodesOf(r, 'fluentd')).toEqual(['control-plane', 'node-1', 'node-2', 'node-3', 'node-4']);
    expect(r.pods.every((p) => p.ready)).toBe(true);
    const node4 = traced(r, 'scheduled', 'fluentd').find((e) => e.node === 'node-4');
    expect(node4?.t).toBe(20);
  });

  it('node-exporter-workers: never on a control-plane node; deleted from node-3 once it is labelled control-plane', () => {
    const r = runGallery('node-exporter-workers');
    expect(nodesOf(r, 'node-exporter')).toEqual(['node-1', 'node-2', 'node-4']);
    expect(traced(r, 'scheduled', 'node-exporter').map((e) => e.node)).not.toContain('control-plane');
    const deleted = traced(r, 'deleted', 'node-exporter');
    expect(deleted.map((e) => e.node)).toEqual(['node-3']);
    expect(deleted[0]!.t).toBeGreaterThanOrEqual(25);
  });

  it('gpu-monitor: only GPU nodes; the new gpu-3 gets one; unlabelled gpu-1 loses its pod; no GPU requested', () => {
    const r = runGallery('gpu-monitor');
    expect(nodesOf(r, 'dcgm-exporter')).toEqual(['gpu-2', 'gpu-3']);
    const scheduledOn = traced(r, 'scheduled', 'dcgm-exporter').map((e) => e.node);
    expect(scheduledOn).toEqual(expect.arrayContaining(['gpu-1', 'gpu-2', 'gpu-3']));
    expect(scheduledOn.some((n) => n?.startsWith('cpu-'))).toBe(false);
    expect(traced(r, 'deleted', 'dcgm-exporter').map((e) => e.node)).toEqual(['gpu-1']);
    expect(r.steps.every((s) => s.ok)).toBe(true);
  });

  it('taints-and-tolerations: NoSchedule keeps running pods, NoExecute evicts at once, tolerationSeconds after 60 s, again and again', () => {
    const early = runGallery('taints-and-tolerations', '15s');
    const exporter = early.daemonSets.find((d) => d.name === 'node-exporter')!;
    expect(exporter.status).toMatchObject({ desiredNumberScheduled: 2, numberMisscheduled: 1 });
    const r = runGallery('taints-and-tolerations', '3m');
    expect(traced(r, 'evicted', 'node-exporter').map((e) => [e.node, e.t])).toEqual([['node-2', 20]]);
    const shipper = traced(r, 'evicted', 'log-shipper');
    expect(shipper[0]).toMatchObject({ node: 'node-2', t: 80 });
    // The DaemonSet controller recreates the pod (the taint is tolerated), and it is evicted again.
    expect(shipper.length).toBeGreaterThanOrEqual(2);
    expect(shipper.every((e) => e.node === 'node-2')).toBe(true);
    expect(nodesOf(r, 'node-exporter')).toEqual(['node-1', 'node-3']);
    expect(r.trace.some((e) => e.node === 'node-4')).toBe(false);
  });

  it('cordon-vs-drain: cordon keeps every pod, drain refuses without --ignore-daemonsets, then keeps the daemon pod', () => {
    const r = runGallery('cordon-vs-drain');
    const refused = step(r, 'kubectl: drain node-2', 0);
    expect(refused.ok).toBe(false);
    expect(refused.output).toContain(
      'cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/fluentd-',
    );
    expect(step(r, 'kubectl: drain node-2 --ignore-daemonsets').ok).toBe(true);
    expect(nodesOf(r, 'fluentd')).toEqual(['node-1', 'node-2', 'node-3']);
    const web = r.pods.filter((p) => p.owner?.includes('/web-'));
    expect(web).toHaveLength(6);
    expect(web.some((p) => p.node === 'node-2')).toBe(false);
    // Cordoned node-1 kept its web pods: only node-2's were evicted.
    expect(r.trace.filter((e) => e.event === 'evicted').every((e) => e.node === 'node-2')).toBe(true);
    expect(r.nodes.every((n) => !n.unschedulable)).toBe(true);
  });

  it('node-failure: Unknown 50 s after the kubelet stops, unreachable taints, the web pod evicted 300 s later, fluentd stays', () => {
    expect(runGallery('node-failure', '59s').nodes.find((n) => n.name === 'node-2')?.conditions.Ready).toBe(
      'True',
    );
    const r = runGallery('node-failure');
    const node2 = r.nodes.find((n) => n.name === 'node-2')!;
    expect(node2.conditions.Ready).toBe('Unknown');
    expect(node2.taints).toEqual([
      { key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule' },
      { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' },
    ]);
    expect(r.trace.filter((e) => e.event === 'evicted').map((e) => [e.node, e.t])).toEqual([['node-2', 360]]);
    expect(traced(r, 'evicted', 'fluentd')).toEqual([]);
    expect(nodesOf(r, 'fluentd')).toContain('node-2');
    const web = r.pods.filter((p) => p.owner?.includes('/web-'));
    expect(web.filter((p) => p.ready && !p.terminating)).toHaveLength(3);
    expect(web.find((p) => p.node === 'node-2')?.terminating).toBe(true);
  });

  it('rolling-update: maxUnavailable 30% of 5 rounds up to 2 nodes at a time, and every pod ends on v1.17', () => {
    const r = runGallery('rolling-update');
    const start = step(r, 'kubectl: set image').t;
    expect(availabilityDuring(r, 'fluentd', start).worstUncovered).toBe(2);
    expect(r.pods.every((p) => p.images[0] === 'fluent/fluentd:v1.17-1' && p.ready)).toBe(true);
    expect(r.daemonSets[0]).toMatchObject({ currentRevision: 2 });
  });

  it('max-surge: a second pod beside the old one, and never a node without an available agent', () => {
    const r = runGallery('max-surge');
    const { worstUncovered, mostOnANode } = availabilityDuring(r, 'fluentd', step(r, 'kubectl: set image').t);
    expect(worstUncovered).toBe(0);
    expect(mostOnANode).toBe(2);
    expect(r.pods).toHaveLength(5);
    expect(r.pods.every((p) => p.images[0] === 'fluent/fluentd:v1.17-1')).toBe(true);
  });

  it('on-delete: set image replaces nothing, rollout status refuses, a deleted pod comes back on the new image', () => {
    const r = runGallery('on-delete');
    expect(step(r, 'kubectl: get ds').output).toMatch(/fluentd\s+5\s+5\s+5\s+0\s+5/);
    expect(step(r, 'kubectl: rollout status').output).toBe(
      'error: rollout status is only available for RollingUpdate strategy type',
    );
    expect(step(r, 'kubectl: delete pod').ok).toBe(true);
    const images = Object.fromEntries(r.pods.map((p) => [p.node, p.images[0]]));
    expect(images).toEqual({
      'node-1': 'fluent/fluentd:v1.17-1',
      'node-2': 'fluent/fluentd:v1.16-1',
      'node-3': 'fluent/fluentd:v1.16-1',
      'node-4': 'fluent/fluentd:v1.16-1',
      'node-5': 'fluent/fluentd:v1.16-1',
    });
  });

  it('stuck-rollout-undo: one node crash-loops and the rollout stops there; undo restores every node as revision 3', () => {
    const stuck = runGallery('stuck-rollout-undo', '139s');
    const crashing = stuck.pods.filter((p) => p.images[0] === 'fluent/fluentd:v1.17-1');
    expect(crashing).toHaveLength(1);
    expect(crashing[0]!.reason).toBe('CrashLoopBackOff');
    expect(stuck.pods.filter((p) => p.images[0] === 'fluent/fluentd:v1.16-1' && p.ready)).toHaveLength(3);
    const r = runGallery('stuck-rollout-undo');
    expect(r.pods).toHaveLength(4);
    expect(r.pods.every((p) => p.images[0] === 'fluent/fluentd:v1.16-1' && p.ready)).toBe(true);
    expect(r.daemonSets[0]).toMatchObject({ currentRevision: 3 });
    expect(step(r, 'kubectl: rollout history', 1).output).toMatch(
      /REVISION\s+CHANGE-CAUSE\n2\s+<none>\n3\s+<none>/,
    );
  });

  it("typo-tag-rollout: the missing tag fails to pull on one node with containerd's not-found, the rollout stalls there, undo rescues it", () => {
    const stuck = runGallery('typo-tag-rollout', '109s');
    const pulling = stuck.pods.filter((p) => p.images[0] === 'fluent/fluentd:v1.17');
    expect(pulling).toHaveLength(1);
    expect(pulling[0]!.reason).toBe('ImagePullBackOff');
    expect(stuck.pods.filter((p) => p.images[0] === 'fluent/fluentd:v1.16-1' && p.ready)).toHaveLength(3);
    const ref = 'docker.io/fluent/fluentd:v1.17';
    expect(stuck.events.map((e) => e.message)).toContain(
      `Failed to pull image "fluent/fluentd:v1.17": rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`,
    );
    // The kubelet's back-off between attempts: 10 s, 20 s, 40 s after each 2 s pull.
    const pulls = stuck.events.filter((e) => e.reason === 'Pulling' && e.message.includes('v1.17'));
    expect(pulls.map((e) => e.t)).toEqual([22, 34, 56, 98]);
    const r = runGallery('typo-tag-rollout');
    expect(step(r, 'kubectl: rollout status').output).toBe(
      'Waiting for daemon set "fluentd" rollout to finish: 1 out of 4 new pods have been updated...',
    );
    expect(r.pods).toHaveLength(4);
    expect(r.pods.every((p) => p.images[0] === 'fluent/fluentd:v1.16-1' && p.ready)).toBe(true);
    expect(r.daemonSets[0]).toMatchObject({ currentRevision: 3 });
  });

  it("resources-and-priority: Pending with the scheduler's reason, then system-node-critical preempts the encoder", () => {
    const r = runGallery('resources-and-priority');
    const failed = r.events.find((e) => e.reason === 'FailedScheduling');
    expect(failed?.message).toContain(
      "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't match Pod's node affinity/selector.",
    );
    expect(r.events.find((e) => e.reason === 'Preempted')?.object).toBe('Pod/default/video-encoder');
    expect(nodesOf(r, 'security-agent')).toEqual(['node-1', 'node-2', 'node-3']);
    expect(r.pods.every((p) => p.ready)).toBe(true);
    expect(r.pods.some((p) => p.name === 'video-encoder')).toBe(false);
  });

  it('daemonset-vs-deployment: the DaemonSet follows the nodes, the Deployment keeps 3 replicas', () => {
    const r = runGallery('daemonset-vs-deployment');
    expect(step(r, 'kubectl: get ds,deploy').output).toMatch(/daemonset\.apps\/node-agent\s+5\s+5/);
    expect(step(r, 'kubectl: get ds,deploy').output).toMatch(/deployment\.apps\/web\s+3\/3/);
    expect(nodesOf(r, 'node-agent')).toEqual(['node-2', 'node-3', 'node-4', 'node-5']);
    const web = r.pods.filter((p) => p.owner?.includes('/web-'));
    expect(web).toHaveLength(3);
    expect(web.every((p) => p.ready && p.node !== 'node-1')).toBe(true);
  });

  it('kube-bench-rejected: the API server refuses restartPolicy OnFailure in a DaemonSet', () => {
    const r = runGallery('kube-bench-rejected');
    const apply = step(r, 'kubectl: apply -f -');
    expect(apply.ok).toBe(false);
    expect(apply.output).toBe(
      'The DaemonSet "kube-bench" is invalid: spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
    );
    expect(r.daemonSets).toEqual([]);
    expect(r.pods).toEqual([]);
  });

  it('kube-bench-job-per-node: each node runs its own Job once; the pods end Succeeded and are not restarted', () => {
    const r = runGallery('kube-bench-job-per-node');
    const jobs = r.pods.filter((p) => p.owner?.startsWith('Job/default/kube-bench-node-'));
    expect(jobs.map((p) => [p.owner, p.node, p.phase])).toEqual([
      ['Job/default/kube-bench-node-1', 'node-1', 'Succeeded'],
      ['Job/default/kube-bench-node-2', 'node-2', 'Succeeded'],
      ['Job/default/kube-bench-node-3', 'node-3', 'Succeeded'],
    ]);
    // Pulled in 2 s, ran 20 s: each pod succeeded once, at 22 s, and none was started again.
    expect(traced(r, 'succeeded', 'kube-bench-node-').map((e) => e.t)).toEqual([22, 22, 22]);
    expect(traced(r, 'started', 'kube-bench-node-')).toHaveLength(3);
    const table = step(r, 'kubectl: get jobs').output;
    for (const n of [1, 2, 3])
      expect(table).toMatch(new RegExp(`kube-bench-node-${n}\\s+Complete\\s+1/1\\s+22s`));
    expect(step(r, 'kubectl: get pods').output).toMatch(/kube-bench-node-1-\w+\s+0\/1\s+Completed\s+0/);
  });

  it('statefulset-node-failure: fluentd stays, the api pod is replaced at 380 s, db-1 only after the node is deleted (at most one per identity)', () => {
    const r = runGallery('statefulset-node-failure');
    expect(
      r.trace
        .filter((e) => e.event === 'evicted')
        .map((e) => [e.pod.split('/')[1]!.split('-')[0], e.node, e.t]),
    ).toEqual([
      ['api', 'node-2', 380],
      ['db', 'node-2', 380],
    ]);
    expect(traced(r, 'evicted', 'fluentd')).toEqual([]);
    // One replacement api pod as soon as the old one is deleted.
    expect(traced(r, 'created', 'api-').filter((e) => e.t === 380)).toHaveLength(1);
    // db-1: created once at 2 s, never again while node-2 is away; again only when the pod GC
    // removes the old one, 40 s after `kubectl delete node` at 640 s.
    expect(traced(r, 'created', 'db-1').map((e) => e.t)).toEqual([2, 680]);
    expect(traced(r, 'deleted', 'db-1').map((e) => e.t)).toEqual([680]);
    const during = step(r, 'kubectl: get pods -o wide', 1).output;
    expect(during).toMatch(/^db-1\s+0\/1\s+Terminating\s+0\s+10m\s+\S+\s+node-2/m);
    expect(during.match(/^db-1 /gm)).toHaveLength(1);
    expect(step(r, 'kubectl: get sts db').output).toMatch(/^db\s+2\/3\s/m);
    expect(step(r, 'kubectl: get sts db', 1).output).toMatch(/^db\s+3\/3\s/m);
    const db1 = r.pods.find((p) => p.name === 'db-1')!;
    expect(db1.node).not.toBe('node-2');
    expect(db1.ready).toBe(true);
  });

  it('cleanup-cronjob-vs-daemonset: one Job pod per 15 minutes on one node, Completed; a DaemonSet pod Running on every node throughout', () => {
    const r = runGallery('cleanup-cronjob-vs-daemonset');
    const jobPods = r.pods.filter((p) => p.owner?.startsWith('Job/default/tmp-cleanup-'));
    expect(jobPods.map((p) => [p.owner, p.phase])).toEqual([
      ['Job/default/tmp-cleanup-28928175', 'Succeeded'],
      ['Job/default/tmp-cleanup-28928190', 'Succeeded'],
    ]);
    // Each run started just after its start time (00:15, 00:30), on one node, once.
    expect(traced(r, 'started', 'tmp-cleanup-').map((e) => Math.floor(e.t / 60))).toEqual([15, 30]);
    expect(nodesOf(r, 'tmp-cleaner')).toEqual(['node-1', 'node-2', 'node-3']);
    expect(traced(r, 'started', 'tmp-cleaner-')).toHaveLength(3);
    expect(step(r, 'kubectl: get cronjobs').output).toMatch(
      /tmp-cleanup\s+\*\/15 \* \* \* \*\s+<none>\s+False\s+0\s+60s/,
    );
    expect(step(r, 'kubectl: get jobs', 1).output).toMatch(
      /tmp-cleanup-28928175\s+Complete\s+1\/1\s+30s[\s\S]*tmp-cleanup-28928190\s+Complete\s+1\/1\s+30s/,
    );
  });

  it('five-controllers: the daemon pod stays on the failed node, web is replaced at 380 s, db-1 waits Terminating; each rolls a new image its own way', () => {
    const r = runGallery('five-controllers');
    const during = step(r, 'kubectl: get pods -o wide').output;
    const on = (name: RegExp) => during.split('\n').filter((l) => name.test(l));
    // DaemonSet (pkg/controller/daemon): tolerates unreachable without tolerationSeconds.
    expect(on(/^node-agent-/).some((l) => /\sRunning\s.*\snode-2\s/.test(l))).toBe(true);
    expect(traced(r, 'evicted', 'node-agent')).toEqual([]);
    // Deployment: evicted at 30 + 50 + 300 s, a replacement on a healthy node at once.
    expect(traced(r, 'evicted', 'web-').map((e) => [e.node, e.t])).toEqual([['node-2', 380]]);
    expect(on(/^web-/).filter((l) => /\s1\/1\s+Running\s/.test(l) && !/\snode-2\s/.test(l))).toHaveLength(2);
    // StatefulSet (stateful_set_control.go): no second db-1 while the old one is Terminating;
    // again 2 s after node-2 recovers at 690 s (its kubelet ends the old one), then the rollout's.
    expect(on(/^db-1 /)).toHaveLength(1);
    expect(on(/^db-1 /)[0]).toMatch(/\sTerminating\s.*\snode-2\s/);
    expect(traced(r, 'created', 'db-1').map((e) => e.t)).toEqual([2, 692, 722]);
    // CronJob: the 00:05 and 00:10 runs go to healthy nodes; the finished Job is not run again.
    for (const run of ['report-28928165-', 'report-28928170-'])
      expect(traced(r, 'scheduled', run).map((e) => e.node)).not.toContain('node-2');
    expect(traced(r, 'scheduled', 'report-')).toHaveLength(3);
    expect(traced(r, 'created', 'migrate-')).toHaveLength(1);
    // New images: StatefulSet from the highest ordinal down; Job refused; CronJob next run.
    expect(
      traced(r, 'deleted', 'db-')
        .filter((e) => e.t >= 720)
        .map((e) => e.pod.split('/')[1]),
    ).toEqual(['db-1', 'db-0']);
    expect(step(r, 'kubectl: set image job/migrate').ok).toBe(false);
    expect(step(r, 'kubectl: set image job/migrate').output).toMatch(/field is immutable/);
    expect(step(r, 'kubectl: get sts db').output).toMatch(/^db\s+2\/2\s/m);
    expect(step(r, 'kubectl: get jobs -o wide').output).toMatch(
      /report-28928165\s+Complete\s.*busybox:1\.36[\s\S]*report-28928170\s+Complete\s.*busybox:1\.36[\s\S]*report-28928175\s+Complete\s.*busybox:1\.37/,
    );
    const live = r.pods.filter((p) => !p.terminating && p.phase === 'Running');
    for (const [owner, image] of [
      ['node-agent', 'fluent/fluent-bit:3.1'],
      ['web', 'nginx:1.28'],
      ['db', 'postgres:17'],
    ] as const)
      expect(live.filter((p) => p.name.startsWith(`${owner}-`)).every((p) => p.images.includes(image))).toBe(
        true,
      );
    expect(nodesOf(r, 'node-agent')).toEqual(['node-1', 'node-2', 'node-3']);
  });

  it.each(['lesson-first-daemonset', 'lesson-node-maintenance'])(
    '%s: starts in a quiet, healthy cluster (the learner makes every change)',
    (name) => {
      const r = runGallery(name);
      expect(r.steps).toEqual([]);
      expect(r.pods.length).toBeGreaterThan(0);
      expect(r.pods.every((p) => p.ready)).toBe(true);
    },
  );
});
