import { describe, expect, it } from 'vitest';
import { asList, toJsonText, toYaml } from '../../../../src/kubectl/printers/serialize';

describe('-o yaml / -o json · as kubectl serializes', () => {
  it('sorts keys, leaves sequences unindented and quotes strings YAML 1.1 would misread', () => {
    const obj = {
      kind: 'Node',
      apiVersion: 'v1',
      metadata: {
        name: 'node-1',
        labels: { gpu: 'true', zone: 'on' },
        creationTimestamp: '2025-01-01T00:00:00Z',
      },
      spec: { taints: [{ key: 'a', effect: 'NoSchedule' }] },
    };
    expect(toYaml(obj)).toBe(
      'apiVersion: v1\nkind: Node\nmetadata:\n  creationTimestamp: "2025-01-01T00:00:00Z"\n  labels:\n    gpu: "true"\n    zone: "on"\n  name: node-1\nspec:\n  taints:\n  - effect: NoSchedule\n    key: a\n',
    );
  });

  it('prints JSON with 4-space indentation and apiVersion, kind, metadata first, status last', () => {
    const text = toJsonText({
      status: { x: 1 },
      spec: {},
      metadata: { uid: 'u', name: 'n' },
      kind: 'Pod',
      apiVersion: 'v1',
    });
    expect(text).toBe(
      '{\n    "apiVersion": "v1",\n    "kind": "Pod",\n    "metadata": {\n        "name": "n",\n        "uid": "u"\n    },\n    "spec": {},\n    "status": {\n        "x": 1\n    }\n}\n',
    );
  });

  it('wraps several objects in a v1 List', () => {
    expect(toYaml(asList([]))).toBe(
      'apiVersion: v1\nitems: []\nkind: List\nmetadata:\n  resourceVersion: ""\n',
    );
  });
});
