import { describe, expect, it } from 'vitest';
import type { DaemonSet } from '../../../../src/engine/api/types';
import { fluentdYaml, kubectl, mustRun, newCluster } from '../helpers';

describe('kubectl apply -f -', () => {
  it('creates, then configures on change, then leaves an equal manifest unchanged', () => {
    const sim = newCluster({ nodes: 1 });
    expect(mustRun(sim, 'apply -f -', fluentdYaml()).stdout).toBe('daemonset.apps/fluentd created\n');
    expect(mustRun(sim, 'apply -f -', fluentdYaml()).stdout).toBe('daemonset.apps/fluentd unchanged\n');
    expect(mustRun(sim, 'apply -f -', fluentdYaml({ image: 'fluent/fluentd:v1.15' })).stdout).toBe(
      'daemonset.apps/fluentd configured\n',
    );
    expect(
      sim.api.get<DaemonSet>('DaemonSet', 'kube-system', 'fluentd')?.spec.template.spec.containers[0]?.image,
    ).toBe('fluent/fluentd:v1.15');
  });

  it('records the manifest in last-applied-configuration, as sorted JSON', () => {
    const sim = newCluster({ nodes: 0, manifests: [fluentdYaml()] });
    const ds = sim.api.get<DaemonSet>('DaemonSet', 'kube-system', 'fluentd');
    expect(ds?.metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration']).toBe(
      '{"apiVersion":"apps/v1","kind":"DaemonSet","metadata":{"annotations":{},"labels":{"app":"fluentd"},"name":"fluentd","namespace":"kube-system"},' +
        '"spec":{"selector":{"matchLabels":{"app":"fluentd"}},"template":{"metadata":{"labels":{"app":"fluentd"}},"spec":{"containers":[{"image":"fluent/fluentd:v1.14-1","name":"fluentd"}]}}}}\n',
    );
  });

  it('removes a field the last manifest had and the new one dropped, but keeps fields others set', () => {
    const sim = newCluster({
      nodes: 0,
      manifests: [
        fluentdYaml().replace('  labels: {app: fluentd}\n', '  labels: {app: fluentd, tier: logs}\n'),
      ],
    });
    mustRun(sim, 'label ds fluentd -n kube-system team=obs');
    expect(mustRun(sim, 'apply -f -', fluentdYaml()).stdout).toBe('daemonset.apps/fluentd configured\n');
    expect(sim.api.get<DaemonSet>('DaemonSet', 'kube-system', 'fluentd')?.metadata.labels).toEqual({
      app: 'fluentd',
      team: 'obs',
    });
  });

  it('puts objects without a namespace into -n, and refuses a manifest naming another namespace', () => {
    const sim = newCluster({ nodes: 0 });
    const noNamespace = fluentdYaml().replace('  namespace: kube-system\n', '');
    expect(mustRun(sim, 'apply -n logging -f -', noNamespace).stdout).toBe(
      'daemonset.apps/fluentd created\n',
    );
    expect(sim.api.get('DaemonSet', 'logging', 'fluentd')).toBeDefined();
    expect(kubectl(sim, 'apply -n logging -f -', fluentdYaml()).stderr).toBe(
      `error: the namespace from the provided object "kube-system" does not match the namespace "logging". You must pass '--namespace=kube-system' to perform this operation.\n`,
    );
  });

  it('reports validation errors as the API server words them, and applies the valid objects', () => {
    const sim = newCluster({ nodes: 0 });
    const bad = fluentdYaml()
      .replace('name: fluentd\n  namespace', 'name: bad\n  namespace')
      .replace('      containers:', '      restartPolicy: OnFailure\n      containers:');
    const r = kubectl(sim, 'apply -f -', `${bad}---\n${fluentdYaml()}`);
    expect(r).toEqual({
      stdout: 'daemonset.apps/fluentd created\n',
      stderr:
        'The DaemonSet "bad" is invalid: spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"\n',
      exitCode: 1,
    });
  });

  it('refuses an immutable selector change on update', () => {
    const sim = newCluster({ nodes: 0, manifests: [fluentdYaml()] });
    const changed = fluentdYaml()
      .replace('matchLabels: {app: fluentd}', 'matchLabels: {app: fluentd, tier: x}')
      .replace('      labels: {app: fluentd}', '      labels: {app: fluentd, tier: x}');
    const r = kubectl(sim, 'apply -f -', changed);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(
      /^The DaemonSet "fluentd" is invalid: spec\.selector: Invalid value: .*field is immutable\n$/,
    );
  });

  it('warns about objects created without apply, then patches the annotation in', () => {
    const sim = newCluster({ nodes: 0 });
    mustRun(sim, 'create -f -', fluentdYaml());
    const r = kubectl(sim, 'apply -f -', fluentdYaml({ image: 'x:2' }));
    expect(r.stdout).toBe('daemonset.apps/fluentd configured\n');
    expect(r.stderr).toBe(
      'Warning: resource daemonsets/fluentd is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. ' +
        'kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n',
    );
  });

  it('changes nothing under --dry-run=client and says so', () => {
    const sim = newCluster({ nodes: 0 });
    expect(mustRun(sim, 'apply --dry-run=client -f -', fluentdYaml()).stdout).toBe(
      'daemonset.apps/fluentd created (dry run)\n',
    );
    expect(sim.api.get('DaemonSet', 'kube-system', 'fluentd')).toBeUndefined();
  });

  it.each([
    { name: 'nothing on stdin', line: 'apply -f -', stdin: '', want: 'error: no objects passed to apply\n' },
    { name: 'no -f', line: 'apply', stdin: undefined, want: 'error: must specify one of -f and -k\n' },
    {
      name: 'an unknown kind',
      line: 'apply -f -',
      stdin: 'apiVersion: v1\nkind: Widget\nmetadata: {name: w}\n',
      want: 'error: resource mapping not found for name: "w" namespace: "" from "STDIN": no matches for kind "Widget" in version "v1"\nensure CRDs are installed first\n',
    },
  ])('refuses $name', ({ line, stdin, want }) => {
    expect(kubectl(newCluster({ nodes: 0 }), line, stdin).stderr).toBe(want);
  });
});
