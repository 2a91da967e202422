import { describe, expect, it } from 'vitest';
import { fluentdYaml, kubectl, mustRun, newCluster } from '../helpers';

describe('kubectl annotate', () => {
  it('adds, overwrites with --overwrite and removes annotations', () => {
    const sim = newCluster({ nodes: 0, manifests: [fluentdYaml()] });
    expect(mustRun(sim, 'annotate ds fluentd -n kube-system owner=team-a').stdout).toBe(
      'daemonset.apps/fluentd annotated\n',
    );
    expect(mustRun(sim, 'annotate ds fluentd -n kube-system owner=team-b --overwrite').stdout).toBe(
      'daemonset.apps/fluentd annotated\n',
    );
    expect(sim.api.get('DaemonSet', 'kube-system', 'fluentd')?.metadata.annotations?.['owner']).toBe(
      'team-b',
    );
    mustRun(sim, 'annotate ds fluentd -n kube-system owner-');
    expect(
      sim.api.get('DaemonSet', 'kube-system', 'fluentd')?.metadata.annotations?.['owner'],
    ).toBeUndefined();
  });

  it('refuses to overwrite an annotation without --overwrite, listing every clash', () => {
    const sim = newCluster({ nodes: 1 });
    mustRun(sim, 'annotate node node-1 a=1 b=2');
    expect(kubectl(sim, 'annotate node node-1 a=3 b=4').stderr).toBe(
      "error: --overwrite is false but found the following declared annotation(s): 'a' already has a value (1); 'b' already has a value (2)\n",
    );
  });

  it('always lets kubernetes.io/change-cause be overwritten', () => {
    const sim = newCluster({ nodes: 0, manifests: [fluentdYaml()] });
    mustRun(sim, 'annotate ds fluentd -n kube-system kubernetes.io/change-cause=first');
    expect(mustRun(sim, 'annotate ds fluentd -n kube-system kubernetes.io/change-cause=second').stdout).toBe(
      'daemonset.apps/fluentd annotated\n',
    );
  });

  it('refuses a line without annotation changes', () => {
    expect(kubectl(newCluster({ nodes: 1 }), 'annotate node node-1').stderr).toBe(
      'error: at least one annotation update is required\n',
    );
  });
});
