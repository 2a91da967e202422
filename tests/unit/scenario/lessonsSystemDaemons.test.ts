// Lesson 7, system daemons: a network agent with hostNetwork, a tolerate-all toleration,
// maxUnavailable 10% (rounded up, pkg/controller/daemon/util: GetScaledValueFromIntOrPercent with
// roundUp) and system-node-critical, which preempts an ordinary pod; a log agent with a hostPath;
// and the kubelet's admission under DiskPressure, which lets only critical pods in
// (pkg/kubelet/eviction/eviction_manager.go: Admit, kubelettypes.IsCriticalPod).
import { describe, expect, it } from 'vitest';
import { addNodeCommand } from '../../../src/app/grid/nodeCommands';
import { Learner } from './learner';
import type { Move } from './learner';

const LESSON = 'lesson-system-daemons';
const patch = (ds: string, spec: object) =>
  `kubectl patch ds ${ds} -n kube-system -p '${JSON.stringify({ spec })}'`;
const NET_AGENT_SYSTEM = patch('net-agent', {
  updateStrategy: { rollingUpdate: { maxUnavailable: '10%' } },
  template: { spec: { hostNetwork: true, tolerations: [{ operator: 'Exists' }] } },
});
const critical = (ds: string, priorityClassName = 'system-node-critical') =>
  patch(ds, { template: { spec: { priorityClassName } } });
const HOST_VAR_LOG = patch('log-collector', {
  template: {
    spec: {
      volumes: [{ name: 'varlog', hostPath: { path: '/var/log' } }],
      containers: [
        { name: 'fluent-bit', volumeMounts: [{ name: 'varlog', mountPath: '/var/log', readOnly: true }] },
      ],
    },
  },
});
const ADD_NODE_4 = addNodeCommand({ name: 'node-4', labels: [], taints: [], cpu: '', memory: '' });

/** The editor's net-agent, written the way a CNI agent ships, at one go. */
const NET_AGENT_IN_EDITOR = {
  apply: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: net-agent
  namespace: kube-system
spec:
  selector:
    matchLabels: { k8s-app: net-agent }
  updateStrategy:
    type: RollingUpdate
    rollingUpdate: { maxUnavailable: 10% }
  template:
    metadata:
      labels: { k8s-app: net-agent }
    spec:
      hostNetwork: true
      priorityClassName: system-node-critical
      tolerations:
        - operator: Exists
      terminationGracePeriodSeconds: 5
      containers:
        - name: calico-node
          image: calico/node:v3.28.1
          resources:
            requests: { cpu: 250m, memory: 128Mi }
`,
};

/** The editor's log-collector with the node's /var/log and a critical priority of the learner's choice. */
function logCollectorInEditor(priority: string): { apply: string } {
  return {
    apply: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: log-collector
  namespace: kube-system
spec:
  selector:
    matchLabels: { k8s-app: log-collector }
  updateStrategy:
    type: RollingUpdate
    rollingUpdate: { maxUnavailable: 1 }
  template:
    metadata:
      labels: { k8s-app: log-collector }
    spec:
      terminationGracePeriodSeconds: 5
${priority}      volumes:
        - name: logs
          hostPath: { path: /var/log/, type: Directory }
      containers:
        - name: fluent-bit
          image: fluent/fluent-bit:3.1.9
          resources:
            requests: { cpu: 50m, memory: 64Mi }
          volumeMounts:
            - { name: logs, mountPath: /var/log, readOnly: true }
`,
  };
}

const UP_TO_TASK_3: Move[] = [
  'lesson predict 2',
  NET_AGENT_SYSTEM,
  'wait 30',
  'lesson predict 2',
  critical('net-agent'),
  'wait 40',
];
const UP_TO_TASK_5: Move[] = [
  ...UP_TO_TASK_3,
  HOST_VAR_LOG,
  'wait 40',
  'lesson predict 2',
  'sim node pressure node-1 disk on',
  'wait 30',
];

describe('lesson: system daemons', () => {
  it.each<[string, Move[]]>([
    [
      'kubectl patches, then system-node-critical for log-collector and its Evicted pod deleted',
      [
        ...UP_TO_TASK_5,
        critical('log-collector'),
        'wait 5',
        'kubectl delete pods -n kube-system --field-selector spec.nodeName=node-1,status.phase=Failed',
      ],
    ],
    [
      'the editor at one go with node-4 added, system-cluster-critical for log-collector, waiting out the back-off',
      [
        ADD_NODE_4,
        'lesson predict 1',
        NET_AGENT_IN_EDITOR,
        'wait 60',
        'lesson predict 3',
        logCollectorInEditor(''),
        'wait 40',
        'lesson predict 1',
        'sim node pressure node-1 disk on',
        'wait 30',
        logCollectorInEditor('      priorityClassName: system-cluster-critical\n'),
        'wait 120',
      ],
    ],
  ])('is completed by %s', (_route, moves) => {
    const l = new Learner(LESSON).play(moves).wait(40);
    expect(l.tracker.status()).toMatchObject({ done: 5, total: 5, current: null });
  });

  it('preempts the video encoder for net-agent on node-2', () => {
    const l = new Learner(LESSON).play(UP_TO_TASK_3);
    expect(l.done).toBe(2);
    expect(l.session.run('kubectl get pod video-encoder').stderr).toMatch(/NotFound/);
    expect(l.session.run('kubectl get events --field-selector reason=Preempted -o name').stdout).not.toBe('');
  });

  it.each<[string, Move[], number]>([
    [
      'tolerating only the control-plane taint (node-3 keeps out)',
      [
        'lesson predict 2',
        patch('net-agent', {
          updateStrategy: { rollingUpdate: { maxUnavailable: '10%' } },
          template: {
            spec: {
              hostNetwork: true,
              tolerations: [
                { key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule' },
              ],
            },
          },
        }),
        'wait 30',
      ],
      0,
    ],
    [
      'deleting the video encoder instead of giving net-agent priority',
      [
        'lesson predict 2',
        NET_AGENT_SYSTEM,
        'wait 30',
        'lesson predict 2',
        'kubectl delete pod video-encoder',
        'wait 40',
      ],
      1,
    ],
    [
      "an emptyDir instead of the node's /var/log",
      [
        ...UP_TO_TASK_3,
        patch('log-collector', {
          template: {
            spec: {
              volumes: [{ name: 'varlog', emptyDir: {} }],
              containers: [{ name: 'fluent-bit', volumeMounts: [{ name: 'varlog', mountPath: '/var/log' }] }],
            },
          },
        }),
        'wait 40',
      ],
      2,
    ],
    [
      'freeing the disk instead of making log-collector critical',
      [...UP_TO_TASK_5, 'sim node pressure node-1 disk off', 'wait 120'],
      4,
    ],
    [
      "a toleration for the disk-pressure taint (admission is the kubelet's, not the scheduler's)",
      [
        ...UP_TO_TASK_5,
        patch('log-collector', {
          template: {
            spec: { tolerations: [{ key: 'node.kubernetes.io/disk-pressure', operator: 'Exists' }] },
          },
        }),
        'wait 60',
      ],
      4,
    ],
  ])('does not count %s', (_name, moves, expected) => {
    const l = new Learner(LESSON).play(moves).wait(20);
    expect(l.done).toBe(expected);
  });

  it('Check my work names the missing hostPath and mount', () => {
    const l = new Learner(LESSON).play(UP_TO_TASK_3);
    expect(l.checkWork()?.unmet).toEqual([
      'log-collector has no hostPath volume for /var/log yet',
      'the fluent-bit container does not mount anything at /var/log',
    ]);
  });
});
