import { describe, expect, it } from 'vitest';
import type { CronJob, DaemonSet } from '../../../../src/engine/api/types';
import { fluentdYaml, kubectl, mustRun, newCluster } from '../helpers';

function container(sim: ReturnType<typeof newCluster>) {
  return sim.api.get<DaemonSet>('DaemonSet', 'kube-system', 'fluentd')?.spec.template.spec.containers[0];
}

describe('kubectl set image', () => {
  it('updates a container image and starts a rollout', () => {
    const sim = newCluster({ nodes: 1, manifests: [fluentdYaml()], until: 10 });
    expect(
      mustRun(sim, 'set image daemonset/fluentd fluentd=fluent/fluentd:v1.15 -n kube-system').stdout,
    ).toBe('daemonset.apps/fluentd image updated\n');
    expect(container(sim)?.image).toBe('fluent/fluentd:v1.15');
    expect(sim.api.get<DaemonSet>('DaemonSet', 'kube-system', 'fluentd')?.metadata.generation).toBe(2);
  });

  it('updates every container with *', () => {
    const sim = newCluster({ nodes: 0, manifests: [fluentdYaml()] });
    mustRun(sim, 'set image ds fluentd *=busybox -n kube-system');
    expect(container(sim)?.image).toBe('busybox');
  });

  it('prints nothing when the image is already set', () => {
    const sim = newCluster({ nodes: 0, manifests: [fluentdYaml()] });
    expect(kubectl(sim, 'set image ds/fluentd fluentd=fluent/fluentd:v1.14-1 -n kube-system')).toEqual({
      stdout: '',
      stderr: '',
      exitCode: 0,
    });
  });

  // polymorphichelpers.UpdatePodSpecForObject reaches a CronJob's jobTemplate, so the next run
  // uses the image; a Job's template it reaches too, and the API server refuses the change.
  it("updates a CronJob's jobTemplate (the next run's image)", () => {
    const sim = newCluster({ nodes: 1, manifests: [] });
    mustRun(sim, `create cronjob report --image=busybox:1.36 --schedule='*/5 * * * *'`);
    expect(mustRun(sim, 'set image cronjob/report report=busybox:1.37').stdout).toBe(
      'cronjob.batch/report image updated\n',
    );
    expect(
      sim.api.get<CronJob>('CronJob', 'default', 'report')?.spec.jobTemplate.spec.template.spec.containers[0]
        ?.image,
    ).toBe('busybox:1.37');
  });

  it("refuses a Job's image: its pod template is immutable", () => {
    const sim = newCluster({ nodes: 1, manifests: [] });
    mustRun(sim, 'create job bench --image=busybox:1.36');
    const r = kubectl(sim, 'set image job/bench bench=busybox:1.37');
    expect(r.stderr).toMatch(/^The Job "bench" is invalid: spec\.template: .*field is immutable\n$/);
  });

  it.each([
    {
      name: 'an unknown container',
      line: 'set image ds/fluentd nope=x -n kube-system',
      want: 'error: unable to find container named "nope"\n',
    },
    {
      name: 'an object without a pod template',
      line: 'set image node/node-1 c=x',
      want: 'error: the object is not a pod or does not have a pod template: *v1.Node\n',
    },
  ])('refuses $name', ({ line, want }) => {
    const sim = newCluster({ nodes: 1, manifests: [fluentdYaml()] });
    expect(kubectl(sim, line).stderr).toBe(want);
  });
});

describe('kubectl set resources', () => {
  it('sets limits and requests, in canonical form', () => {
    const sim = newCluster({ nodes: 0, manifests: [fluentdYaml()] });
    expect(
      mustRun(
        sim,
        'set resources ds fluentd -n kube-system -c fluentd --limits=cpu=0.5,memory=512Mi --requests=cpu=100m',
      ).stdout,
    ).toBe('daemonset.apps/fluentd resource requirements updated\n');
    expect(container(sim)?.resources).toEqual({
      limits: { cpu: '500m', memory: '512Mi' },
      requests: { cpu: '100m' },
    });
  });

  it('refuses a line without --limits or --requests', () => {
    expect(
      kubectl(newCluster({ nodes: 0, manifests: [fluentdYaml()] }), 'set resources ds fluentd -n kube-system')
        .stderr,
    ).toBe('error: you must specify an update to requests or limits (in the form of --requests/--limits)\n');
  });
});
