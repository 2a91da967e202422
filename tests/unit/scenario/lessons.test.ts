import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../../src/manifests';
import {
  LessonTracker,
  checkCommandProblem,
  meetsExpectation,
  parseLesson,
} from '../../../src/scenario/lessons';
import type { Expectation, Lesson } from '../../../src/scenario/lessons';
import { ScenarioSession } from '../../../src/scenario/session';
import { newDaemonSet, newNodes } from '../../fixtures/builders';
import { manifestYaml, newCluster } from '../../fixtures/cluster';
import { evaluateCheck } from '../../../src/scenario/lessons/checks';

const CLUSTER =
  manifestYaml(
    ...newNodes(1, 2),
    newDaemonSet('fluentd', {
      namespace: 'kube-system',
      labels: { name: 'fluentd' },
      image: 'fluent/fluentd:v1.16-1',
    }),
  ) + '---\n';

/** SCENARIO_LINE: the line the Scenario document starts on, after the cluster's documents. */
const SCENARIO_LINE = CLUSTER.split('\n').length;

/** scenario wraps a lesson block (YAML indented under `lesson:`) in a loadable scenario text. */
const scenario = (lesson: string) =>
  `${CLUSTER}apiVersion: playground/v1
kind: Scenario
metadata: { name: t }
spec:
  lesson:
${lesson.replace(/^/gm, '    ')}`;

function lessonErrors(lesson: string) {
  const raw = loadManifests(scenario(lesson)).scenario;
  if (!raw) throw new Error('no scenario document');
  // Lines count from the Scenario document's first line (apiVersion: playground/v1 is line 1).
  return parseLesson(raw).errors.map(
    (e) => `${e.line - SCENARIO_LINE + 1}:${e.column}: ${e.path}: ${e.message}`,
  );
}

function load(lesson: string): { session: ScenarioSession; tracker: LessonTracker } {
  const { session, errors } = ScenarioSession.create(scenario(lesson));
  if (!session?.scenario?.lesson) throw new Error(errors.map((e) => e.message).join('\n') || 'no lesson');
  return { session, tracker: new LessonTracker(session.sim, session.scenario.lesson) };
}

describe('lesson parsing', () => {
  it('reads tasks with their title, Markdown description, hints and check', () => {
    const { tracker } = load(`tasks:
  - title: Leave node-2
    description: "Make **fluentd** leave node-2."
    hints: [Label it, Use affinity]
    check:
      kubectl: get pods -n kube-system --field-selector spec.nodeName=node-2 -o name
      expect: { empty: true }`);
    expect(tracker.lesson).toEqual<Lesson>({
      tasks: [
        {
          title: 'Leave node-2',
          description: 'Make **fluentd** leave node-2.',
          hints: ['Label it', 'Use affinity'],
          check: {
            kind: 'kubectl',
            command: 'get pods -n kube-system --field-selector spec.nodeName=node-2 -o name',
            expect: { empty: true },
          },
        },
      ],
    });
  });

  it('a scenario without spec.lesson has no lesson and no errors', () => {
    const raw = loadManifests(
      `${CLUSTER}apiVersion: playground/v1\nkind: Scenario\nmetadata: { name: t }\nspec: {}\n`,
    );
    expect(parseLesson(raw.scenario!)).toEqual({ errors: [] });
  });

  it.each([
    ['delete pods -n kube-system -l name=fluentd', '"delete"'],
    ['kubectl cordon node-2', '"cordon"'],
    ['label node node-2 a=b', '"label"'],
  ])('rejects a check that would change the cluster (%s) at load time, on its line', (command, verb) => {
    const errors = lessonErrors(`tasks:
  - title: T
    check:
      kubectl: ${command}`);
    // The check's kubectl: value is on the Scenario document's line 9, column 20.
    expect(errors).toEqual([
      `9:20: spec.lesson.tasks[0].check.kubectl: Unsupported value: ${verb}: supported values: "get" (a check only reads the cluster)`,
    ]);
  });

  it('fails the whole scenario load with the positioned error, like any other scenario error', () => {
    const { session, errors } = ScenarioSession.create(
      scenario(`tasks:\n  - title: T\n    check: { kubectl: delete ds fluentd -n kube-system }`),
    );
    expect(session).toBeNull();
    expect(errors[0]).toMatchObject({ path: 'spec.lesson.tasks[0].check.kubectl', line: SCENARIO_LINE + 7 });
  });

  it('explains what else is wrong, each at its own field', () => {
    const errors = lessonErrors(`tasks:
  - description: no title
    hints: hint
    check:
      all:
        - kubectl: get pods -w
        - kubectl: get pods --frobnicate
        - kubectl: get pods
          expect: { matches: "(", lines: many, colour: blue }
      any: []
  - title: T2`);
    expect(errors).toEqual([
      '7:9: spec.lesson.tasks[0].title: Required value: every task needs a title',
      '8:16: spec.lesson.tasks[0].hints: Invalid value: hints is a list of texts',
      '15:11: spec.lesson.tasks[0].check.any: a check is exactly one of kubectl:, all:, any: or not:, not all and any',
      '16:9: spec.lesson.tasks[1].check: Required value: every task needs a check that tells when it is done',
    ]);
    const nested = lessonErrors(`tasks:
  - title: T
    check:
      all:
        - kubectl: get pods -w
        - kubectl: get pods --frobnicate
        - kubectl: get pods
          expect: { matches: "(", lines: many, colour: blue }`);
    expect(nested).toEqual([
      '10:24: spec.lesson.tasks[0].check.all[0].kubectl: Invalid value: a check runs once after each change; --watch never returns',
      '11:24: spec.lesson.tasks[0].check.all[1].kubectl: unknown flag: --frobnicate',
      '13:52: spec.lesson.tasks[0].check.all[2].expect.colour: unknown field "colour": expect: has empty, equals, contains, matches, lines, error, sameWordsAs, includesWordsOf',
      '13:34: spec.lesson.tasks[0].check.all[2].expect.matches: Invalid value: not a regular expression: Invalid regular expression: /(/m: Unterminated group',
      '13:46: spec.lesson.tasks[0].check.all[2].expect.lines: Invalid value: "many": a line count (3) or a comparison (">= 2")',
    ]);
  });

  it('needs a list of tasks', () => {
    expect(lessonErrors('tasks: []')).toEqual([
      '6:5: spec.lesson.tasks: Required value: a lesson needs a list of one or more tasks',
    ]);
  });

  it('checkCommandProblem accepts get in every spelling and nothing else', () => {
    expect(checkCommandProblem('kubectl get pods')).toBeUndefined();
    expect(
      checkCommandProblem('-n kube-system get ds fluentd -o jsonpath={.status.numberReady}'),
    ).toBeUndefined();
    expect(checkCommandProblem('get pods --watch-only')).toMatch(/--watch never returns/);
    expect(checkCommandProblem("get pods -l 'a")).toMatch(/matching/);
    expect(checkCommandProblem('describe pod x')).toMatch(/Unsupported value: "describe"/);
    expect(checkCommandProblem('')).toMatch(/Required value/);
  });

  it.each([
    ['get pods -n kube-system -o wide | grep -c node-3', undefined],
    [`get ds -n kube-system -o json | jq '.items[].status.numberReady' | sort -n | head -1`, undefined],
    ['get nodes -o name | xargs kubectl cordon', /Unsupported value: "xargs"/],
    ['get ds -o yaml | kubectl apply -f -', /Unsupported value: "kubectl"/],
    ['describe node n1 | grep Taints', /Unsupported value: "describe"/],
    ['get pods | sed 1d', /sed: command not found/],
    ['get pods && get nodes', /"&&"/],
  ])('a check may pipe get into read-only filters: %s', (command, problem) => {
    const found = checkCommandProblem(command);
    if (problem === undefined) expect(found).toBeUndefined();
    else expect(found).toMatch(problem);
  });
});

