import { describe, expect, it } from 'vitest';
import type { DaemonSet } from '../../../../src/engine/api/types';
import { fluentdYaml, kubectl, mustRun, newCluster } from '../helpers';

function ds(sim: ReturnType<typeof newCluster>): DaemonSet | undefined {
  return sim.api.get<DaemonSet>('DaemonSet', 'kube-system', 'fluentd');
}

describe('kubectl patch', () => {
  it('merges containers by name with a strategic merge patch (the default)', () => {
    const sim = newCluster({ nodes: 0, manifests: [fluentdYaml()] });
    const p = `'{"spec":{"template":{"spec":{"containers":[{"name":"sidecar","image":"busybox"}]}}}}'`;
    expect(mustRun(sim, `patch ds fluentd -n kube-system -p ${p}`).stdout).toBe(
      'daemonset.apps/fluentd patched\n',
    );
    expect(ds(sim)?.spec.template.spec.containers.map((c) => c.name)).toEqual(['fluentd', 'sidecar']);
  });

  it('replaces tolerations as a whole list, since they have no merge key', () => {
    const sim = newCluster({ nodes: 0, manifests: [fluentdYaml()] });
    mustRun(
      sim,
      `patch ds fluentd -n kube-system -p '{"spec":{"template":{"spec":{"tolerations":[{"key":"a","operator":"Exists"}]}}}}'`,
    );
    mustRun(
      sim,
      `patch ds fluentd -n kube-system -p '{"spec":{"template":{"spec":{"tolerations":[{"key":"b","operator":"Exists"}]}}}}'`,
    );
    expect(ds(sim)?.spec.template.spec.tolerations).toEqual([{ key: 'b', operator: 'Exists' }]);
  });

  it('replaces lists with --type merge', () => {
    const sim = newCluster({ nodes: 0, manifests: [fluentdYaml()] });
    mustRun(
      sim,
      `patch ds fluentd -n kube-system --type merge -p '{"spec":{"template":{"spec":{"containers":[{"name":"only","image":"x"}]}}}}'`,
    );
    expect(ds(sim)?.spec.template.spec.containers.map((c) => c.name)).toEqual(['only']);
  });

  it('applies JSON patch operations with --type json', () => {
    const sim = newCluster({ nodes: 0, manifests: [fluentdYaml()] });
    mustRun(
      sim,
      `patch ds fluentd -n kube-system --type json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/image","value":"v2"}]'`,
    );
    expect(ds(sim)?.spec.template.spec.containers[0]?.image).toBe('v2');
  });

  it('says patched (no change) when nothing changes', () => {
    const sim = newCluster({ nodes: 0, manifests: [fluentdYaml()] });
    expect(
      mustRun(sim, `patch ds fluentd -n kube-system -p '{"metadata":{"labels":{"app":"fluentd"}}}'`).stdout,
    ).toBe('daemonset.apps/fluentd patched (no change)\n');
  });

  it.each([
    {
      name: 'no patch',
      line: 'patch ds fluentd -n kube-system',
      want: 'error: must specify --patch or --patch-file containing the contents of the patch\n',
    },
    {
      name: 'an unknown type',
      line: `patch ds fluentd -n kube-system --type xml -p '{}'`,
      want: 'error: --type must be one of [json merge strategic], not "xml"\n',
    },
  ])('refuses $name', ({ line, want }) => {
    expect(kubectl(newCluster({ nodes: 0, manifests: [fluentdYaml()] }), line).stderr).toBe(want);
  });

  it('lets the API server reject an invalid result', () => {
    const r = kubectl(
      newCluster({ nodes: 0, manifests: [fluentdYaml()] }),
      `patch ds fluentd -n kube-system -p '{"spec":{"template":{"spec":{"restartPolicy":"Never"}}}}'`,
    );
    expect(r.stderr).toBe(
      'The DaemonSet "fluentd" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"\n',
    );
  });
});
