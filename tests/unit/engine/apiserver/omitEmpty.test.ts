// Objects read back as the API server stores them: the stored form is the Go object encoded by
// encoding/json, so every `omitempty` field holding its zero value is absent (k8s.io/api
// core/v1 and apps/v1 types.go; pointer fields such as `*int32 revisionHistoryLimit` keep a set 0).
import { describe, expect, it } from 'vitest';
import type { DaemonSet, Node } from '../../../../src/engine/api/types';
import { omitEmpty } from '../../../../src/engine/apiserver/omitEmpty';
import { runKubectl } from '../../../../src/kubectl';
import { newDaemonSet, newNode } from '../../../fixtures/builders';
import { newCluster } from '../../../fixtures/cluster';

describe('the API server stores zero-valued omitempty fields as absent', () => {
  it.each([
    {
      behaviour: 'patch spec.unschedulable false on a cordoned node',
      line: `patch node node-1 -p '{"spec":{"unschedulable":false}}'`,
    },
    { behaviour: 'uncordon', line: 'uncordon node-1' },
  ])('$behaviour: get -o jsonpath={.spec} shows no unschedulable', ({ line }) => {
    const sim = newCluster([newNode('node-1', { unschedulable: true, taints: [] })]);
    expect(runKubectl(sim, line).exitCode).toBe(0);
    // The node lifecycle controller then takes the unschedulable taint off (doNoScheduleTaintingPass).
    sim.settle();
    expect(runKubectl(sim, 'get node node-1 -o jsonpath={.spec}').stdout).toBe('{}');
    expect(sim.api.get<Node>('Node', undefined, 'node-1')?.spec).not.toHaveProperty('unschedulable');
  });

  it.each([
    { field: 'hostNetwork: false (bool)', spec: { hostNetwork: false }, absent: 'hostNetwork' },
    { field: 'nodeName: "" (string)', spec: { nodeName: '' }, absent: 'nodeName' },
    { field: 'nodeSelector: {} (map)', spec: { nodeSelector: {} }, absent: 'nodeSelector' },
    { field: 'volumes: [] (slice)', spec: { volumes: [] }, absent: 'volumes' },
  ])('a DaemonSet pod template with $field', ({ spec, absent }) => {
    const ds = newDaemonSet('agent');
    Object.assign(ds.spec.template.spec, spec);
    const sim = newCluster([ds]);
    const stored = sim.api.get<DaemonSet>('DaemonSet', 'default', 'agent');
    expect(stored?.spec.template.spec).not.toHaveProperty(absent);
    expect(stored?.spec.template.spec.containers[0]?.image).toBe('registry.k8s.io/pause:3.10');
  });

  it.each([
    { behaviour: 'paused: false on a Deployment', path: ['spec', 'paused'], value: false, kept: false },
    { behaviour: 'minReadySeconds: 0', path: ['spec', 'minReadySeconds'], value: 0, kept: false },
    {
      behaviour: 'revisionHistoryLimit: 0 (a pointer)',
      path: ['spec', 'revisionHistoryLimit'],
      value: 0,
      kept: true,
    },
    { behaviour: 'replicas: 0 (a pointer)', path: ['spec', 'replicas'], value: 0, kept: true },
  ])('$behaviour is kept: $kept', ({ path, value, kept }) => {
    const deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: {
        replicas: 1,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'web', image: 'nginx' }] },
        },
      },
    } as const;
    const input = JSON.parse(JSON.stringify(deployment)) as Record<string, Record<string, unknown>>;
    (input[path[0] as string] as Record<string, unknown>)[path[1] as string] = value;
    const out = omitEmpty(input as never) as unknown as Record<string, Record<string, unknown>>;
    expect((path[1] as string) in (out[path[0] as string] ?? {})).toBe(kept);
  });

  it('leaves the input as it is and returns it unchanged when nothing is empty', () => {
    const node = newNode('node-1', { unschedulable: false });
    const copy = JSON.parse(JSON.stringify(node)) as Node;
    const out = omitEmpty(node);
    expect(node).toEqual(copy);
    expect(out.spec).toEqual({});
    const clean = newNode('node-2');
    expect(omitEmpty(clean)).toBe(clean);
  });

  it('drops empty toleration fields but keeps a taint key, which is not omitempty', () => {
    const ds = newDaemonSet('agent', { tolerations: [{ key: '', operator: 'Exists' }] });
    const out = omitEmpty(ds);
    expect(out.spec.template.spec.tolerations).toEqual([{ operator: 'Exists' }]);
    const node = omitEmpty(newNode('n', { taints: [{ key: 'k', value: '', effect: 'NoSchedule' }] }));
    expect(node.spec.taints).toEqual([{ key: 'k', effect: 'NoSchedule' }]);
  });
});
