// The generated JSON schemas: current with their generator, accepting every scenario we ship
// (a schema that flags valid input would put false warnings in the editor), rejecting what the
// API server rejects, and small enough to ship. Validated with ajv 6 (draft-07, the dialect
// yaml-language-server speaks); it is eslint's own dependency, so it is always installed.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import type { ManifestSchema } from '../../../src/manifests/schemas/types';

const root = resolve(import.meta.dirname, '../../..');
const schemaDir = join(root, 'src/manifests/schemas');
const readSchema = (file: string) =>
  JSON.parse(readFileSync(join(schemaDir, file), 'utf8')) as ManifestSchema;
const ajv = new Ajv({ allErrors: true });
const validateManifest = ajv.compile(readSchema('manifest.json'));

function errorsOf(yamlText: string, validate = validateManifest): string[] {
  return parseAllDocuments(yamlText).flatMap((doc) => {
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) return [];
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.dataPath} ${e.message ?? ''}`);
  });
}

const daemonSet = (spec: string) => `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}, creationTimestamp: null}
    spec:
${spec
  .split('\n')
  .map((line) => `      ${line}`)
  .join('\n')}
`;
const container = 'containers: [{name: agent, image: agent:1}]';

describe('generated schemas', () => {
  it('are current with scripts/generate-schemas.ts (run it without --check to update them)', () => {
    const tsx = join(root, 'node_modules/.bin/tsx');
    expect(() =>
      execFileSync(tsx, ['scripts/generate-schemas.ts', '--check'], { cwd: root, stdio: 'pipe' }),
    ).not.toThrow();
  }, 30_000);

  it('keep the combined schema the browser loads under 80 kB gzip', () => {
    const bytes = gzipSync(JSON.stringify(readSchema('manifest.json'))).length;
    expect(bytes).toBeLessThan(80_000);
  });

  it.each(['node', 'pod', 'daemonset', 'deployment', 'priorityclass', 'list', 'scenario'])(
    '%s.json holds every definition it refers to',
    (name) => {
      const schema = readSchema(`${name}.json`);
      const refs = JSON.stringify(schema).match(/"#\/definitions\/[^"]+"/g) ?? [];
      for (const ref of refs) expect(schema.definitions).toHaveProperty([ref.slice(15, -1)]);
    },
  );
});

describe('manifest schema · accepts what the playground accepts', () => {
  const fixtures = join(root, 'tests/fixtures/scenarios');
  it.each(readdirSync(fixtures).filter((f) => f.endsWith('.yaml')))('fixture %s', (file) => {
    expect(errorsOf(readFileSync(join(fixtures, file), 'utf8'))).toEqual([]);
  });

  it.each([
    { name: 'quantities as numbers and strings', spec: `${container}\nnodeSelector: {gpu: "true"}` },
    {
      name: 'a toleration that tolerates everything',
      spec: `${container}\ntolerations: [{operator: Exists}]`,
    },
    {
      name: 'priorityClassName and a probe on a named port',
      spec: `priorityClassName: system-node-critical\ncontainers: [{name: a, image: a, readinessProbe: {httpGet: {port: http}}}]`,
    },
  ])('a DaemonSet with $name', ({ spec }) => {
    expect(errorsOf(daemonSet(spec))).toEqual([]);
  });

  it('a v1 List as `kubectl get nodes -o yaml` prints it', () => {
    const list = `apiVersion: v1
kind: List
metadata: {resourceVersion: ""}
items:
- apiVersion: v1
  kind: Node
  metadata: {name: n1, labels: {kubernetes.io/hostname: n1}}
  spec: {taints: [{key: dedicated, value: gpu, effect: NoSchedule}]}
  status:
    capacity: {cpu: 4, memory: 8Gi, pods: "110", nvidia.com/gpu: 1}
    conditions: [{type: Ready, status: "True"}]
`;
    expect(errorsOf(list)).toEqual([]);
  });

  it('a Scenario with every kind of step and a lesson', () => {
    const scenario = `apiVersion: playground/v1
kind: Scenario
metadata: {name: s}
spec:
  title: T
  description: D
  seed: 42
  lesson:
    tasks:
      - title: Leave node-3
        description: Make **fluentd** leave node-3.
        hints: [Label the node]
        check:
          all:
            - kubectl: get ds fluentd -n kube-system -o name
            - kubectl: get pods -n kube-system --field-selector spec.nodeName=node-3 -o name
              expect: {empty: true}
  steps:
    - wait: 1h30m
    - wait: rollout daemonset/fluentd -n kube-system
    - wait: ready ds/agent
    - kubectl: apply -f -
      manifest: |
        apiVersion: v1
        kind: Node
        metadata: {name: n9}
    - sim: node add node-9 --label gpu=true --taint dedicated=gpu:NoSchedule --cpu 4
    - sim: pod crash kube-system/fluentd-abcde
