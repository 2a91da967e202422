import type { Node } from '../../../../src/engine/api/types';
import { describe, expect, it } from 'vitest';
import { fluentdYaml, kubectl, mustRun, newCluster, podNames } from '../helpers';

describe('kubectl cordon', () => {
  it('cordons a node, and says so again as already cordoned', () => {
    const sim = newCluster({ nodes: 1 });
    expect(mustRun(sim, 'cordon node-1').stdout).toBe('node/node-1 cordoned\n');
    expect(sim.api.get<Node>('Node', undefined, 'node-1')?.spec).toMatchObject({ unschedulable: true });
    expect(mustRun(sim, 'cordon node-1').stdout).toBe('node/node-1 already cordoned\n');
  });

  it('leaves running daemon pods where they are', () => {
    const sim = newCluster({ nodes: 1, manifests: [fluentdYaml()], until: 10 });
    const before = podNames(sim, 'kube-system');
    mustRun(sim, 'cordon node-1');
    sim.runUntil(120);
    expect(podNames(sim, 'kube-system')).toEqual(before);
  });

  it('cordons by label selector and reports missing nodes', () => {
    const sim = newCluster({ nodes: 2 });
    expect(mustRun(sim, 'cordon -l kubernetes.io/hostname=node-2').stdout).toBe('node/node-2 cordoned\n');
    expect(kubectl(sim, 'cordon nope')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): nodes "nope" not found\n',
      exitCode: 1,
    });
    expect(kubectl(sim, 'cordon').stderr).toBe(
      "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n",
    );
  });
});
