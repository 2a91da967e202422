// Lesson 3, choosing nodes, solved by a nodeSelector and by node affinity (In, Exists), with a
// node added midway; and not solved by relabelling the nodes, by NotIn, or by skipping the trial.
import { describe, expect, it } from 'vitest';
import { addNodeCommand } from '../../../src/app/grid/nodeCommands';
import { Learner } from './learner';
import type { Move } from './learner';

const LESSON = 'lesson-choosing-nodes';
const patchSsdWear = (spec: object) =>
  `kubectl patch ds ssd-wear -n monitoring -p '${JSON.stringify({ spec: { template: { spec } } })}'`;
const affinity = (expression: object) => ({
  affinity: {
    nodeAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: {
        nodeSelectorTerms: [{ matchExpressions: [expression] }],
      },
    },
  },
});
const SELECT_SSD = patchSsdWear({ nodeSelector: { disktype: 'ssd' } });
const REMOVE_SELECTOR = `kubectl patch ds net-probe -n monitoring --type json -p '[{"op":"remove","path":"/spec/template/spec/nodeSelector"}]'`;

/** The editor's ssd-wear with node affinity `disktype In [ssd]`. */
const SSD_WEAR_AFFINITY_IN_EDITOR = {
  apply: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: ssd-wear
  namespace: monitoring
spec:
  selector:
    matchLabels: { app: ssd-wear }
  template:
    metadata:
      labels: { app: ssd-wear }
    spec:
      terminationGracePeriodSeconds: 5
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
              - matchExpressions:
                  - { key: disktype, operator: In, values: [ssd] }
      containers:
        - name: smartctl-exporter
          image: quay.io/prometheuscommunity/smartctl-exporter:v0.12.0
          resources:
            requests: { cpu: 50m, memory: 64Mi }
`,
};

describe('lesson: choosing nodes', () => {
  it.each<[string, Move[]]>([
    [
      'kubectl: a nodeSelector, a relabel, a canary label, the selector removed',
      [
        SELECT_SSD,
        'wait 20',
        'lesson predict 2',
        'kubectl label node node-3 disktype=hdd --overwrite',
        'wait 20',
        'kubectl label node node-1 canary=true',
        'wait 20',
        'lesson predict 2',
        REMOVE_SELECTOR,
      ],
    ],
    [
      'the editor with node affinity In, a new SSD node added, another canary node, a wrong prediction',
      [
        SSD_WEAR_AFFINITY_IN_EDITOR,
        'wait 20',
        addNodeCommand({ name: 'node-5', labels: ['disktype=ssd'], taints: [], cpu: '', memory: '' }),
        'wait 20',
        'lesson predict 1',
        'kubectl label nodes node-3 disktype=hdd --overwrite',
        'wait 20',
        'kubectl label nodes node-4 canary=true',
        'wait 20',
        'lesson predict 1',
        'kubectl patch ds net-probe -n monitoring --type merge -p \'{"spec":{"template":{"spec":{"nodeSelector":null}}}}\'',
      ],
    ],
  ])('is completed by %s', (_route, moves) => {
    const l = new Learner(LESSON).play(moves).wait(30);
    expect(l.tracker.status()).toMatchObject({ done: 4, total: 4, current: null });
  });

  it('reveals the answer and whether the prediction was right once the task passes', () => {
    const l = new Learner(LESSON).play([SELECT_SSD, 'wait 20', 'lesson predict 1']);
    expect(l.tracker.status().tasks[1]).toEqual({ passed: false, passedAt: null, predicted: 0 });
    l.play(['kubectl label node node-3 disktype=hdd --overwrite', 'wait 20']);
    expect(l.tracker.status().tasks[1]).toMatchObject({ passed: true, predicted: 0, reveal: { answer: 1 } });
  });

  it('does not check a prediction task before the prediction, and Check my work says so', () => {
    const l = new Learner(LESSON).play([
      SELECT_SSD,
      'wait 20',
      'kubectl label node node-3 disktype=hdd --overwrite',
      'wait 20',
    ]);
    expect(l.done).toBe(1);
    expect(l.checkWork()?.unmet).toEqual(['pick your prediction first: the task is checked once you have']);
    l.play(['lesson predict 2']).wait(1);
    expect(l.done).toBe(2);
    expect(l.session.run('lesson predict 3')).toMatchObject({ exitCode: 1 });
  });

  it.each<[string, Move[], number]>([
    ['labelling node-2 as an SSD too', ['kubectl label node node-2 disktype=ssd --overwrite', SELECT_SSD], 0],
    [
      'node affinity NotIn [hdd] (node-4, with no disk label, matches it)',
      [patchSsdWear(affinity({ key: 'disktype', operator: 'NotIn', values: ['hdd'] }))],
      0,
    ],
    [
      'node affinity Exists on disktype (node-2 has the key too)',
      [patchSsdWear(affinity({ key: 'disktype', operator: 'Exists' }))],
      0,
    ],
    [
      'deleting ssd-wear on node-3 after the disk swap',
      [SELECT_SSD, 'wait 20', 'lesson predict 2', 'kubectl delete ds ssd-wear -n monitoring'],
      1,
    ],
    [
      'removing the selector at once instead of trying one node',
      [
        SELECT_SSD,
        'wait 20',
        'lesson predict 2',
        'kubectl label node node-3 disktype=hdd --overwrite',
        'wait 20',
        REMOVE_SELECTOR,
      ],
      2,
    ],
    [
      'labelling every worker canary=true instead of removing the selector',
      [
        SELECT_SSD,
        'wait 20',
        'lesson predict 2',
        'kubectl label node node-3 disktype=hdd --overwrite',
        'wait 20',
        'kubectl label node node-1 canary=true',
        'wait 20',
        'lesson predict 2',
        'kubectl label nodes node-2 node-3 node-4 canary=true',
      ],
      3,
    ],
  ])('does not count %s', (_name, moves, expected) => {
    const l = new Learner(LESSON).play(moves).wait(30);
    expect(l.done).toBe(expected);
  });
});
