// Lesson 5, rolling out and rolling back, solved by kubectl (set image, rollout undo, patches)
// and by the editor with a node added and other spellings (revision 1 by number, a 25% surge);
// and not solved by skipping the typo'd tag, deleting the stuck pod, a surge the API server
// refuses (DaemonSet validation: maxSurge only with maxUnavailable 0), or an OnDelete update
// of every node. The controller's rolling update is pkg/controller/daemon/update.go (rollingUpdate).
import { describe, expect, it } from 'vitest';
import { addNodeCommand } from '../../../src/app/grid/nodeCommands';
import { Learner } from './learner';
import type { Move } from './learner';

const LESSON = 'lesson-rolling-out';
const setImage = (tag: string) => `kubectl set image ds/fluentd fluentd=fluent/fluentd:${tag} -n kube-system`;
const patch = (spec: object) => `kubectl patch ds fluentd -n kube-system -p '${JSON.stringify({ spec })}'`;
const SURGE = patch({
  minReadySeconds: 10,
  updateStrategy: { rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
});
const ON_DELETE = patch({ updateStrategy: { type: 'OnDelete', rollingUpdate: null } });
const DELETE_ON_NODE_1 =
  'kubectl delete pods -n kube-system -l name=fluentd --field-selector spec.nodeName=node-1';
const ADD_NODE_5 = addNodeCommand({ name: 'node-5', labels: [], taints: [], cpu: '', memory: '' });

/** The editor's fluentd, as the learner edits it: a tag, the update strategy, minReadySeconds. */
function fluentdInEditor(tag: string, strategy: string, minReadySeconds = 0): { apply: string } {
  return {
    apply: `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: fluentd
  namespace: kube-system
spec:
  selector:
    matchLabels: { name: fluentd }
  minReadySeconds: ${minReadySeconds}
  updateStrategy:
${strategy}  template:
    metadata:
      labels: { name: fluentd }
    spec:
      terminationGracePeriodSeconds: 5
      containers:
        - name: fluentd
          image: fluent/fluentd:${tag}
          readinessProbe:
            httpGet: { path: /metrics, port: 24231 }
            initialDelaySeconds: 3
            periodSeconds: 2
`,
  };
}
const ROLLING_1 = '    type: RollingUpdate\n    rollingUpdate: { maxUnavailable: 1 }\n';
const SURGE_25 = "    type: RollingUpdate\n    rollingUpdate: { maxUnavailable: 0, maxSurge: '25%' }\n";
const ON_DELETE_YAML = '    type: OnDelete\n';

const UP_TO_TASK_3: Move[] = [
  'lesson predict 2',
  setImage('v1.17'),
  'wait 20',
  'kubectl rollout undo ds/fluentd -n kube-system',
  'wait 30',
];
const UP_TO_TASK_4: Move[] = [...UP_TO_TASK_3, 'lesson predict 2', SURGE, setImage('v1.17-1'), 'wait 120'];

describe('lesson: rolling out and rolling back', () => {
  it.each<[string, Move[]]>([
    [
      'kubectl: set image, rollout undo, a surge patch, OnDelete and one deleted pod',
      [...UP_TO_TASK_4, 'lesson predict 2', ON_DELETE, setImage('v1.18-1'), 'wait 5', DELETE_ON_NODE_1],
    ],
    [
      'the editor with node-5 added: revision 1 by number, a 25% surge with minReadySeconds 15, OnDelete',
      [
        ADD_NODE_5,
        'lesson predict 3',
        fluentdInEditor('v1.17', ROLLING_1),
        'wait 20',
        'kubectl rollout undo ds/fluentd -n kube-system --to-revision=1',
        'wait 40',
        'lesson predict 1',
        fluentdInEditor('v1.17-1', SURGE_25, 15),
        'wait 150',
        'lesson predict 1',
        fluentdInEditor('v1.18-1', ON_DELETE_YAML, 15),
        'wait 5',
        DELETE_ON_NODE_1,
      ],
    ],
  ])('is completed by %s', (_route, moves) => {
    const l = new Learner(LESSON).play(moves).wait(40);
    expect(l.tracker.status()).toMatchObject({ done: 4, total: 4, current: null });
  });

  it('stalls the rollout on one node with ImagePullBackOff; rollout undo makes the old template revision 3', () => {
    const l = new Learner(LESSON).play(['lesson predict 2', setImage('v1.17'), 'wait 60']);
    const reasons = l.session.run(
      'kubectl get pods -n kube-system -l name=fluentd -o jsonpath={.items[*].status.containerStatuses[0].state.waiting.reason}',
    ).stdout;
    expect(reasons.trim().split(/\s+/)).toEqual(['ImagePullBackOff']);
    l.play(['kubectl rollout undo ds/fluentd -n kube-system', 'wait 30']);
    expect(l.done).toBe(2);
    expect(l.session.run('kubectl rollout history ds/fluentd -n kube-system').stdout).toMatch(/^2\s.*\n3\s/m);
  });

  it.each<[string, Move[], number]>([
    [
      "the right tag at once (the lesson asks for the guide's typo first)",
      ['lesson predict 2', setImage('v1.17-1'), 'wait 60'],
      0,
    ],
    [
      'deleting the stuck pod (the DaemonSet creates it again from the same template)',
      [
        'lesson predict 2',
        setImage('v1.17'),
        'wait 20',
        'kubectl delete pods -n kube-system -l name=fluentd',
        'wait 30',
      ],
      1,
    ],
    [
      'maxSurge beside maxUnavailable 1 (the API server refuses it), then the image alone',
      [
        ...UP_TO_TASK_3,
        'lesson predict 2',
        `? ${patch({ updateStrategy: { rollingUpdate: { maxSurge: 1 } } })}`,
        setImage('v1.17-1'),
        'wait 90',
      ],
      2,
    ],
    [
      'a surge without minReadySeconds',
      [
        ...UP_TO_TASK_3,
        'lesson predict 2',
        patch({ updateStrategy: { rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } } }),
        setImage('v1.17-1'),
        'wait 90',
      ],
      2,
    ],
    [
      'OnDelete with every pod deleted (no canary)',
      [
        ...UP_TO_TASK_4,
        'lesson predict 2',
        ON_DELETE,
        setImage('v1.18-1'),
        'kubectl delete pods -n kube-system -l name=fluentd',
      ],
      3,
    ],
    [
      'v1.18-1 by a rolling update (every node updates)',
      [...UP_TO_TASK_4, 'lesson predict 2', setImage('v1.18-1')],
      3,
    ],
  ])('does not count %s', (_name, moves, expected) => {
    const l = new Learner(LESSON).play(moves).wait(60);
    expect(l.done).toBe(expected);
  });

  it('Check my work names the nodes beyond the canary when every pod was deleted', () => {
    const l = new Learner(LESSON).play([
      ...UP_TO_TASK_4,
      'lesson predict 2',
      ON_DELETE,
      setImage('v1.18-1'),
      'kubectl delete pods -n kube-system -l name=fluentd',
      'wait 30',
    ]);
    const [unmet, ...rest] = l.checkWork()?.unmet ?? [];
    expect(rest).toEqual([]);
    expect(unmet).toMatch(
      /^v1\.18-1 runs on (node-\d ?){4}; the canary is node-1 alone, the others keep v1\.17-1$/,
    );
    for (const node of ['node-1', 'node-2', 'node-3', 'node-4']) expect(unmet).toContain(node);
  });
});
