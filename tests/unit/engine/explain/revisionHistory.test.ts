import { describe, expect, it } from 'vitest';
import type { ControllerRevision, DaemonSet, PodTemplateSpec } from '../../../../src/engine/api/types';
import { describeTemplateChange, rolloutHistory } from '../../../../src/engine/explain/revisionHistory';
import { ScenarioSession } from '../../../../src/scenario/session';
import { newDaemonSet, newNode } from '../../../fixtures/builders';
import { manifestYaml } from '../../../fixtures/cluster';

function template(edit: (t: PodTemplateSpec) => void = () => {}): PodTemplateSpec {
  const t = structuredClone(
    newDaemonSet('fluentd', {
      image: 'fluent/fluentd:v1.14-1',
      resources: { requests: { memory: '200Mi' } },
    }).spec.template,
  );
  edit(t);
  return t;
}

describe('describeTemplateChange', () => {
  const cases: { name: string; edit: (t: PodTemplateSpec) => void; want: string[] }[] = [
    {
      name: 'says an image tag change as repository:old → new tag',
      edit: (t) => (t.spec.containers[0]!.image = 'fluent/fluentd:v1.15'),
      want: ['image fluent/fluentd:v1.14-1 → v1.15'],
    },
    {
      name: 'writes the whole reference when the repository changes too',
      edit: (t) => (t.spec.containers[0]!.image = 'ghcr.io/fluent/fluent-bit:3.0'),
      want: ['image fluent/fluentd:v1.14-1 → ghcr.io/fluent/fluent-bit:3.0'],
    },
    {
      name: 'names an added toleration with its fields',
      edit: (t) =>
        (t.spec.tolerations = [{ key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }]),
      want: ['added toleration {key: dedicated, operator: Equal, value: gpu, effect: NoSchedule}'],
    },
    {
      name: 'names a changed resource request',
      edit: (t) => (t.spec.containers[0]!.resources = { requests: { memory: '300Mi' } }),
      want: ['memory request 200Mi → 300Mi'],
    },
    {
      name: 'says a template annotation was added (the crash-loop behaviour)',
      edit: (t) => (t.metadata = { ...t.metadata, annotations: { 'playground/behavior': 'crash-loop' } }),
      want: ['added annotation playground/behavior=crash-loop'],
    },
    {
      name: 'calls the restartedAt annotation a restart',
      edit: (t) =>
        (t.metadata = {
          ...t.metadata,
          annotations: { 'kubectl.kubernetes.io/restartedAt': '2025-01-01T00:01:00Z' },
        }),
      want: ['restarted (kubectl rollout restart at 2025-01-01T00:01:00Z)'],
    },
    {
      name: 'lists other pod spec fields by name',
      edit: (t) => (t.spec.terminationGracePeriodSeconds = 5),
      want: ['changed terminationGracePeriodSeconds'],
    },
    { name: 'says when nothing changed', edit: () => {}, want: ['no change to the pod template'] },
  ];
  it.each(cases)('$name', ({ edit, want }) => {
    expect(describeTemplateChange(template(), template(edit))).toEqual(want);
  });
});

describe('rolloutHistory', () => {
  it('lists revisions newest first with their change-cause, and marks the template a rollback brought back as reused', () => {
    const text = manifestYaml(
      newNode('n1'),
      newDaemonSet('fluentd', { namespace: 'kube-system', image: 'fluent/fluentd:v1.14-1' }),
    );
    const { session } = ScenarioSession.create(text);
    if (!session) throw new Error('scenario did not load');
    session.advance(10);
    session.run('kubectl annotate ds/fluentd -n kube-system kubernetes.io/change-cause="upgrade to v1.15"');
    session.run('kubectl set image ds/fluentd fluentd=fluent/fluentd:v1.15 -n kube-system');
    session.advance(30);
    session.run('kubectl rollout undo daemonset/fluentd -n kube-system --to-revision=1');
    session.advance(30);
    const sim = session.sim;
    const ds = sim.api.list<DaemonSet>('DaemonSet')[0]!;
    const history = rolloutHistory(ds, sim.api.list<ControllerRevision>('ControllerRevision'));
    expect(history.map((h) => [h.revision, h.current, h.reused, h.changes])).toEqual([
      [3, true, true, ['image fluent/fluentd:v1.15 → v1.14-1']],
      [2, false, false, ['first revision']],
    ]);
    expect(history[0]?.images).toEqual(['fluent/fluentd:v1.14-1']);
    expect(history[1]?.changeCause).toBe('upgrade to v1.15');
    expect(history[0]?.hash).toMatch(/^[a-z0-9]+$/);
  });
});
