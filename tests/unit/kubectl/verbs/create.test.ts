import { describe, expect, it } from 'vitest';
import { fluentdYaml, kubectl, mustRun, newCluster } from '../helpers';

describe('kubectl create -f -', () => {
  it('creates an object and refuses to create it twice', () => {
    const sim = newCluster({ nodes: 0 });
    expect(mustRun(sim, 'create -f -', fluentdYaml()).stdout).toBe('daemonset.apps/fluentd created\n');
    expect(kubectl(sim, 'create -f -', fluentdYaml())).toEqual({
      stdout: '',
      stderr:
        'Error from server (AlreadyExists): error when creating "STDIN": daemonsets.apps "fluentd" already exists\n',
      exitCode: 1,
    });
  });

  it('has no `create daemonset` generator, as real kubectl has none', () => {
    expect(kubectl(newCluster({ nodes: 0 }), 'create daemonset fluentd').stderr).toBe(
      "error: Unexpected args: [daemonset fluentd]\nSee 'kubectl create -h' for help and examples\n",
    );
  });

  it('validates under --dry-run=server without creating', () => {
    const sim = newCluster({ nodes: 0 });
    expect(mustRun(sim, 'create --dry-run=server -f -', fluentdYaml()).stdout).toBe(
      'daemonset.apps/fluentd created (server dry run)\n',
    );
    expect(sim.api.get('DaemonSet', 'kube-system', 'fluentd')).toBeUndefined();
  });
});
