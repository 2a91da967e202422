import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../../src/engine/api/types';
import { fluentdYaml, kubectl, mustRun, newCluster, podNames } from '../helpers';

describe('kubectl delete', () => {
  it('deletes a DaemonSet by type/name and its pods are collected', () => {
    const sim = newCluster({ nodes: 2, manifests: [fluentdYaml()], until: 5 });
    expect(mustRun(sim, 'delete ds/fluentd -n kube-system').stdout).toBe(
      'daemonset.apps "fluentd" deleted\n',
    );
    sim.runUntil(60);
    expect(podNames(sim, 'kube-system')).toEqual([]);
  });

  it('marks a running pod Terminating for its grace period', () => {
    const sim = newCluster({ nodes: 1, manifests: [fluentdYaml()], until: 5 });
    const [pod = ''] = podNames(sim, 'kube-system');
    expect(mustRun(sim, `delete pod ${pod} -n kube-system`).stdout).toBe(`pod "${pod}" deleted\n`);
    expect(sim.api.get<Pod>('Pod', 'kube-system', pod)?.metadata.deletionTimestamp).toBeDefined();
    expect(mustRun(sim, 'get pods -n kube-system').stdout).toContain('Terminating');
  });

  it('removes a pod at once with --grace-period=0 --force, with kubectl’s warning', () => {
    const sim = newCluster({ nodes: 1, manifests: [fluentdYaml()], until: 5 });
    const [pod = ''] = podNames(sim, 'kube-system');
    expect(kubectl(sim, `delete pod ${pod} -n kube-system --grace-period=0 --force`)).toEqual({
      stdout: `pod "${pod}" force deleted\n`,
      stderr:
        'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      exitCode: 0,
    });
    expect(sim.api.get('Pod', 'kube-system', pod)).toBeUndefined();
  });

  it('deletes by --field-selector, e.g. the daemon pod on one node', () => {
    const sim = newCluster({ nodes: 3, manifests: [fluentdYaml()], until: 5 });
    const onNode2 = sim.api.list<Pod>('Pod', 'kube-system').find((p) => p.spec.nodeName === 'node-2');
    expect(mustRun(sim, 'delete pods -n kube-system --field-selector spec.nodeName=node-2').stdout).toBe(
      `pod "${onNode2?.metadata.name}" deleted\n`,
    );
    const terminating = sim.api
      .list<Pod>('Pod', 'kube-system')
      .filter((p) => p.metadata.deletionTimestamp)
      .map((p) => p.spec.nodeName);
    expect(terminating).toEqual(['node-2']);
  });

  it('deletes nodes and by label selector', () => {
    const sim = newCluster({ nodes: 3 });
    mustRun(sim, 'label node node-2 pool=spot');
    expect(mustRun(sim, 'delete node node-1').stdout).toBe('node "node-1" deleted\n');
    expect(mustRun(sim, 'delete nodes -l pool=spot').stdout).toBe('node "node-2" deleted\n');
    expect(mustRun(sim, 'delete nodes -l pool=none').stdout).toBe('No resources found\n');
  });

  it.each([
    {
      name: 'a type without names',
      line: 'delete pods',
      want: 'error: resource(s) were provided, but no name was specified\n',
    },
    {
      name: 'a missing object',
      line: 'delete ds nope',
      want: 'Error from server (NotFound): daemonsets.apps "nope" not found\n',
    },
  ])('refuses $name', ({ line, want }) => {
    expect(kubectl(newCluster({ nodes: 0 }), line).stderr).toBe(want);
  });
});
