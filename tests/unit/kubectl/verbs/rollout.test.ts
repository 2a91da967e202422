import { describe, expect, it } from 'vitest';
import type { DaemonSet } from '../../../../src/engine/api/types';
import { rolloutStatus } from '../../../../src/kubectl/index';
import { fluentdYaml, kubectl, mustRun, newCluster } from '../helpers';

const WAITING =
  /^Waiting for daemon set "fluentd" rollout to finish: (\d+ out of 4 new pods have been updated|\d+ of 4 updated pods are available)\.\.\.\n$/;

function rolledOut(): ReturnType<typeof newCluster> {
  const sim = newCluster({ nodes: 4, manifests: [fluentdYaml()], until: 30 });
  mustRun(sim, 'set image ds/fluentd fluentd=fluent/fluentd:v1.15-1 -n kube-system');
  sim.runUntil(600);
  return sim;
}

describe('kubectl rollout status', () => {
  it('answers at once with the DaemonSetStatusViewer messages, from observed spec to rolled out', () => {
    const sim = newCluster({ nodes: 4, manifests: [fluentdYaml()], until: 30 });
    mustRun(sim, 'set image ds/fluentd fluentd=fluent/fluentd:v1.15-1 -n kube-system');
    expect(mustRun(sim, 'rollout status ds/fluentd -n kube-system').stdout).toBe(
      'Waiting for daemon set spec update to be observed...\n',
    );
    const seen: string[] = [];
    for (let t = 30; t <= 600; t += 1) {
      sim.runUntil(t);
      const out = mustRun(sim, 'rollout status daemonset fluentd -n kube-system --watch=false').stdout;
      if (seen[seen.length - 1] !== out) seen.push(out);
    }
    expect(seen[0]).toBe(
      'Waiting for daemon set "fluentd" rollout to finish: 0 out of 4 new pods have been updated...\n',
    );
    expect(seen[seen.length - 1]).toBe('daemon set "fluentd" successfully rolled out\n');
    for (const msg of seen.slice(0, -1)) expect(msg).toMatch(WAITING);
  });

  it('returns a watch that prints each new message until the rollout is done', () => {
    const sim = newCluster({ nodes: 2, manifests: [fluentdYaml()], until: 30 });
    mustRun(sim, 'set image ds/fluentd fluentd=fluent/fluentd:v1.15-1 -n kube-system');
    sim.settle();
    const r = mustRun(sim, 'rollout status ds/fluentd -n kube-system');
    let printed = r.stdout;
    for (let t = 31; t <= 300; t++) {
      sim.runUntil(t);
      printed += r.watch?.format(sim.takeChanges()) ?? '';
    }
    const lines = printed.trim().split('\n');
    expect(new Set(lines).size).toBe(lines.length);
    expect(lines[lines.length - 1]).toBe('daemon set "fluentd" successfully rolled out');
  });

  it('exposes the same answer to the scenario runner', () => {
    const sim = rolledOut();
    expect(rolloutStatus(sim, 'kube-system', 'fluentd')).toEqual({
      ok: true,
      done: true,
      message: 'daemon set "fluentd" successfully rolled out',
    });
  });

  it('refuses an OnDelete DaemonSet as kubectl does', () => {
    const sim = newCluster({
      nodes: 1,
      manifests: [fluentdYaml({ extraSpec: '  updateStrategy: {type: OnDelete}' })],
    });
    expect(kubectl(sim, 'rollout status ds/fluentd -n kube-system').stderr).toBe(
      'error: rollout status is only available for RollingUpdate strategy type\n',
    );
  });
});

describe('kubectl rollout history', () => {
  it('lists revisions with CHANGE-CAUSE, as the name printer plus a tabbed table', () => {
    const sim = rolledOut();
    expect(mustRun(sim, 'rollout history ds/fluentd -n kube-system').stdout).toBe(
      'daemonset.apps/fluentd \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n',
    );
  });

  it('shows the pod template of one revision', () => {
    const sim = rolledOut();
    const out = mustRun(sim, 'rollout history ds/fluentd -n kube-system --revision=1').stdout;
    expect(out).toMatch(/^daemonset\.apps\/fluentd with revision #1\nPod Template:\n {2}Labels:/);
    expect(out).toContain('    Image:         fluent/fluentd:v1.14-1\n');
    expect(kubectl(sim, 'rollout history ds/fluentd -n kube-system --revision=9').stderr).toBe(
      'error: unable to find the specified revision\n',
    );
  });
});

describe('kubectl rollout undo', () => {
  it('copies the previous revision’s template back, then skips when it already matches', () => {
    const sim = rolledOut();
    expect(mustRun(sim, 'rollout undo ds/fluentd -n kube-system').stdout).toBe(
      'daemonset.apps/fluentd rolled back\n',
    );
    expect(
      sim.api.get<DaemonSet>('DaemonSet', 'kube-system', 'fluentd')?.spec.template.spec.containers[0]?.image,
    ).toBe('fluent/fluentd:v1.14-1');
    sim.runUntil(900);
    expect(mustRun(sim, 'rollout undo ds/fluentd -n kube-system --to-revision=3').stdout).toBe(
      'daemonset.apps/fluentd skipped rollback (current template already matches revision 3)\n',
    );
  });

  it.each([
    {
      name: 'a revision that does not exist',
      line: 'rollout undo ds/fluentd -n kube-system --to-revision=7',
      want: 'error: unable to find specified revision 7 in history\n',
    },
  ])('refuses $name', ({ line, want }) => {
    expect(kubectl(rolledOut(), line).stderr).toBe(want);
  });

  it('has no last revision to go back to on a fresh DaemonSet', () => {
    const sim = newCluster({ nodes: 1, manifests: [fluentdYaml()], until: 5 });
    expect(kubectl(sim, 'rollout undo ds/fluentd -n kube-system').stderr).toBe(
      'error: no last revision to roll back to\n',
    );
  });
});

describe('kubectl rollout restart, pause, resume', () => {
  it('restarts by stamping kubectl.kubernetes.io/restartedAt on the pod template', () => {
    const sim = newCluster({ nodes: 1, manifests: [fluentdYaml()], until: 65 });
    expect(mustRun(sim, 'rollout restart ds/fluentd -n kube-system').stdout).toBe(
      'daemonset.apps/fluentd restarted\n',
    );
    const ds = sim.api.get<DaemonSet>('DaemonSet', 'kube-system', 'fluentd');
    expect(ds?.spec.template.metadata?.annotations).toEqual({
      'kubectl.kubernetes.io/restartedAt': '2025-01-01T00:01:05Z',
    });
  });

  it('answers pause as kubectl does for a DaemonSet', () => {
    const sim = newCluster({ nodes: 1, manifests: [fluentdYaml()] });
    expect(kubectl(sim, 'rollout pause ds/fluentd -n kube-system')).toEqual({
      stdout: '',
      stderr: 'error: daemonsets.apps "fluentd" pausing is not supported\n',
      exitCode: 1,
    });
    expect(kubectl(sim, 'rollout resume daemonset/fluentd -n kube-system').stderr).toBe(
      'error: daemonsets.apps "fluentd" resuming is not supported\n',
    );
  });
});
