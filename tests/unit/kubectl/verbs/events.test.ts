import { describe, expect, it } from 'vitest';
import { fluentdYaml, kubectl, mustRun, newCluster } from '../helpers';

describe('kubectl events', () => {
  it('lists events oldest first, with Kind/name objects', () => {
    const sim = newCluster({ nodes: 1, manifests: [fluentdYaml()], until: 30 });
    const lines = mustRun(sim, 'events -n kube-system --for daemonset/fluentd').stdout.split('\n');
    expect(lines[0]).toBe('LAST SEEN   TYPE     REASON             OBJECT              MESSAGE');
    expect(lines[1]).toMatch(
      /^30s {9}Normal {3}SuccessfulCreate {3}DaemonSet\/fluentd {3}Created pod: fluentd-\w{5}$/,
    );
  });

  it('filters by --types and says when nothing is left', () => {
    const sim = newCluster({ nodes: 1, manifests: [fluentdYaml()], until: 30 });
    expect(kubectl(sim, 'events -n kube-system --types=Warning')).toEqual({
      stdout: '',
      stderr: 'No events found in kube-system namespace.\n',
      exitCode: 0,
    });
  });
});
