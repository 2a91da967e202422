import { describe, expect, it } from 'vitest';
import { checkCommandProblem, parseLesson } from '../../../src/scenario/lessons';
import type { Lesson } from '../../../src/scenario/lessons';
import { ScenarioSession } from '../../../src/scenario/session';
import { CLUSTER, SCENARIO_LINE, lessonErrors, load, scenario } from './lessonScenario';
import { loadManifests } from '../../../src/manifests';

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
