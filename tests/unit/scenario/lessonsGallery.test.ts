// The gallery's workshop lessons, solved as learners solve them: by kubectl, by the editor, by the
// node menu's commands, with extra nodes added, in any order the tasks allow; and not solved by
// the tempting wrong answers. Each check tests the goal, not one route to it.
import { describe, expect, it } from 'vitest';
import { NODE_COMMANDS, addNodeCommand, taintCommand } from '../../../src/app/grid/nodeCommands';
import { Learner } from './learner';
import type { Move } from './learner';

const TOLERATE_CONTROL_PLANE =
  `kubectl patch ds fluentd -n kube-system --type json -p ` +
  `'[{"op":"add","path":"/spec/template/spec/tolerations","value":[{"key":"node-role.kubernetes.io/control-plane","operator":"Exists","effect":"NoSchedule"}]}]'`;
const AVOID_LOGGING_OFF =
  `kubectl patch ds fluentd -n kube-system -p '{"spec":{"template":{"spec":{"affinity":{"nodeAffinity":` +
  `{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchExpressions":` +
  `[{"key":"logging","operator":"NotIn","values":["off"]}]}]}}}}}}}'`;
/** What "+ Add node" runs with the dialog's defaults. */
const ADD_NODE_4 = addNodeCommand({ name: 'node-4', labels: [], taints: [], cpu: '', memory: '' });

const TOLERATE_CP = `        - key: node-role.kubernetes.io/control-plane
          operator: Exists
          effect: NoSchedule
`;
const TOLERATE_ALL = `        - operator: Exists\n`;

