// Strict field validation in the loader: the API server's strict decoding (sigs.k8s.io/json
// UnmarshalStrict, apimachinery runtime.NewStrictDecodingError) behind kubectl's default
// `--validate=strict`. Unknown fields are named by their full path and marked on their key.
import { describe, expect, it } from 'vitest';
import type { DaemonSet } from '../../../src/engine/api/types';
import { loadManifests } from '../../../src/manifests';
import type { FieldValidation } from '../../../src/manifests';
import { unknownFields } from '../../../src/manifests/strict';

const daemonSet = (podSpec: string, extra = '') => `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
  namespace: kube-system
spec:${extra}
  selector:
    matchLabels: {app: agent}
  template:
    metadata:
      labels: {app: agent}
      annotations: {playground/behavior: healthy, playground/startup-seconds: "3"}
    spec:
${podSpec}
`;

const containers = `      containers:
      - name: agent
        image: agent:1
`;

describe('strict decoding names every unknown field with its path and key position', () => {
  it.each([
    {
      behaviour: 'a misspelt container field',
      text: daemonSet(
        `      containers:\n      - name: agent\n        image: agent:1\n        imagePulPolicy: Always\n`,
      ),
      want: [{ line: 17, column: 9, path: 'spec.template.spec.containers[0].imagePulPolicy' }],
    },
    {
      behaviour: 'a misspelt tolerations list on the pod spec',
      text: daemonSet(`${containers}      toleration:\n      - operator: Exists\n`),
      want: [{ line: 17, column: 7, path: 'spec.template.spec.toleration' }],
    },
    {
      behaviour: 'nodeSelector written at the DaemonSet spec instead of the pod spec',
      text: daemonSet(containers, '\n  nodeSelector: {disk: ssd}'),
      want: [{ line: 7, column: 3, path: 'spec.nodeSelector' }],
    },
    {
      behaviour: 'two unknown fields, in document order',
      text: daemonSet(
        `      containers:\n      - name: agent\n        image: agent:1\n        imagePulPolicy: Always\n      hostNetwrok: true\n`,
      ),
      want: [
        { line: 17, column: 9, path: 'spec.template.spec.containers[0].imagePulPolicy' },
        { line: 18, column: 7, path: 'spec.template.spec.hostNetwrok' },
      ],
    },
  ])('$behaviour', ({ text, want }) => {
    const loaded = loadManifests(text);
    expect(loaded.objects).toEqual([]);
    expect(loaded.errors).toEqual(
      want.map((w) => ({
        document: 1,
        ...w,
        message: `strict decoding error: unknown field "${w.path}"`,
      })),
    );
  });

  it.each([
    {
      behaviour: 'a container field set twice: duplicate field, on the second key',
      text: daemonSet(
        `      containers:\n      - name: agent\n        image: agent:1\n        image: agent:2\n`,
      ),
      want: [{ line: 17, column: 9, path: 'spec.template.spec.containers[0].image', what: 'duplicate' }],
    },
    {
      behaviour: 'an unknown and a duplicate field together, in document order',
      text: daemonSet(`      hostNetwrok: true\n${containers}      hostNetwrok: false\n`),
      want: [
        { line: 14, column: 7, path: 'spec.template.spec.hostNetwrok', what: 'unknown' },
        { line: 18, column: 7, path: 'spec.template.spec.hostNetwrok', what: 'duplicate' },
      ],
    },
  ])('$behaviour', ({ text, want }) => {
    expect(loadManifests(text).errors).toEqual(
      want.map(({ what, ...w }) => ({
        document: 1,
        ...w,
        message: `strict decoding error: ${what} field "${w.path}"`,
      })),
    );
  });

  it('names the item of a v1 List relative to the item, as kubectl sends each item alone', () => {
    const text = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Node
  metadata: {name: n1}
  spec: {unschedulabel: true}
`;
    const loaded = loadManifests(text);
    expect(loaded.errors).toEqual([
      {
        document: 1,
        line: 7,
        column: 10,
        path: 'spec.unschedulabel',
        message: 'strict decoding error: unknown field "spec.unschedulabel"',
      },
    ]);
  });

  it('reports a wrongly typed field before strictness, as UnmarshalStrict does', () => {
    const loaded = loadManifests(
      daemonSet(containers, '\n  minReadySeconds: soon\n  revisonHistoryLimit: 3'),
    );
    expect(loaded.errors.map((e) => e.message)).toEqual([
      'json: cannot unmarshal string into Go struct field DaemonSetSpec.spec.minReadySeconds of type int32',
    ]);
  });

  it.each([
    {
      behaviour: 'a node as kubectl get -o yaml prints it (status, managedFields, server metadata)',
      text: `apiVersion: v1\nkind: Node\nmetadata:\n  name: n1\n  uid: 1d2c\n  resourceVersion: "42"\n  creationTimestamp: "2024-05-02T09:14:11Z"\n  managedFields:\n  - manager: kubelet\n    operation: Update\n    fieldsType: FieldsV1\n    fieldsV1: {f:metadata: {f:labels: {.: {}}}}\nspec:\n  podCIDR: 10.244.1.0/24\n  providerID: kind://docker/kind/n1\nstatus:\n  nodeInfo: {kubeletVersion: v1.33.1, architecture: amd64}\n  daemonEndpoints: {kubeletEndpoint: {Port: 10250}}\n  images: [{names: [busybox], sizeBytes: 1}]\n`,
    },
    {
      behaviour: 'the playground pod behaviour annotations and real fields the engine ignores',
      text: daemonSet(
        `${containers}        securityContext: {privileged: true}\n        env: [{name: NODE, valueFrom: {fieldRef: {fieldPath: spec.nodeName}}}]\n      dnsPolicy: ClusterFirstWithHostNet\n      volumes: [{name: logs, hostPath: {path: /var/log}}]\n`,
      ),
    },
    {
      behaviour: 'the playground/v1 Scenario document, which is ours',
      text: `apiVersion: playground/v1\nkind: Scenario\nmetadata: {name: s}\nspec:\n  title: T\n  steps: [{wait: 1m}]\n`,
    },
  ])('accepts $behaviour', ({ text }) => {
    expect(loadManifests(text).errors).toEqual([]);
  });
});

