// The editor shows a lesson's cluster only: clusterText cuts the lesson's Scenario document out,
// the rest stays as written and still loads; and Restart after an editor apply starts the lesson over.
import { describe, expect, it } from 'vitest';
import { loadManifests } from '../../../src/manifests';
import { clusterText } from '../../../src/scenario/lessons';
import { EngineHost } from '../../../src/worker/engineHost';
import type { FromWorker } from '../../../src/worker/protocol';
import { createScenarioSession } from '../../../src/worker/scenarioSession';
import { galleryFileNames, galleryText } from './galleryFiles';

const lessons = galleryFileNames().filter((n) => galleryText(n).includes('\n  lesson:'));

describe('clusterText: the editor view of a scenario', () => {
  it.each(lessons)(
    '%s: keeps every cluster object and comment, drops the lesson with its checks and hints',
    (name) => {
      const text = galleryText(name);
      const cluster = clusterText(text);
      const loaded = loadManifests(cluster);
      expect(loaded.errors).toEqual([]);
      expect(loaded.scenario).toBeNull();
      expect(loaded.objects.map((o) => o.object.metadata.name)).toEqual(
        loadManifests(text).objects.map((o) => o.object.metadata.name),
      );
      expect(cluster).not.toMatch(/hints:|check:|kubectl: get/);
      expect(cluster.split('\n')[0]).toBe(text.split('\n')[0]);
    },
  );

  it('leaves a scenario without a lesson exactly as it is', () => {
    const text = galleryText('cordon-vs-drain');
    expect(clusterText(text)).toBe(text);
  });

  it('cuts a lesson document that comes first, without leaving a separator behind', () => {
    const text = `apiVersion: playground/v1
kind: Scenario
metadata: { name: t }
spec:
  lesson:
    tasks: [{ title: T, check: { kubectl: get nodes } }]
---
apiVersion: v1
kind: Node
metadata: { name: node-1 }
`;
    expect(clusterText(text)).toBe('apiVersion: v1\nkind: Node\nmetadata: { name: node-1 }\n');
  });
});

describe('Restart in a lesson after an editor apply', () => {
  function host(name: string) {
    const posted: FromWorker[] = [];
    const h = new EngineHost({
      createSession: createScenarioSession,
      post: (m) => posted.push(m),
      timers: { now: () => 0, setTimeout: () => 0, clearTimeout: () => undefined },
    });
    h.handle({ type: 'load', id: 1, text: galleryText(name) });
    const resets = () =>
      posted.filter((m): m is Extract<FromWorker, { type: 'reset' }> => m.type === 'reset');
    return { h, resets };
  }

  it('starts the lesson over when the applied text is the cluster only', () => {
    const { h, resets } = host('lesson-node-maintenance');
    h.handle({ type: 'apply', id: 2, text: clusterText(galleryText('lesson-node-maintenance')) });
    h.handle({ type: 'restart', id: 3 });
    expect(resets().at(-1)?.scenario?.lesson?.tasks).toHaveLength(3);
  });

  it('restarts with an applied text that holds a Scenario of its own (a teacher editing a lesson)', () => {
    const { h, resets } = host('lesson-node-maintenance');
    h.handle({ type: 'apply', id: 2, text: galleryText('cordon-vs-drain') });
    h.handle({ type: 'restart', id: 3 });
    expect(resets().at(-1)?.scenario?.name).toBe('cordon-vs-drain');
  });
});