/** The editor's DaemonSet, as the learner edits it: tolerations, more of the pod spec, an image. */
function fluentdInEditor(image: string, extra = '', tolerations = TOLERATE_CP): { apply: string } {
  return {
    apply: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: fluentd
  namespace: kube-system
  labels: { app: fluentd }
spec:
  selector:
    matchLabels: { name: fluentd }
  updateStrategy:
    type: RollingUpdate
    rollingUpdate: { maxUnavailable: 1 }
  template:
    metadata:
      labels: { name: fluentd }
    spec:
      terminationGracePeriodSeconds: 5
      tolerations:
${tolerations}${extra}      containers:
        - name: fluentd
          image: ${image}
          resources:
            requests: { cpu: 100m, memory: 200Mi }
            limits: { memory: 200Mi }
`,
  };
}

const NODE_SELECTOR_LOGGING_ON = `      nodeSelector: { logging: 'on' }\n`;

describe('lesson: your first DaemonSet', () => {
  it.each<[string, Move[]]>([
    [
      'kubectl: a toleration patch, a label with NotIn affinity, set image',
      [
        TOLERATE_CONTROL_PLANE,
        'wait 5',
        'kubectl label node node-3 logging=off',
        AVOID_LOGGING_OFF,
        'wait 30',
        'kubectl set image ds/fluentd fluentd=fluent/fluentd:v1.17-1 -n kube-system',
      ],
    ],
    [
      'the editor and the node menu, with a node added by "+ Add node" first',
      [
        ADD_NODE_4,
        'wait 10',
        fluentdInEditor('fluent/fluentd:v1.16-1'),
        'wait 30',
        taintCommand('node-3', 'tenant', 'acme', 'NoExecute', false),
        'wait 10',
        fluentdInEditor('fluent/fluentd:v1.17-1'),
      ],
    ],
    [
      'labels on the nodes that keep the agent and a nodeSelector, a node added midway',
      [
        TOLERATE_CONTROL_PLANE,
        'wait 10',
        ADD_NODE_4,
        'kubectl label nodes control-plane node-1 node-2 node-4 logging=on',
        fluentdInEditor('fluent/fluentd:v1.16-1', NODE_SELECTOR_LOGGING_ON),
        'wait 40',
        fluentdInEditor('fluent/fluentd:v1.17-1', NODE_SELECTOR_LOGGING_ON),
      ],
    ],
  ])('is completed by %s', (_route, moves) => {
    const l = new Learner('lesson-first-daemonset').play(moves);
    l.wait(90);
    expect(l.tracker.status()).toMatchObject({ done: 3, total: 3, current: null });
  });

  it('task 2 ticks with a node added by "+ Add node" (four desired pods, not three)', () => {
    const l = new Learner('lesson-first-daemonset').play([TOLERATE_CONTROL_PLANE, 'wait 5', ADD_NODE_4]);
    l.wait(10).run('kubectl taint node node-3 tenant=acme:NoExecute').wait(10);
    expect(l.done).toBe(2);
    expect(
      l.session.run('kubectl get ds fluentd -n kube-system -o jsonpath={.status.desiredNumberScheduled}')
        .stdout,
    ).toBe('4');
  });

  it('task 1 ticks with the control plane toleration alone; the rollout is not over before then', () => {
    const l = new Learner('lesson-first-daemonset').run(TOLERATE_CONTROL_PLANE).wait(5);
    expect(l.done).toBe(1);
    l.run('kubectl set image ds/fluentd fluentd=fluent/fluentd:v1.17-1 -n kube-system').wait(1);
    expect(l.done).toBe(1);
  });

  it.each<[string, Move[], number]>([
    [
      'removing the control-plane taint instead of tolerating it',
      ['kubectl taint node control-plane node-role.kubernetes.io/control-plane:NoSchedule-'],
      0,
    ],
    [
      'deleting the DaemonSet',
      [TOLERATE_CONTROL_PLANE, 'wait 5', 'kubectl delete ds fluentd -n kube-system'],
      1,
    ],
    [
      'deleting the pod on node-3 (the controller puts it back)',
      [TOLERATE_CONTROL_PLANE, 'wait 5', 'kubectl delete pods -n kube-system -l name=fluentd'],
      1,
    ],
    [
      'a NoSchedule taint once the rollout is over (it never evicts a running pod)',
      [TOLERATE_CONTROL_PLANE, 'wait 60', 'kubectl taint node node-3 tenant=acme:NoSchedule'],
      1,
    ],
    [
      'a NoExecute taint on node-3 when fluentd tolerates every taint (operator: Exists, no key)',
      [
        fluentdInEditor('fluent/fluentd:v1.16-1', '', TOLERATE_ALL),
        'wait 30',
        'kubectl taint node node-3 tenant=acme:NoExecute',
      ],
      1,
    ],
    [
      'deleting the node-3 Node object',
      [TOLERATE_CONTROL_PLANE, 'wait 5', NODE_COMMANDS.delete('node-3')],
      1,
    ],
    [
      'a NoExecute taint on every worker (fluentd leaves node-1 and node-2 too)',
      [TOLERATE_CONTROL_PLANE, 'wait 5', 'kubectl taint nodes node-1 node-2 node-3 tenant=acme:NoExecute'],
      1,
    ],
    [
      'a second DaemonSet with the new image beside the old one',
      [
        TOLERATE_CONTROL_PLANE,
        'wait 5',
        'kubectl taint node node-3 tenant=acme:NoExecute',
        'wait 10',
        'kubectl create deployment fluentd-new --image=fluent/fluentd:v1.17-1 -n kube-system',
      ],
      2,
    ],
  ])('does not count %s', (_name, moves, expected) => {
    const l = new Learner('lesson-first-daemonset');
    for (const move of moves) {
      // A command the console refuses (an unknown flag, say) is a wrong route too.
      if (typeof move === 'string' && move.startsWith('kubectl create')) l.run(move, true);
      else l.play([move]);
    }
    l.wait(90);
    expect(l.done).toBe(expected);
  });

  it('counts a NoSchedule taint added while the toleration rolls out: the rollout removes the old pod and may not replace it', () => {
    // Upstream's rollingUpdate deletes old pods on every node that has one, and manage() creates
    // a new pod only where the DaemonSet should run: a NoSchedule taint it does not tolerate says no.
    const l = new Learner('lesson-first-daemonset').run(TOLERATE_CONTROL_PLANE).wait(1);
    l.run('kubectl taint node node-3 tenant=acme:NoSchedule').wait(60);
    expect(l.done).toBe(2);
  });
});

describe('lesson: node maintenance', () => {
  const PATCH = (v: boolean) => `kubectl patch node node-2 -p '{"spec":{"unschedulable":${v}}}'`;

  it.each<[string, Move[]]>([
    [
      'cordon, drain --ignore-daemonsets and uncordon',
      [
        'kubectl cordon node-2',
        '? kubectl drain node-2',
        'kubectl drain node-2 --ignore-daemonsets',
        'wait 30',
        'kubectl uncordon node-2',
      ],
    ],
    [
      'kubectl patch to cordon, deleting the web pods on node-2, kubectl patch to uncordon (unschedulable: false)',
      [
        PATCH(true),
        'kubectl delete pods -l app=web --field-selector spec.nodeName=node-2',
        'wait 40',
        PATCH(false),
      ],
    ],
    [
      'kubectl patch to uncordon, then kubectl uncordon as well (already uncordoned)',
      [
        'kubectl cordon node-2',
        'kubectl drain node-2 --ignore-daemonsets',
        'wait 30',
        PATCH(false),
        'kubectl uncordon node-2',
      ],
    ],
    [
      'a NoSchedule taint of its own, a drain, then the taint removed and the node uncordoned',
      [
        taintCommand('node-2', 'maintenance', 'kernel', 'NoSchedule', false),
        'kubectl drain node-2 --ignore-daemonsets',
        'wait 30',
        'kubectl taint nodes node-2 maintenance:NoSchedule-',
        NODE_COMMANDS.uncordon('node-2'),
      ],
    ],
    [
      'the node menu with an extra node added first',
      [
        addNodeCommand({ name: 'node-4', labels: [], taints: [], cpu: '', memory: '' }),
        'wait 10',
        NODE_COMMANDS.cordon('node-2'),
        // The lesson's menu drains without the flag; drain refuses and says which flag it needs.
        `? ${NODE_COMMANDS.drain('node-2', true)}`,
        'kubectl drain node-2 --ignore-daemonsets',
        'wait 30',
        NODE_COMMANDS.uncordon('node-2'),
      ],
    ],
  ])('is completed by %s', (_route, moves) => {
    const l = new Learner('lesson-node-maintenance').play(moves).wait(5);
    expect(l.tracker.status()).toMatchObject({ done: 3, total: 3, current: null });
    expect(l.tracker.status().tasks.every((t) => t.passedAt !== null)).toBe(true);
  });

  it('counts a drain without a separate cordon for both of the first tasks (drain cordons first)', () => {
    const l = new Learner('lesson-node-maintenance').run('kubectl drain node-2 --ignore-daemonsets').wait(20);
    expect(l.done).toBe(2);
  });

  it('does not count an uncordon before the cordon, nor a refused drain', () => {
    const l = new Learner('lesson-node-maintenance').run('kubectl uncordon node-2');
    expect(l.done).toBe(0);
    l.run('kubectl cordon node-2').run('kubectl drain node-2', true).wait(20);
    expect(l.done).toBe(1);
  });

  it.each<[string, Move[], number]>([
    ['deleting the web pods by hand on an uncordoned node', ['kubectl delete pods -l app=web', 'wait 30'], 0],
    [
      'a PreferNoSchedule taint (only a wish)',
      ['kubectl taint nodes node-2 maintenance=kernel:PreferNoSchedule'],
      0,
    ],
    [
      'deleting the fluentd DaemonSet to drain without --ignore-daemonsets',
      [
        'kubectl cordon node-2',
        'kubectl delete ds fluentd -n kube-system',
        '? kubectl drain node-2',
        'wait 30',
      ],
      1,
    ],
    [
      'uncordoning while a NoSchedule taint of its own stays',
      [
        'kubectl taint nodes node-2 maintenance=kernel:NoSchedule',
        'kubectl drain node-2 --ignore-daemonsets',
        'wait 30',
        'kubectl uncordon node-2',
      ],
      2,
    ],
    [
      'removing the machine instead of bringing it back',
      ['kubectl drain node-2 --ignore-daemonsets', 'wait 30', NODE_COMMANDS.remove('node-2')],
      2,
    ],
  ])('does not count %s', (_name, moves, expected) => {
    const l = new Learner('lesson-node-maintenance').play(moves).wait(10);
    expect(l.done).toBe(expected);
  });
});
