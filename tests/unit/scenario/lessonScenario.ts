// A lesson's scenario text for the lesson tests: two nodes and kube-system's fluentd DaemonSet,
// then a Scenario document whose spec.lesson is the block a test gives.
import { loadManifests } from '../../../src/manifests';
import { LessonTracker, parseLesson } from '../../../src/scenario/lessons';
import { ScenarioSession } from '../../../src/scenario/session';
import { newDaemonSet, newNodes } from '../../fixtures/builders';
import { manifestYaml } from '../../fixtures/cluster';

export const CLUSTER =
  manifestYaml(
    ...newNodes(1, 2),
    newDaemonSet('fluentd', {
      namespace: 'kube-system',
      labels: { name: 'fluentd' },
      image: 'fluent/fluentd:v1.16-1',
    }),
  ) + '---\n';

/** SCENARIO_LINE: the line the Scenario document starts on, after the cluster's documents. */
export const SCENARIO_LINE = CLUSTER.split('\n').length;

/** scenario wraps a lesson block (YAML indented under `lesson:`) in a loadable scenario text. */
export const scenario = (lesson: string) =>
  `${CLUSTER}apiVersion: playground/v1
kind: Scenario
metadata: { name: t }
spec:
  lesson:
${lesson.replace(/^/gm, '    ')}`;

export function lessonErrors(lesson: string) {
  const raw = loadManifests(scenario(lesson)).scenario;
  if (!raw) throw new Error('no scenario document');
  // Lines count from the Scenario document's first line (apiVersion: playground/v1 is line 1).
  return parseLesson(raw).errors.map(
    (e) => `${e.line - SCENARIO_LINE + 1}:${e.column}: ${e.path}: ${e.message}`,
  );
}

export function load(lesson: string): { session: ScenarioSession; tracker: LessonTracker } {
  const { session, errors } = ScenarioSession.create(scenario(lesson));
  if (!session?.scenario?.lesson) throw new Error(errors.map((e) => e.message).join('\n') || 'no lesson');
  return { session, tracker: new LessonTracker(session.sim, session.scenario.lesson) };
}
