// docs/lessons.md teaches by example: its lesson loads, and its solution completes it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LessonTracker } from '../../../src/scenario/lessons';
import { ScenarioSession } from '../../../src/scenario/session';

const doc = readFileSync(join(__dirname, '../../../docs/lessons.md'), 'utf8');
const yamlBlocks = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');

describe('docs/lessons.md', () => {
  it('its one-page lesson loads and is completed by a label and node affinity', () => {
    const { session, errors } = ScenarioSession.create(yamlBlocks[0] ?? '');
    expect(errors).toEqual([]);
    const tracker = new LessonTracker(session!.sim, session!.scenario!.lesson!);
    session!.advance(5);
    session!.run('kubectl label node node-2 logging=off');
    session!.run(
      `kubectl patch ds fluentd -n kube-system -p '{"spec":{"template":{"spec":{"affinity":{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchExpressions":[{"key":"logging","operator":"NotIn","values":["off"]}]}]}}}}}}}'`,
    );
    session!.advance(30);
    expect(tracker.poll()).toMatchObject({ done: 1, total: 1 });
  });

  it('its check snippets are valid checks', () => {
    const head = (yamlBlocks[0] ?? '').split('  lesson:')[0] ?? '';
    for (const snippet of yamlBlocks.slice(1)) {
      const lesson = `  lesson:\n    tasks:\n      - title: T\n${snippet.replace(/^/gm, '        ')}`;
      const { errors } = ScenarioSession.create(head + lesson);
      expect(errors).toEqual([]);
    }
    expect(yamlBlocks.length).toBeGreaterThanOrEqual(3);
  });
});
