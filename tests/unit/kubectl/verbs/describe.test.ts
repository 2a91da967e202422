import { describe, expect, it } from 'vitest';
import { fluentdYaml, kubectl, mustRun, newCluster, nodeYaml, podNames } from '../helpers';

describe('kubectl describe', () => {
  it('describes a DaemonSet as describe.go does', () => {
    const sim = newCluster({ nodes: 2, manifests: [fluentdYaml()], until: 45 });
    const text = mustRun(sim, 'describe ds fluentd -n kube-system').stdout;
    const [a = '', b = ''] = podNames(sim, 'kube-system');
    const created = (name: string) =>
      `  Normal  SuccessfulCreate  45s   daemonset-controller  Created pod: ${name}\n`;
    expect(text.replace(created(a), '').replace(created(b), '')).toBe(
      [
        'Name:           fluentd',
        'Namespace:      kube-system',
        'Selector:       app=fluentd',
        'Node-Selector:  <none>',
        'Labels:         app=fluentd',
        'Annotations:    deprecated.daemonset.template.generation: 1',
        'Desired Number of Nodes Scheduled: 2',
        'Current Number of Nodes Scheduled: 2',
        'Number of Nodes Scheduled with Up-to-date Pods: 2',
        'Number of Nodes Scheduled with Available Pods: 2',
        'Number of Nodes Misscheduled: 0',
        'Pods Status:  2 Running / 0 Waiting / 0 Succeeded / 0 Failed',
        'Pod Template:',
        '  Labels:  app=fluentd',
        '  Containers:',
        '   fluentd:',
        '    Image:         fluent/fluentd:v1.14-1',
        '    Port:          <none>',
        '    Host Port:     <none>',
        '    Environment:   <none>',
        '    Mounts:        <none>',
        '  Volumes:         <none>',
        '  Node-Selectors:  <none>',
        '  Tolerations:     <none>',
        'Events:',
        '  Type    Reason            Age   From                  Message',
        '  ----    ------            ----  ----                  -------',
        '',
      ].join('\n'),
    );
    expect(text).toContain(created(a));
    expect(text).toContain(created(b));
  });

  it('describes a node: taints, unschedulable, conditions, non-terminated pods and allocated resources', () => {
    const sim = newCluster({ nodes: 0 });
    mustRun(
      sim,
      'apply -f -',
      nodeYaml('node-1', {
        taints: '[{key: dedicated, value: logging, effect: NoSchedule}]',
        unschedulable: true,
      }),
    );
    sim.runUntil(10);
    const text = mustRun(sim, 'describe node node-1').stdout;
    expect(text).toContain('Taints:             dedicated=logging:NoSchedule\n');
    expect(text).toContain('Unschedulable:      true\n');
    expect(text).toMatch(
      /Conditions:\n {2}Type {13}Status {2}LastHeartbeatTime {17}LastTransitionTime {16}Reason {23}Message\n/,
    );
    expect(text).toContain('Non-terminated Pods:          (0 in total)\n');
    expect(text).toMatch(/ {2}cpu {16}0 \(0%\) {4}0 \(0%\)\n/);
    expect(text.endsWith('Events:              <none>\n')).toBe(true);
  });

  it('describes a pod with its controller, conditions, QoS class and the daemon tolerations', () => {
    const sim = newCluster({ nodes: 1, manifests: [fluentdYaml()], until: 20 });
    const [pod = ''] = podNames(sim, 'kube-system');
    const text = mustRun(sim, `describe pod ${pod} -n kube-system`).stdout;
    expect(text).toMatch(/^Name: {9}fluentd-\w{5}\nNamespace: {4}kube-system\n/);
    expect(text).toContain('Controlled By:  DaemonSet/fluentd\n');
    expect(text).toContain('QoS Class:                    BestEffort\n');
    expect(text).toContain('node.kubernetes.io/unreachable:NoExecute op=Exists\n');
    expect(text).toMatch(/State: {10}Running\n {6}Started: {6}Wed, 01 Jan 2025 00:00:\d\d \+0000\n/);
  });

  it('finds objects by name prefix, as describe does', () => {
    const sim = newCluster({ nodes: 2, manifests: [fluentdYaml()], until: 5 });
    const text = mustRun(sim, 'describe pods fluentd -n kube-system').stdout;
    expect(text.match(/^Name: /gm)).toHaveLength(2);
    expect(text).toContain('\n\n\nName: ');
  });

  it('says NotFound for a name nothing starts with', () => {
    expect(kubectl(newCluster({ nodes: 1 }), 'describe node nope')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): nodes "nope" not found\n',
      exitCode: 1,
    });
  });

  it('leaves the events out with --show-events=false', () => {
    const sim = newCluster({ nodes: 1, manifests: [fluentdYaml()], until: 5 });
    expect(mustRun(sim, 'describe ds fluentd -n kube-system --show-events=false').stdout).not.toContain(
      'Events:',
    );
  });
});
