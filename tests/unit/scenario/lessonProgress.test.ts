import { describe, expect, it } from 'vitest';
import { lessonErrors, load } from './lessonScenario';

describe('lesson progress', () => {
  const lesson = `tasks:
  - title: Cordon node-2
    check:
      kubectl: get node node-2 -o jsonpath={.spec.unschedulable}
      expect: { equals: "true" }
  - title: Uncordon node-2
    check:
      kubectl: get node node-2 -o jsonpath={.spec.unschedulable}
      expect: { empty: true }`;

  it('completes tasks in order: a later check that already holds waits for its turn', () => {
    const { session, tracker } = load(lesson);
    expect(tracker.poll()).toBeNull();
    expect(tracker.status()).toMatchObject({ total: 2, done: 0, current: 0 });
    session.run('kubectl cordon node-2');
    expect(tracker.poll()).toMatchObject({
      done: 1,
      current: 1,
      tasks: [{ passed: true }, { passed: false }],
    });
    session.run('kubectl uncordon node-2');
    const done = tracker.poll();
    expect(done).toMatchObject({ done: 2, current: null });
    // A task that passed stays passed, whatever happens later.
    session.run('kubectl cordon node-2');
    expect(tracker.poll()).toBeNull();
    expect(tracker.status().done).toBe(2);
  });

  it('evaluates nothing while the cluster does not change', () => {
    const { session, tracker } = load(lesson);
    tracker.poll();
    session.run('kubectl get nodes');
    expect(tracker.poll()).toBeNull();
  });

  it('combines checks with all:, any: and not:', () => {
    const { session, tracker } = load(`tasks:
  - title: Leave node-2 but keep the DaemonSet
    check:
      all:
        - kubectl: get ds fluentd -n kube-system -o name
        - not:
            kubectl: get pods -n kube-system --field-selector spec.nodeName=node-2 -o name
        - any:
            - kubectl: get node node-2 -o jsonpath={.spec.taints[*].effect}
              expect: { contains: NoExecute }
            - kubectl: get node node-2 -o jsonpath={.metadata.labels.logging}
              expect: { equals: "off" }`);
    session.advance(5);
    expect(tracker.poll()).toBeNull();
    session.run('kubectl taint node node-2 tenant=acme:NoExecute');
    session.advance(5);
    expect(tracker.poll()).toMatchObject({ done: 1 });
  });

  it('does not pass when the DaemonSet is deleted, although its pods leave node-2', () => {
    const { session, tracker } = load(`tasks:
  - title: Leave node-2 but keep the DaemonSet
    check:
      all:
        - kubectl: get ds fluentd -n kube-system -o name
        - kubectl: get pods -n kube-system --field-selector spec.nodeName=node-2 -o name
          expect: { empty: true }`);
    session.advance(5);
    session.run('kubectl delete ds fluentd -n kube-system');
    session.advance(60);
    expect(tracker.poll()).toBeNull();
    expect(tracker.status().done).toBe(0);
  });
});

describe('Check my work: every unmet condition in words', () => {
  const lesson = `tasks:
  - title: Leave node-2 but keep the DaemonSet
    check:
      all:
        - kubectl: get ds fluentd -n kube-system -o name
          unmet: the fluentd DaemonSet is gone
        - kubectl: get pods -n kube-system --field-selector spec.nodeName=node-2 -o name
          expect: { empty: true }
          unmet: "fluentd still runs on node-2 ({output})"
        - kubectl: get node node-2 -o jsonpath={.metadata.labels.logging}
          expect: { equals: "off" }
        - not:
            kubectl: get node node-1 -o jsonpath={.spec.unschedulable}
            expect: { equals: "true" }`;

  it("names each condition not met, in the author's words or derived from the check", () => {
    const { session, tracker } = load(lesson);
    session.advance(5);
    const pod = session.run('kubectl get pods -n kube-system --field-selector spec.nodeName=node-2 -o name');
    session.run('kubectl cordon node-1');
    expect(tracker.checkWork()).toEqual({
      passed: false,
      unmet: [
        `fluentd still runs on node-2 (${pod.stdout.trim()})`,
        '`kubectl get node node-2 -o jsonpath={.metadata.labels.logging}` prints nothing; it should print `off`',
        '`kubectl get node node-1 -o jsonpath={.spec.unschedulable}` prints `true`; it should not print `true`',
      ],
    });
  });

  it('says a failing command fails, with its error, and an all: with its own unmet speaks for its parts', () => {
    const { tracker } = load(`tasks:
  - title: T
    check:
      any:
        - kubectl: get ds fluentbit -n kube-system -o name
        - all:
            - kubectl: get node node-9 -o name
            - kubectl: get node node-8 -o name
          unmet: node-8 and node-9 have not joined
        - kubectl: get pods -A -o name
          expect: { lines: '>= 40' }`);
    const unmet = tracker.checkWork()?.unmet ?? [];
    expect(unmet).toHaveLength(1);
    expect(unmet[0]).toMatch(
      new RegExp(
        '^none of these is done yet: `kubectl get ds fluentbit -n kube-system -o name` fails: ' +
          'Error from server \\(NotFound\\): daemonsets.apps "fluentbit" not found; it should print something; ' +
          'or node-8 and node-9 have not joined; ' +
          'or `kubectl get pods -A -o name` prints `pod/fluentd-\\w+, pod/fluentd-\\w+`; it should print at least 40 lines$',
      ),
    );
  });

  it('ticks the task when it passes, as a poll would', () => {
    const { session, tracker } = load(lesson);
    session.run('kubectl label node node-2 logging=off');
    session.run('kubectl taint node node-2 tenant=acme:NoExecute');
    session.advance(30);
    expect(tracker.checkWork()).toEqual({ passed: true, unmet: [] });
    expect(tracker.status()).toMatchObject({ done: 1, current: null });
    expect(tracker.checkWork()).toBeNull();
  });

  it('fills {missing} with the words an includesWordsOf command prints that the output lacks', () => {
    const { session, tracker } = load(`tasks:
  - title: T
    check:
      kubectl: get pods -n kube-system -l name=fluentd --field-selector spec.nodeName=node-1 -o jsonpath={.items[*].spec.nodeName}
      expect: { includesWordsOf: 'get nodes -o jsonpath={.items[*].metadata.name}' }
      unmet: 'fluentd has no pod on {missing} (it runs on {output})'`);
    session.advance(10);
    expect(tracker.checkWork()).toEqual({
      passed: false,
      unmet: ['fluentd has no pod on node-2 (it runs on node-1)'],
    });
  });

  it.each([
    [
      '{ sameWordsAs: get nodes, includesWordsOf: get nodes }',
      /includesWordsOf: Invalid value: an expect: compares with one other command/,
    ],
    ['{ includesWordsOf: delete nodes }', /includesWordsOf: .*delete/],
  ])('rejects expect: %s at its field', (expectText, message) => {
    const errors = lessonErrors(`tasks:
  - title: T
    check:
      kubectl: get pods
      expect: ${expectText}`);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  it('reads unmet: on any check and rejects an empty one at its line', () => {
    expect(
      lessonErrors(`tasks:
  - title: T
    check:
      kubectl: get pods
      unmet: ''`),
    ).toEqual([
      '10:18: spec.lesson.tasks[0].check.unmet: Invalid value: unmet: is the text "Check my work" shows',
    ]);
  });
});
