// kubectl delete --cascade (delete_flags.go parseCascadingFlag) and what each policy leaves.
import { describe, expect, it } from 'vitest';
import type { DaemonSet, Pod } from '../../../../src/engine/api/types';
import { fluentdYaml, kubectl, mustRun, newCluster } from '../helpers';

const deprecated = (value: string, instead: string) =>
  `warning: --cascade=${value} is deprecated (boolean value) and can be replaced with --cascade=${instead}.\n`;

describe('kubectl delete --cascade (parseCascadingFlag)', () => {
  it.each([
    // flag, warning, what is left right after the delete has settled
    { flag: '', warning: '', left: 'terminating pods' },
    { flag: ' --cascade', warning: '', left: 'terminating pods' },
    { flag: ' --cascade=background', warning: '', left: 'terminating pods' },
    { flag: ' --cascade=foreground', warning: '', left: 'the DaemonSet, waiting' },
    { flag: ' --cascade=orphan', warning: '', left: 'running orphans' },
    { flag: ' --cascade=true', warning: deprecated('true', 'background'), left: 'terminating pods' },
    { flag: ' --cascade=false', warning: deprecated('false', 'orphan'), left: 'running orphans' },
    { flag: ' --cascade=1', warning: deprecated('1', 'background'), left: 'terminating pods' },
    { flag: ' --cascade=F', warning: deprecated('F', 'orphan'), left: 'running orphans' },
  ])('delete ds fluentd$flag leaves $left', ({ flag, warning, left }) => {
    const sim = newCluster({ nodes: 2, manifests: [fluentdYaml()], until: 30 });
    const r = kubectl(sim, `delete ds fluentd -n kube-system${flag}`);
    expect(r).toEqual({ stdout: 'daemonset.apps "fluentd" deleted\n', stderr: warning, exitCode: 0 });
    sim.settle();
    const ds = sim.api.get<DaemonSet>('DaemonSet', 'kube-system', 'fluentd');
    const pods = sim.api.list<Pod>('Pod', 'kube-system');
    const seen =
      ds !== undefined
        ? ds.metadata.finalizers?.includes('foregroundDeletion') &&
          pods.every((p) => p.metadata.deletionTimestamp)
          ? 'the DaemonSet, waiting'
          : 'the DaemonSet'
        : pods.every((p) => p.metadata.deletionTimestamp)
          ? 'terminating pods'
          : pods.every((p) => !p.metadata.ownerReferences && !p.metadata.deletionTimestamp)
            ? 'running orphans'
            : 'something else';
    expect(pods).toHaveLength(2);
    expect(seen).toBe(left);
  });

  it('refuses any other value with kubectl’s error', () => {
    const sim = newCluster({ nodes: 1, manifests: [fluentdYaml()], until: 5 });
    expect(kubectl(sim, 'delete ds fluentd -n kube-system --cascade=yes')).toEqual({
      stdout: '',
      stderr: 'error: invalid cascade value (yes). Must be "background", "foreground", or "orphan"\n',
      exitCode: 1,
    });
    expect(sim.api.get('DaemonSet', 'kube-system', 'fluentd')).toBeDefined();
  });

  it('shows a foreground deletion in get -o yaml and describe, and the orphans without a controller', () => {
    const sim = newCluster({ nodes: 1, manifests: [fluentdYaml()], until: 30 });
    mustRun(sim, 'delete ds fluentd -n kube-system --cascade=foreground');
    const yaml = mustRun(sim, 'get ds fluentd -n kube-system -o yaml').stdout;
    expect(yaml).toMatch(/deletionTimestamp: "?\d{4}-/);
    expect(yaml).toContain('finalizers:\n  - foregroundDeletion\n');
    sim.runUntil(sim.now() + 60);
    expect(kubectl(sim, 'get ds fluentd -n kube-system').stderr).toContain('not found');

    const again = newCluster({ nodes: 1, manifests: [fluentdYaml()], until: 30 });
    mustRun(again, 'delete ds fluentd -n kube-system --cascade=orphan');
    again.runUntil(again.now() + 5);
    const [pod] = again.api.list<Pod>('Pod', 'kube-system');
    const describe = mustRun(again, `describe pod ${pod!.metadata.name} -n kube-system`).stdout;
    expect(describe).not.toContain('Controlled By:');
    expect(mustRun(again, `get pod ${pod!.metadata.name} -n kube-system -o yaml`).stdout).not.toContain(
      'ownerReferences',
    );
    // Applying the DaemonSet again adopts the running pod: the same name, now controlled again.
    mustRun(again, 'apply -f -', fluentdYaml());
    again.runUntil(again.now() + 5);
    expect(mustRun(again, `describe pod ${pod!.metadata.name} -n kube-system`).stdout).toContain(
      'Controlled By:  DaemonSet/fluentd',
    );
  });
});
