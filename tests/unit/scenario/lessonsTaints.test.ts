// Lesson 4, taints and tolerations, solved by kubectl patches and by the editor with the node
// menu's commands and an extra node; not solved by changing the taints instead of tolerating
// them, by tolerating everything, or by a tolerationSeconds that makes the DaemonSet churn.
import { describe, expect, it } from 'vitest';
import { addNodeCommand, taintCommand } from '../../../src/app/grid/nodeCommands';
import { Learner } from './learner';
import type { Move } from './learner';

const LESSON = 'lesson-taints-tolerations';
const addToleration = (toleration: object) =>
  `kubectl patch ds log-agent -n logging --type json -p '${JSON.stringify([
    { op: 'add', path: '/spec/template/spec/tolerations/-', value: toleration },
  ])}'`;
const setTolerations = (tolerations: object[]) =>
  `kubectl patch ds log-agent -n logging -p '${JSON.stringify({ spec: { template: { spec: { tolerations } } } })}'`;
const TOLERATE_DB = setTolerations([
  { key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoSchedule' },
]);

/** The editor's log-agent with the learner's tolerations (YAML lines under `tolerations:`). */
function logAgentInEditor(tolerations: string): { apply: string } {
  return {
    apply: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: log-agent
  namespace: logging
spec:
  selector:
    matchLabels: { app: log-agent }
  template:
    metadata:
      labels: { app: log-agent }
    spec:
      terminationGracePeriodSeconds: 5
      tolerations:
${tolerations}      containers:
        - name: fluent-bit
          image: fluent/fluent-bit:3.1.9
          resources:
            requests: { cpu: 50m, memory: 64Mi }
`,
  };
}
const DB_EXISTS = '        - { key: dedicated, operator: Exists, effect: NoSchedule }\n';
const REPAIR_ANY_EFFECT = '        - { key: repair, operator: Exists }\n';

const UP_TO_TASK_3: Move[] = [
  'lesson predict 2',
  'kubectl taint node node-1 dedicated=db:NoSchedule',
  TOLERATE_DB,
  'wait 30',
  'lesson predict 2',
];

describe('lesson: taints and tolerations', () => {
  it.each<[string, Move[]]>([
    [
      'kubectl: a NoSchedule taint, an Equal toleration, a NoExecute taint, an Exists toleration',
      [
        ...UP_TO_TASK_3,
        'kubectl taint node node-3 repair=true:NoExecute',
        'wait 20',
        addToleration({ key: 'repair', operator: 'Exists', effect: 'NoExecute' }),
      ],
    ],
    [
      'the node menu and the editor, with node-4 added, and wrong predictions',
      [
        'lesson predict 1',
        taintCommand('node-1', 'dedicated', 'db', 'NoSchedule', false),
        addNodeCommand({ name: 'node-4', labels: [], taints: [], cpu: '', memory: '' }),
        logAgentInEditor(DB_EXISTS),
        'wait 30',
        'lesson predict 3',
        taintCommand('node-3', 'repair', 'true', 'NoExecute', false),
        'wait 20',
        logAgentInEditor(DB_EXISTS + REPAIR_ANY_EFFECT),
      ],
    ],
  ])('is completed by %s', (_route, moves) => {
    const l = new Learner(LESSON).play(moves).wait(30);
    expect(l.tracker.status()).toMatchObject({ done: 4, total: 4, current: null });
    expect(l.tracker.status().tasks.map((t) => t.reveal?.answer)).toEqual([1, undefined, 1, undefined]);
  });

  it.each<[string, Move[], number]>([
    [
      'a NoExecute taint on node-1 (it evicts log-agent)',
      ['lesson predict 2', 'kubectl taint node node-1 dedicated=db:NoExecute'],
      0,
    ],
    [
      'removing the taint from node-1 instead of tolerating it',
      [
        'lesson predict 2',
        'kubectl taint node node-1 dedicated=db:NoSchedule',
        'kubectl taint node node-1 dedicated-',
      ],
      1,
    ],
    [
      'tolerating every taint (log-agent lands on control-plane too)',
      [
        'lesson predict 2',
        'kubectl taint node node-1 dedicated=db:NoSchedule',
        setTolerations([{ operator: 'Exists' }]),
      ],
      1,
    ],
    [
      'a NoSchedule taint on node-3 (nothing leaves)',
      [...UP_TO_TASK_3, 'kubectl taint node node-3 repair=true:NoSchedule'],
      2,
    ],
    [
      'deleting the pods on node-3 (their DaemonSets put them back)',
      [...UP_TO_TASK_3, 'kubectl delete pods -A -l app --field-selector spec.nodeName=node-3'],
      2,
    ],
    [
      'a toleration with tolerationSeconds: 60 (evicted, recreated, evicted again)',
      [
        ...UP_TO_TASK_3,
        'kubectl taint node node-3 repair=true:NoExecute',
        'wait 20',
        addToleration({ key: 'repair', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 60 }),
      ],
      3,
    ],
    [
      'ending the repair early (the taint removed)',
      [
        ...UP_TO_TASK_3,
        'kubectl taint node node-3 repair=true:NoExecute',
        'wait 20',
        'kubectl taint node node-3 repair-',
      ],
      3,
    ],
  ])('does not count %s', (_name, moves, expected) => {
    const l = new Learner(LESSON).play(moves).wait(40);
    expect(l.done).toBe(expected);
  });

  it('says which pods still run on node-3 when the taint is only NoSchedule', () => {
    const l = new Learner(LESSON).play([
      ...UP_TO_TASK_3,
      'kubectl taint node node-3 repair=true:NoSchedule',
      'wait 10',
    ]);
    expect(l.checkWork()?.unmet).toEqual([
      'node-3 has no NoExecute taint yet',
      expect.stringMatching(
        /^pods still run on node-3: pod\/(log-agent|node-exporter)-\w+, pod\/(log-agent|node-exporter)-\w+$/,
      ),
    ]);
  });
});
