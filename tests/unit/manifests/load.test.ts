import { describe, expect, it } from 'vitest';
import type { DaemonSet, Node } from '../../../src/engine/api/types';
import { formatManifestError, loadManifests } from '../../../src/manifests';

// A node list exactly as `kubectl get nodes -o yaml` prints it, server fields and all.
const KUBECTL_GET_NODES = `apiVersion: v1
items:
- apiVersion: v1
  kind: Node
  metadata:
    annotations:
      kubeadm.alpha.kubernetes.io/cri-socket: unix:///run/containerd/containerd.sock
      node.alpha.kubernetes.io/ttl: "0"
      volumes.kubernetes.io/controller-managed-attach-detach: "true"
    creationTimestamp: "2024-05-02T09:14:11Z"
    labels:
      beta.kubernetes.io/arch: amd64
      kubernetes.io/hostname: kind-worker
      kubernetes.io/os: linux
    managedFields:
    - apiVersion: v1
      fieldsType: FieldsV1
      fieldsV1:
        f:metadata:
          f:labels:
            .: {}
      manager: kubelet
      operation: Update
      time: "2024-05-02T09:14:11Z"
    name: kind-worker
    resourceVersion: "5123"
    uid: 0b6f3c1e-8f0e-4a4e-9d8e-0d7b7d1c2a11
  spec:
    podCIDR: 10.244.1.0/24
    podCIDRs:
    - 10.244.1.0/24
    providerID: kind://docker/kind/kind-worker
  status:
    addresses:
    - address: 172.18.0.3
      type: InternalIP
    - address: kind-worker
      type: Hostname
    allocatable:
      cpu: "8"
      ephemeral-storage: 61255492Ki
      hugepages-1Gi: "0"
      hugepages-2Mi: "0"
      memory: 16318504Ki
      pods: "110"
    capacity:
      cpu: "8"
      ephemeral-storage: 61255492Ki
      hugepages-1Gi: "0"
      hugepages-2Mi: "0"
      memory: 16318504Ki
      pods: "110"
    conditions:
    - lastHeartbeatTime: "2024-05-02T10:00:00Z"
      lastTransitionTime: "2024-05-02T09:14:11Z"
      message: kubelet has sufficient memory available
      reason: KubeletHasSufficientMemory
      status: "False"
      type: MemoryPressure
    - lastHeartbeatTime: "2024-05-02T10:00:00Z"
      lastTransitionTime: "2024-05-02T09:14:40Z"
      message: kubelet is posting ready status
      reason: KubeletReady
      status: "True"
      type: Ready
    daemonEndpoints:
      kubeletEndpoint:
        Port: 10250
    images:
    - names:
      - registry.k8s.io/kube-proxy:v1.30.0
      sizeBytes: 85932953
    nodeInfo:
      architecture: amd64
      kernelVersion: 6.5.0
      kubeletVersion: v1.30.0
      operatingSystem: linux
kind: List
metadata:
  resourceVersion: ""
`;

const DS = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: agent
spec:
  selector:
    matchLabels: {app: agent}
  template:
    metadata:
      labels: {app: agent}
    spec:
      containers:
      - name: agent
        image: agent:1.0
