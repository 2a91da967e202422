// Lesson 6, troubleshooting: a node left out by a nodeSelector, a crash-looping update, a typo'd
// tag, a daemon pod too big for the smallest node, and kubelet admission under DiskPressure
// (pkg/kubelet/eviction: Admit) with the DaemonSet controller's back-off for failed daemon pods
// (pkg/controller/daemon/daemon_controller.go: podsShouldBeOnNode). Solved by kubectl and by
// patches and the editor; not solved by the tempting shortcuts.
import { describe, expect, it } from 'vitest';
import { NODE_COMMANDS } from '../../../src/app/grid/nodeCommands';
import { Learner } from './learner';
import type { Move } from './learner';

const LESSON = 'lesson-troubleshooting';
const jsonPatch = (target: string, ops: object[]) =>
  `kubectl patch ${target} --type json -p '${JSON.stringify(ops)}'`;
const securityRequests = (requests: object | null) =>
  `kubectl patch ds security-agent -n security -p '${JSON.stringify({
    spec: { template: { spec: { containers: [{ name: 'falco', resources: { requests } }] } } },
  })}'`;
const DELETE_FAILED_ON_NODE_3 =
  'kubectl delete pods -A --field-selector spec.nodeName=node-3,status.phase=Failed';

/** The editor's fluentd with a tag that exists. */
const FLUENTD_IN_EDITOR = {
  apply: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: fluentd
  namespace: logging
spec:
  selector:
    matchLabels: { app: fluentd }
  template:
    metadata:
      labels: { app: fluentd }
    spec:
      terminationGracePeriodSeconds: 5
      containers:
        - name: fluentd
          image: fluent/fluentd:v1.16-1
          resources:
            requests: { cpu: 100m, memory: 200Mi }
`,
};

const TASK_1 = 'kubectl label node node-3 monitoring=enabled';
const TASK_2: Move[] = ['lesson predict 2', 'kubectl rollout undo ds/log-agent -n logging', 'wait 30'];
const TASK_3: Move[] = ['kubectl set image ds/fluentd fluentd=fluent/fluentd:v1.17-1 -n logging', 'wait 40'];
const TASK_4: Move[] = ['lesson predict 1', securityRequests({ cpu: '500m' }), 'wait 40'];
const UP_TO_TASK_5: Move[] = [TASK_1, 'wait 10', ...TASK_2, ...TASK_3, ...TASK_4];
const PRESSURE: Move[] = ['lesson predict 2', 'sim node pressure node-3 disk on', 'wait 40'];

describe('lesson: troubleshooting', () => {
  it.each<[string, Move[]]>([
    [
      'kubectl: a label, rollout undo, set image, smaller requests, freeing the disk and deleting the Evicted pods',
      [...UP_TO_TASK_5, ...PRESSURE, 'sim node pressure node-3 disk off', DELETE_FAILED_ON_NODE_3],
    ],
    [
      'patches and the editor, wrong predictions, and waiting out the back-off',
      [
        jsonPatch('ds node-exporter -n monitoring', [
          { op: 'remove', path: '/spec/template/spec/nodeSelector' },
        ]),
        'wait 10',
        'lesson predict 1',
        // Keep the new version, drop the setting that makes it crash.
        jsonPatch('ds log-agent -n logging', [
          { op: 'remove', path: '/spec/template/metadata/annotations/playground~1behavior' },
        ]),
        'wait 30',
        FLUENTD_IN_EDITOR,
        'wait 40',
        'lesson predict 3',
        'kubectl set resources ds security-agent -n security --requests=cpu=300m',
        'wait 40',
        'lesson predict 1',
        'sim node pressure node-3 disk on',
        'wait 40',
        'sim node pressure node-3 disk off',
        'wait 200',
      ],
    ],
  ])('is completed by %s', (_route, moves) => {
    const l = new Learner(LESSON).play(moves).wait(40);
    expect(l.tracker.status()).toMatchObject({ done: 6, total: 6, current: null });
  });

  it.each<[string, Move[], number]>([
    [
      'deleting node-3 (node-exporter then runs on "every" node)',
      [NODE_COMMANDS.delete('node-3'), 'wait 20'],
      0,
    ],
    ['a label node-exporter does not ask for', ['kubectl label node node-3 monitoring=on', 'wait 20'], 0],
    [
      'deleting the crash-looping pod (the same template comes back)',
      [TASK_1, 'wait 10', 'lesson predict 2', 'kubectl delete pods -n logging -l app=log-agent', 'wait 30'],
      1,
    ],
    [
      'rollout undo on fluentd (it has no earlier revision)',
      [TASK_1, 'wait 10', ...TASK_2, '? kubectl rollout undo ds/fluentd -n logging', 'wait 40'],
      2,
    ],
    [
      'deleting the Pending pod',
      [
        TASK_1,
        'wait 10',
        ...TASK_2,
        ...TASK_3,
        'lesson predict 1',
        'kubectl delete pods -n security -l app=security-agent',
        'wait 40',
      ],
      3,
    ],
    [
      'removing the CPU request',
      [TASK_1, 'wait 10', ...TASK_2, ...TASK_3, 'lesson predict 1', securityRequests(null), 'wait 40'],
      3,
    ],
    [
      'deleting the Evicted pods while the disk is still full',
      [...UP_TO_TASK_5, ...PRESSURE, DELETE_FAILED_ON_NODE_3, 'wait 20'],
      5,
    ],
  ])('does not count %s', (_name, moves, expected) => {
    const l = new Learner(LESSON).play(moves).wait(20);
    expect(l.done).toBe(expected);
  });

  it('rejects non-critical daemon pods on node-3 under DiskPressure and keeps kube-proxy running', () => {
    const l = new Learner(LESSON).play([...UP_TO_TASK_5, ...PRESSURE]);
    expect(l.done).toBe(5);
    const onNode3 = (phase: string) =>
      l.session.run(
        `kubectl get pods -A --field-selector spec.nodeName=node-3,status.phase=${phase} -o jsonpath={.items[*].metadata.labels}`,
      ).stdout;
    expect(onNode3('Running')).toContain('kube-proxy');
    expect(onNode3('Failed')).not.toContain('kube-proxy');
    expect(
      l.session.run(
        'kubectl get pods -A --field-selector spec.nodeName=node-3,status.phase=Failed -o jsonpath={.items[*].status.reason}',
      ).stdout,
    ).toMatch(/^(Evicted ?)+$/);
    expect(l.checkWork()?.unmet).toEqual([
      'node-3 still reports DiskPressure',
      expect.stringMatching(/^Failed pods are left on node-3: pod\//),
      expect.stringMatching(/^only .* run on node-3; every agent should$/),
    ]);
  });

  it('Check my work says node-3 is left out until it is labelled', () => {
    const l = new Learner(LESSON);
    expect(l.checkWork()?.unmet).toEqual([
      expect.stringMatching(/^node-exporter runs on node-[12] node-[12]; it should run on every node$/),
    ]);
  });
});