describe('fieldValidation Warn and Ignore drop unknown fields from the stored object', () => {
  const text = daemonSet(
    `${containers}      tolerations: [{operator: Exists}]\n      nodeSelektor: {disk: ssd}\n`,
  );

  it.each<{ validation: FieldValidation; warnings: string[] }>([
    { validation: 'Warn', warnings: ['unknown field "spec.template.spec.nodeSelektor"'] },
    { validation: 'Ignore', warnings: [] },
  ])('$validation', ({ validation, warnings }) => {
    const loaded = loadManifests(text, { validation });
    expect(loaded.errors).toEqual([]);
    expect(loaded.warnings.map((w) => w.message)).toEqual(warnings);
    const ds = loaded.objects[0]?.object as DaemonSet | undefined;
    const spec = (ds?.spec.template.spec ?? {}) as unknown as Record<string, unknown>;
    expect(spec).not.toHaveProperty('nodeSelektor');
    expect(spec['tolerations']).toEqual([{ operator: 'Exists' }]);
  });
});

describe('a duplicate field under Warn and Ignore keeps the last value', () => {
  const text = daemonSet(
    `      containers:\n      - name: agent\n        image: agent:1\n        image: agent:2\n`,
  );

  it.each<{ validation: FieldValidation; warnings: string[] }>([
    { validation: 'Warn', warnings: ['duplicate field "spec.template.spec.containers[0].image"'] },
    { validation: 'Ignore', warnings: [] },
  ])('$validation', ({ validation, warnings }) => {
    const loaded = loadManifests(text, { validation });
    expect(loaded.errors).toEqual([]);
    expect(loaded.warnings.map((w) => w.message)).toEqual(warnings);
    const ds = loaded.objects[0]?.object as {
      spec: { template: { spec: { containers: { image: string }[] } } };
    };
    expect(ds.spec.template.spec.containers[0]?.image).toBe('agent:2');
  });

  it('is always an error in the playground/v1 Scenario document, which is ours', () => {
    const loaded = loadManifests(
      `apiVersion: playground/v1\nkind: Scenario\nmetadata: {name: s}\nspec:\n  title: A\n  title: B\n`,
      { validation: 'Ignore' },
    );
    expect(loaded.errors).toEqual([
      { document: 1, line: 6, column: 3, path: 'spec.title', message: 'duplicate field "spec.title"' },
    ]);
  });
});

describe('unknownFields', () => {
  it('leaves a kind it has no fields for as it is', () => {
    expect(unknownFields({ spec: { x: 1 } }, 'ConfigMap')).toEqual({
      object: { spec: { x: 1 } },
      unknown: [],
    });
  });

  it('checks the elements of lists of structs and leaves maps of scalars free', () => {
    const { unknown } = unknownFields(
      {
        metadata: { labels: { anything: 'goes' } },
        spec: {
          taints: [
            { key: 'a', effect: 'NoSchedule' },
            { key: 'b', efect: 'NoSchedule' },
          ],
        },
      },
      'Node',
    );
    expect(unknown.map((u) => u.path)).toEqual(['spec.taints[1].efect']);
  });
});