`;

const errorsOf = (text: string): string[] => loadManifests(text).errors.map(formatManifestError);

describe('loadManifests · streams and lists', () => {
  it('reads a v1 List as kubectl get nodes -o yaml prints it', () => {
    const r = loadManifests(KUBECTL_GET_NODES);
    expect(r.errors).toEqual([]);
    expect(r.objects).toHaveLength(1);
    const node = r.objects[0]?.object as Node;
    expect(node.metadata.name).toBe('kind-worker');
    // Server-written metadata is dropped so the object can be created; status is kept.
    expect(node.metadata.uid).toBeUndefined();
    expect(node.metadata.resourceVersion).toBeUndefined();
    expect(node.status.allocatable?.cpu).toBe('8');
    expect(node.status.conditions?.map((c) => c.type)).toEqual(['MemoryPressure', 'Ready']);
    expect(r.objects[0]?.line).toBe(3);
  });

  it('reads documents in any order and skips empty ones', () => {
    const r = loadManifests(
      `---\n# nothing here\n---\n${DS}---\n---\napiVersion: v1\nkind: Node\nmetadata: {name: n1}\n`,
    );
    expect(r.errors).toEqual([]);
    // A leading `---` opens the first document; each later `---` opens the next, empty or not.
    expect(r.objects.map((o) => [o.object.kind, o.document, o.line])).toEqual([
      ['DaemonSet', 2, 4],
      ['Node', 4, 20],
    ]);
  });

  it('puts objects without a namespace in default, and keeps Nodes cluster-scoped', () => {
    const r = loadManifests(
      `${DS}---\napiVersion: v1\nkind: Node\nmetadata: {name: n1, namespace: kube-system}\n`,
    );
    expect(r.objects.map((o) => o.object.metadata.namespace)).toEqual(['default', undefined]);
  });

  it('returns the objects defaulted as the API server stores them', () => {
    const ds = loadManifests(DS).objects[0]?.object as DaemonSet;
    expect(ds.spec.updateStrategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: 1, maxSurge: 0 },
    });
    expect(ds.spec.template.spec.restartPolicy).toBe('Always');
  });

  it('reads JSON as well as YAML', () => {
    const json = JSON.stringify({ apiVersion: 'v1', kind: 'Node', metadata: { name: 'n1' } });
    expect(loadManifests(json).objects).toHaveLength(1);
  });

  it('returns the Scenario document raw, with positions, and rejects a second one', () => {
    const scenario =
      'apiVersion: playground/v1\nkind: Scenario\nmetadata: {name: s}\nspec:\n  steps:\n  - wait: 10s\n';
    const r = loadManifests(`${scenario}---\n${scenario}`);
    expect(r.scenario?.document).toBe(1);
    expect(r.scenario?.positions['spec.steps[0].wait']).toEqual({ line: 6, column: 11 });
    expect(r.errors.map(formatManifestError)).toEqual([
      'document 2, line 9:7: at most one playground/v1 Scenario is allowed; the first is in document 1',
    ]);
  });
});