`;
    expect(errorsOf(scenario)).toEqual([]);
  });
});

describe('manifest schema · rejects what the API server rejects', () => {
  it.each([
    {
      name: 'an unsupported restartPolicy',
      text: daemonSet(`${container}\nrestartPolicy: Sometimes`),
      at: '.spec.template.spec.restartPolicy',
    },
    { name: 'an unknown field', text: daemonSet(`${container}\nfoo: 1`), at: '.spec.template.spec' },
    {
      name: 'a toleration operator that does not exist',
      text: daemonSet(`${container}\ntolerations: [{operator: Equals}]`),
      at: '.spec.template.spec.tolerations[0].operator',
    },
    {
      name: 'a container without a name',
      text: daemonSet('containers: [{image: a}]'),
      at: '.spec.template.spec.containers[0]',
    },
    {
      name: 'a string where an integer goes',
      text: daemonSet(`${container}\nterminationGracePeriodSeconds: soon`),
      at: '.spec.template.spec.terminationGracePeriodSeconds',
    },
    {
      name: 'an unknown update strategy',
      text: 'apiVersion: apps/v1\nkind: DaemonSet\nspec: {updateStrategy: {type: Rolling}}',
      at: '.spec.updateStrategy.type',
    },
    {
      name: 'a taint effect that does not exist',
      text: 'apiVersion: v1\nkind: Node\nspec: {taints: [{key: k, effect: NoSchedul}]}',
      at: '.spec.taints[0].effect',
    },
    { name: 'a DaemonSet in the core group', text: 'apiVersion: v1\nkind: DaemonSet', at: '.apiVersion' },
    { name: 'a kind the playground does not know', text: 'apiVersion: v1\nkind: Service', at: '.kind' },
    { name: 'a document without a kind', text: 'apiVersion: v1', at: '' },
    {
      name: 'a Node inside a List with a bad field',
      text: 'apiVersion: v1\nkind: List\nitems: [{apiVersion: v1, kind: Node, spec: {unschedulable: maybe}}]',
      at: '.items[0].spec.unschedulable',
    },
  ])('$name', ({ text, at }) => {
    const errors = errorsOf(text);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((e) => e.startsWith(`${at} `))).toBe(true);
  });

  it.each([
    { name: 'two actions in one step', step: '{wait: 30s, kubectl: get pods}' },
    { name: 'no action', step: '{manifest: x}' },
    { name: 'a manifest without kubectl', step: '{wait: 30s, manifest: x}' },
    { name: 'a wait that is no duration', step: '{wait: soon}' },
    { name: 'a sim action that does not exist', step: '{sim: cluster explode}' },
  ])('a Scenario step with $name', ({ step }) => {
    const text = `apiVersion: playground/v1\nkind: Scenario\nspec:\n  steps: [${step}]\n`;
    expect(errorsOf(text).length).toBeGreaterThan(0);
  });

  it('a per-kind schema accepts its own kind only', () => {
    const validateDaemonSet = ajv.compile(readSchema('daemonset.json'));
    expect(errorsOf(daemonSet(container), validateDaemonSet)).toEqual([]);
    expect(
      errorsOf('apiVersion: v1\nkind: Pod\nspec: {containers: []}', validateDaemonSet).length,
    ).toBeGreaterThan(0);
  });
});

describe('manifest schema · marks enums and required fields for completion', () => {
  const defs = readSchema('manifest.json').definitions;
  it.each([
    {
      def: 'io.k8s.api.apps.v1.DaemonSetUpdateStrategy',
      field: 'type',
      values: ['OnDelete', 'RollingUpdate'],
    },
    { def: 'io.k8s.api.core.v1.PodSpec', field: 'restartPolicy', values: ['Always', 'Never', 'OnFailure'] },
    {
      def: 'io.k8s.api.core.v1.Taint',
      field: 'effect',
      values: ['NoExecute', 'NoSchedule', 'PreferNoSchedule'],
    },
    { def: 'io.k8s.api.core.v1.Toleration', field: 'operator', values: ['Equal', 'Exists', 'Gt', 'Lt'] },
  ])('$def.$field is one of $values', ({ def, field, values }) => {
    expect(defs[def]?.properties?.[field]?.enum).toEqual(values);
  });

  it.each([
    { def: 'io.k8s.api.core.v1.PodSpec', required: ['containers'] },
    { def: 'io.k8s.api.apps.v1.DaemonSetSpec', required: ['selector', 'template'] },
    { def: 'io.k8s.api.core.v1.Taint', required: ['effect', 'key'] },
    { def: 'io.k8s.api.core.v1.Container', required: ['name'] },
  ])('$def requires $required', ({ def, required }) => {
    expect(defs[def]?.required).toEqual(required);
  });

  it('documents fields with the Kubernetes API text', () => {
    expect(defs['io.k8s.api.apps.v1.DaemonSetSpec']?.properties?.minReadySeconds?.description).toBe(
      'The minimum number of seconds for which a newly created DaemonSet pod should be ready without any of its container crashing, for it to be considered available. Defaults to 0 (pod will be considered available as soon as it is ready).',
    );
  });
});
