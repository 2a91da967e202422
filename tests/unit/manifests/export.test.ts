import { describe, expect, it } from 'vitest';
import type { KubeObject, Pod } from '../../../src/engine/api/types';
import { cleanForApply, dumpYaml, exportManifests, loadManifests } from '../../../src/manifests';
import { newDaemonSet, newNode, newPod } from '../../fixtures/builders';

describe('export to YAML that kubectl apply accepts', () => {
  it('drops status and server-written metadata', () => {
    const ds = newDaemonSet('agent');
    ds.metadata = {
      ...ds.metadata,
      resourceVersion: '7',
      creationTimestamp: '2024-01-01T00:00:00Z',
      generation: 3,
    };
    ds.status = {
      currentNumberScheduled: 1,
      numberMisscheduled: 0,
      desiredNumberScheduled: 1,
      numberReady: 1,
    };
    const out = cleanForApply(ds);
    expect(out.status).toBeUndefined();
    expect(out.metadata).toEqual({ name: 'agent', namespace: 'default' });
  });

  it('drops playground annotations unless asked to keep them', () => {
    const ds = newDaemonSet('agent', {
      templateAnnotations: { 'playground/behavior': 'crash-loop', 'example.com/x': 'y' },
    });
    const plain = cleanForApply(ds, { playgroundFields: false }) as {
      spec: { template: { metadata: { annotations?: object } } };
    };
    expect(plain.spec.template.metadata.annotations).toEqual({ 'example.com/x': 'y' });
    const kept = cleanForApply(ds, { playgroundFields: true }) as typeof plain;
    expect(kept.spec.template.metadata.annotations).toEqual({
      'playground/behavior': 'crash-loop',
      'example.com/x': 'y',
    });
  });

  it('keeps node capacity only for a round trip into the playground', () => {
    expect(cleanForApply(newNode('n1'), { playgroundFields: false }).status).toBeUndefined();
    expect(cleanForApply(newNode('n1'), { playgroundFields: true }).status).toEqual({
      capacity: { cpu: '4', memory: '8Gi', pods: '110' },
      allocatable: { cpu: '4', memory: '8Gi', pods: '110' },
    });
  });

  it('quotes strings that YAML 1.1 would read as booleans or numbers', () => {
    expect(dumpYaml({ labels: { gpu: 'yes', version: '2', on: 'on' } })).toBe(
      'labels:\n  gpu: "yes"\n  version: "2"\n  "on": "on"\n',
    );
  });

  it('leaves out pods owned by a controller, and orders nodes before workloads', () => {
    const owned: Pod = newPod('agent-x');
    owned.metadata.ownerReferences = [
      { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: 'u', controller: true },
    ];
    const objects: KubeObject[] = [newDaemonSet('agent'), owned, newPod('bare'), newNode('n1')];
    const text = exportManifests(objects, { playgroundFields: false });
    expect(text.match(/^kind: \w+/gm)).toEqual(['kind: Node', 'kind: DaemonSet', 'kind: Pod']);
    expect(text).not.toContain('agent-x');
  });

  it('round-trips through the loader without errors', () => {
    const objects: KubeObject[] = [newNode('n1'), newDaemonSet('agent'), newPod('bare')];
    const r = loadManifests(exportManifests(objects, { playgroundFields: true }));
    expect(r.errors).toEqual([]);
    expect(r.objects.map((o) => o.object.metadata.name)).toEqual(['n1', 'agent', 'bare']);
  });
});

describe('dumpYaml · quoting as go-yaml (sigs.k8s.io/yaml) writes it for kubectl -o yaml', () => {
  it.each([
    ['*/5 * * * *', "v: '*/5 * * * *'"],
    ['@every 1h', "v: '@every 1h'"],
    ['a: b', "v: 'a: b'"],
    ["it's: here", "v: 'it''s: here'"],
    ['25', 'v: "25"'],
    ['yes', 'v: "yes"'],
    ['2025-01-01T00:00:00Z', 'v: "2025-01-01T00:00:00Z"'],
    ['-c', 'v: -c'],
    ['busybox:1.36', 'v: busybox:1.36'],
    ['', 'v: ""'],
  ])('%j → %s', (value, line) => {
    expect(dumpYaml({ v: value })).toBe(`${line}\n`);
  });
});
