import { describe, expect, it } from 'vitest';
import type { Deployment } from '../../../../src/engine/api/types';
import { deploymentYaml, fluentdYaml, kubectl, mustRun, newCluster, podNames } from '../helpers';

function cluster() {
  return newCluster({ nodes: 2, manifests: [deploymentYaml(), fluentdYaml()], until: 30 });
}

const replicasOf = (sim: ReturnType<typeof cluster>) =>
  sim.api.get<Deployment>('Deployment', 'default', 'web')?.spec.replicas;

describe('kubectl scale', () => {
  it('sets spec.replicas and the controllers follow', () => {
    const sim = cluster();
    expect(mustRun(sim, 'scale deployment/web --replicas=5').stdout).toBe('deployment.apps/web scaled\n');
    expect(replicasOf(sim)).toBe(5);
    sim.runUntil(90);
    expect(podNames(sim, 'default')).toHaveLength(5);
    expect(mustRun(sim, 'scale deploy web --replicas=0').stdout).toBe('deployment.apps/web scaled\n');
    sim.runUntil(150);
    expect(podNames(sim, 'default')).toHaveLength(0);
  });

  it('scales a ReplicaSet through its own scale subresource', () => {
    const sim = cluster();
    const [rs = ''] = sim.api.list('ReplicaSet', 'default').map((r) => r.metadata.name);
    expect(mustRun(sim, `scale rs/${rs} --replicas=1`).stdout).toBe(`replicaset.apps/${rs} scaled\n`);
  });

  it.each([
    { name: 'client', flag: '--dry-run=client', suffix: ' (dry run)' },
    { name: 'server', flag: '--dry-run=server', suffix: ' (server dry run)' },
  ])('changes nothing with a $name dry run', ({ flag, suffix }) => {
    const sim = cluster();
    expect(mustRun(sim, `scale deploy/web --replicas=7 ${flag}`).stdout).toBe(
      `deployment.apps/web scaled${suffix}\n`,
    );
    expect(replicasOf(sim)).toBe(3);
  });

  it('holds to a --current-replicas precondition', () => {
    const sim = cluster();
    expect(mustRun(sim, 'scale deploy/web --current-replicas=3 --replicas=4').stdout).toBe(
      'deployment.apps/web scaled\n',
    );
    expect(kubectl(sim, 'scale deploy/web --current-replicas=3 --replicas=6')).toEqual({
      stdout: '',
      stderr: 'error: Expected replicas to be 3, was 4\n',
      exitCode: 1,
    });
  });

  it.each([
    {
      name: 'a DaemonSet, which has no scale subresource',
      line: 'scale ds/fluentd -n kube-system --replicas=2',
      want: 'Error from server (NotFound): the server could not find the requested resource\n',
    },
    {
      name: 'a missing --replicas',
      line: 'scale deploy/web',
      want: 'error: required flag(s) "replicas" not set\n',
    },
    {
      name: 'a negative count',
      line: 'scale deploy/web --replicas=-1',
      want: 'error: The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0\n',
    },
    {
      name: 'a missing Deployment',
      line: 'scale deploy/nope --replicas=1',
      want: 'Error from server (NotFound): deployments.apps "nope" not found\n',
    },
  ])('refuses $name', ({ line, want }) => {
    expect(kubectl(cluster(), line)).toEqual({ stdout: '', stderr: want, exitCode: 1 });
  });
});
