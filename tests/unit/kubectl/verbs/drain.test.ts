import type { Node, Pod } from '../../../../src/engine/api/types';
import { describe, expect, it } from 'vitest';
import { fluentdYaml, kubectl, newCluster, podNames } from '../helpers';

const BARE_POD =
  'apiVersion: v1\nkind: Pod\nmetadata: {name: web}\nspec:\n  nodeName: node-1\n  containers: [{name: web, image: nginx}]\n';

describe('kubectl drain', () => {
  it('refuses to drain past daemon pods without --ignore-daemonsets, after cordoning', () => {
    const sim = newCluster({ nodes: 1, manifests: [fluentdYaml()], until: 10 });
    const [pod = ''] = podNames(sim, 'kube-system');
    expect(kubectl(sim, 'drain node-1')).toEqual({
      stdout: 'node/node-1 cordoned\n',
      stderr:
        `error: unable to drain node "node-1" due to error: cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/${pod}, continuing command...\n` +
        'There are pending nodes to be drained:\n node-1\n' +
        `cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): kube-system/${pod}\n`,
      exitCode: 1,
    });
  });

  it('with --ignore-daemonsets leaves daemon pods running and warns about them', () => {
    const sim = newCluster({ nodes: 1, manifests: [fluentdYaml()], until: 10 });
    const [pod = ''] = podNames(sim, 'kube-system');
    expect(kubectl(sim, 'drain node-1 --ignore-daemonsets')).toEqual({
      stdout: 'node/node-1 cordoned\nnode/node-1 drained\n',
      stderr: `Warning: ignoring DaemonSet-managed Pods: kube-system/${pod}\n`,
      exitCode: 0,
    });
    sim.runUntil(120);
    expect(podNames(sim, 'kube-system')).toEqual([pod]);
  });

  it('needs --force for a pod without a controller, then evicts it', () => {
    const sim = newCluster({ nodes: 1, manifests: [BARE_POD], until: 10 });
    expect(kubectl(sim, 'drain node-1').stderr).toContain(
      'cannot delete Pods that declare no controller (use --force to override): default/web\n',
    );
    expect(kubectl(sim, 'drain node-1 --force')).toEqual({
      stdout:
        'node/node-1 already cordoned\nevicting pod default/web\npod/web evicted\nnode/node-1 drained\n',
      stderr: 'Warning: deleting Pods that declare no controller: default/web\n',
      exitCode: 0,
    });
  });

  it('evicts through the Eviction API: the pod is marked DisruptionTarget EvictionByEvictionAPI, then terminates gracefully', () => {
    const sim = newCluster({ nodes: 1, manifests: [BARE_POD], until: 10 });
    expect(kubectl(sim, 'drain node-1 --force').exitCode).toBe(0);
    const pod = sim.api.get<Pod>('Pod', 'default', 'web');
    expect(pod?.metadata.deletionTimestamp).toBeDefined();
    expect(pod?.status?.conditions?.find((c) => c.type === 'DisruptionTarget')).toMatchObject({
      status: 'True',
      reason: 'EvictionByEvictionAPI',
      message: 'Eviction API: evicting',
    });
  });

  it('prints what it would evict under --dry-run=client, changing nothing', () => {
    const sim = newCluster({ nodes: 1, manifests: [BARE_POD], until: 10 });
    expect(kubectl(sim, 'drain node-1 --force --dry-run=client').stdout).toBe(
      'node/node-1 cordoned (dry run)\nevicting pod default/web (dry run)\nnode/node-1 drained (dry run)\n',
    );
    expect(sim.api.get<Node>('Node', undefined, 'node-1')?.spec).not.toHaveProperty('unschedulable');
  });
});
