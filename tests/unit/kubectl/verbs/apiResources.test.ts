import { describe, expect, it } from 'vitest';
import { kubectl, newCluster } from '../helpers';

describe('kubectl api-resources', () => {
  it('lists the served types by group then name, with short names', () => {
    const out = kubectl(newCluster({ nodes: 0 }), 'api-resources').stdout.split('\n');
    expect(out[0]).toBe('NAME                  SHORTNAMES   APIVERSION             NAMESPACED   KIND');
    expect(out.map((l) => l.split(' ')[0])).toEqual([
      'NAME',
      'configmaps',
      'events',
      'namespaces',
      'nodes',
      'pods',
      'controllerrevisions',
      'daemonsets',
      'deployments',
      'replicasets',
      'statefulsets',
      'cronjobs',
      'jobs',
      'priorityclasses',
      '',
    ]);
    expect(out).toContain('daemonsets            ds           apps/v1                true         DaemonSet');
    expect(out).toContain('jobs                               batch/v1               true         Job');
    expect(out).toContain(
      'statefulsets          sts          apps/v1                true         StatefulSet',
    );
    expect(out).toContain('cronjobs              cj           batch/v1               true         CronJob');
    expect(out).toContain('configmaps            cm           v1                     true         ConfigMap');
  });

  it('filters cluster-scoped types and prints names with -o name', () => {
    expect(kubectl(newCluster({ nodes: 0 }), 'api-resources --namespaced=false -o name').stdout).toBe(
      'namespaces\nnodes\npriorityclasses.scheduling.k8s.io\n',
    );
  });
});