describe('loadManifests · errors in kubectl and API-server words, with positions', () => {
  const cases = [
    {
      name: 'reports a YAML syntax error with line and column',
      text: 'apiVersion: v1\nkind: Node\nmetadata:\n  name: a\n labels: {}\n',
      errors: ['document 1, line 5:1: All mapping items must start at the same column'],
    },
    {
      name: 'reports tabs used as indentation',
      text: 'apiVersion: v1\nkind: Node\nmetadata:\n\tname: a\n',
      errors: ['document 1, line 4:1: Tabs are not allowed as indentation'],
    },
    {
      name: 'refuses a key set twice in one mapping (strict decoding: duplicate field)',
      text: 'apiVersion: v1\nkind: Node\nmetadata:\n  name: a\n  name: b\n',
      errors: ['document 1, line 5:3: metadata.name: strict decoding error: duplicate field "metadata.name"'],
    },
    {
      name: 'refuses an unknown kind in kubectl’s words',
      text: 'apiVersion: v1\nkind: Foo\nmetadata: {name: x}\n',
      errors: ['document 1, line 2:7: no matches for kind "Foo" in version "v1"'],
    },
    {
      name: 'refuses a kind at a version that does not serve it',
      text: 'apiVersion: extensions/v1beta1\nkind: DaemonSet\nmetadata: {name: x}\n',
      errors: ['document 1, line 2:7: no matches for kind "DaemonSet" in version "extensions/v1beta1"'],
    },
    {
      name: 'refuses a document without apiVersion and kind',
      text: 'metadata: {name: x}\n',
      errors: ['document 1, line 1:1: error validating data: [apiVersion not set, kind not set]'],
    },
    {
      name: 'refuses a wrongly typed field as the JSON decoder does',
      text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: "three"\n',
      errors: [
        'document 1, line 5:13: spec.replicas: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32',
      ],
    },
    {
      name: 'refuses containers that are not a list',
      text: DS.replace(/ {6}containers:\n[\s\S]*$/, '      containers: 5\n'),
      errors: [
        'document 1, line 12:19: spec.template.spec.containers: json: cannot unmarshal number into Go struct field PodSpec.spec.template.spec.containers of type []v1.Container',
      ],
    },
    {
      name: 'refuses a label value that YAML reads as a number',
      text: 'apiVersion: v1\nkind: Node\nmetadata:\n  name: a\n  labels: {version: 2}\n',
      errors: [
        'document 1, line 5:21: metadata.labels[version]: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
      ],
    },
    {
      name: 'refuses a quantity that does not parse',
      text: DS.replace('image: agent:1.0', 'image: agent:1.0\n        resources: {requests: {cpu: lots}}'),
      errors: [
        "document 1, line 15:37: spec.template.spec.containers[0].resources.requests[cpu]: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
      ],
    },
    {
      name: 'names the document, line and field path of a validation error',
      text: `apiVersion: v1\nkind: Node\nmetadata: {name: n1}\n---\n${DS.replace('image: agent:1.0', 'image: agent:1.0\n      restartPolicy: OnFailure')}`,
      errors: [
        'document 2, line 19:22: spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
      ],
    },
    {
      name: 'places a selector mismatch on the template labels',
      text: DS.replace('labels: {app: agent}', 'labels: {app: b}'),
      errors: [
        'document 1, line 10:7: spec.template.metadata.labels: Invalid value: {"app":"b"}: `selector` does not match template `labels`',
      ],
    },
    {
      name: 'places a missing field on its closest existing parent',
      text: DS.replace('        image: agent:1.0\n', ''),
      errors: ['document 1, line 13:9: spec.template.spec.containers[0].image: Required value'],
    },
    {
      name: 'places a Node taint error on spec.taints though upstream names metadata.taints',
      text: 'apiVersion: v1\nkind: Node\nmetadata: {name: n1}\nspec:\n  taints:\n  - {key: a, effect: Sometimes}\n',
      errors: [
        'document 1, line 6:22: metadata.taints[0].effect: Unsupported value: "Sometimes": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
      ],
    },
    {
      name: 'places errors in a List item under items[i]',
      text: 'apiVersion: v1\nkind: List\nitems:\n- {apiVersion: v1, kind: Node, metadata: {name: ok}}\n- {apiVersion: v1, kind: Node, metadata: {name: Bad_Name}}\n',
      errors: [
        `document 1, line 5:49: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
      ],
    },
  ];
  it.each(cases)('$name', ({ text, errors }) => {
    expect(errorsOf(text)).toEqual(errors);
  });

  it('keeps the valid objects of a stream that has an invalid one', () => {
    const r = loadManifests(
      `apiVersion: v1\nkind: Node\nmetadata: {name: n1}\n---\napiVersion: v1\nkind: Foo\n`,
    );
    expect(r.objects.map((o) => o.object.metadata.name)).toEqual(['n1']);
    expect(r.errors).toHaveLength(1);
  });

  it('reads yes as a boolean, as kubectl’s YAML 1.1 reader does', () => {
    expect(errorsOf('apiVersion: v1\nkind: Node\nmetadata:\n  name: a\n  labels: {gpu: yes}\n')).toEqual([
      'document 1, line 5:17: metadata.labels[gpu]: json: cannot unmarshal bool into Go struct field ObjectMeta.metadata.labels of type string',
    ]);
  });
});

describe('loadManifests · hostile input never throws and returns quickly', () => {
  const bomb = [
    'a: &a [x, x, x, x, x, x, x, x, x]',
    'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
    'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
    'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
  ].join('\n');
  const cases = [
    {
      name: 'an alias bomb',
      text: bomb,
      message: 'Excessive alias count indicates a resource exhaustion attack',
    },
    {
      name: 'very deep flow nesting',
      text: `a: ${'['.repeat(50000)}${']'.repeat(50000)}`,
      message: 'flow collections ([ ] or { }) nested more than 128 deep',
    },
    {
      name: 'a 5 MB paste',
      text: `a: ${'x'.repeat(5_000_000)}\n`,
      message:
        'the manifest is 4.8 MiB; the playground reads at most 512 KiB of YAML or 8 MiB of JSON (for a big cluster, paste `kubectl get nodes -o json`)',
    },
    {
      name: 'a scalar document',
      text: 'just text\n',
      message: 'a manifest must be a YAML mapping with apiVersion and kind',
    },
    {
      name: 'a value that is not a string',
      text: 42 as unknown as string,
      message: 'could not read the manifests: manifest text must be a string',
    },
  ];
  it.each(cases)('refuses $name with one error', ({ text, message }) => {
    const start = performance.now();
    const r = loadManifests(text);
    expect(performance.now() - start).toBeLessThan(500);
    expect(r.objects).toEqual([]);
    expect(r.errors.map((e) => e.message)).toEqual([message]);
  });

  it('reads deep block nesting without overflowing the stack', () => {
    let text = 'apiVersion: v1\nkind: Node\nmetadata: {name: n}\nstatus:\n  nodeInfo:\n';
    for (let i = 0; i < 2000; i++) text += `${' '.repeat(4 + i)}k${i}:\n`;
    expect(() => loadManifests(text)).not.toThrow();
  });
});