describe('lesson expectations', () => {
  const out = (stdout: string, exitCode = 0) => ({ stdout, stderr: '', exitCode });
  it.each<[string, ReturnType<typeof out>, Expectation, boolean]>([
    ['empty: true passes on no output', out(''), { empty: true }, true],
    ['empty: true fails on output', out('pod/a\n'), { empty: true }, false],
    ['no expectation means "prints something"', out('pod/a\n'), { empty: false }, true],
    ['equals ignores trailing spaces and newlines', out('3   \n'), { equals: '3' }, true],
    ['equals compares whole output', out('13\n'), { equals: '3' }, false],
    ['contains finds a substring', out('a b c\n'), { contains: 'b c' }, true],
    ['matches is a multiline regular expression', out('x\nready=3\n'), { matches: '^ready=\\d$' }, true],
    ['lines counts non-empty lines', out('a\n\nb\n'), { lines: { op: '==', count: 2 } }, true],
    ['lines compares with >=', out('a\n'), { lines: { op: '>=', count: 2 } }, false],
    ['a failing command fails the check', out('', 1), { empty: true }, false],
    ['error: true expects the command to fail', out('', 1), { error: true }, true],
    ['error: true fails when the command succeeds', out(''), { error: true }, false],
    ['every field must hold', out('a\n'), { contains: 'a', lines: { op: '==', count: 2 } }, false],
  ])('%s', (_name, result, expect_, passes) => {
    expect(meetsExpectation(result, expect_)).toBe(passes);
  });

  it.each<[string, string, string, boolean]>([
    ['every word of the other output, in any order', 'node-2 node-1', 'node-1 node-2', true],
    ['a word repeated, or one more', 'node-1 node-1 node-2 control-plane', 'node-1 node-2', true],
    ['one word of the other output missing', 'node-1 node-1', 'node-1 node-2', false],
    ['nothing printed, when the other prints something', '', 'node-1', false],
  ])('includesWordsOf passes on %s: %j has %j → %s', (_name, stdout, other, passes) => {
    expect(meetsExpectation(out(stdout), { includesWordsOf: 'get nodes' }, out(other))).toBe(passes);
  });

  it.each<[string, string, boolean]>([
    ['sameWordsAs, repeated words counted', 'node-1 node-1 node-2', false],
    ['sameWordsAs, the same words', 'node-2 node-1', true],
  ])('%s: %j against "node-1 node-2" → %s', (_name, stdout, passes) => {
    expect(meetsExpectation(out(stdout), { sameWordsAs: 'get nodes' }, out('node-1 node-2'))).toBe(passes);
  });
});

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

describe('a piped check judges what the last stage prints, with its exit status', () => {
  const sim = newCluster([...newNodes(1, 3), newDaemonSet('fluentd')]);
  sim.runUntil(60);
  it.each<[string, Expectation, boolean]>([
    ['get pods -o wide | grep -c node-3', { equals: '1' }, true],
    ['get pods -o wide | grep node-2 | wc -l', { equals: '1' }, true],
    ['get pods -o wide | grep node-9', { empty: true }, false],
    ['get pods -o wide | grep node-9', { error: true }, true],
    [`get ds fluentd -o json | jq '.status.numberReady'`, { equals: '3' }, true],
  ])('%s with %j → %s', (command, expect_, passes) => {
    expect(evaluateCheck(sim, { kind: 'kubectl', command, expect: expect_ })).toBe(passes);
  });
});
