// Shared set-up for the kubectl tests: a simulated cluster built the way a user builds one,
// through `kubectl apply -f -`, and a one-call way to run a command line.
import { expect } from 'vitest';
import { Simulation } from '../../../src/engine/simulation';
import { runKubectl } from '../../../src/kubectl/index';
import type { KubectlResult } from '../../../src/kubectl/index';

/** nodeYaml is a node with 4 CPUs and 8Gi, labelled with its hostname, optionally tainted or cordoned. */
export function nodeYaml(
  name: string,
  opts: { labels?: Record<string, string>; taints?: string; unschedulable?: boolean } = {},
): string {
  const labels = { 'kubernetes.io/hostname': name, ...opts.labels };
  return [
    'apiVersion: v1',
    'kind: Node',
    'metadata:',
    `  name: ${name}`,
    '  labels:',
    ...Object.entries(labels).map(([k, v]) => `    ${k}: "${v}"`),
    ...(opts.unschedulable || opts.taints
      ? [
          'spec:',
          ...(opts.unschedulable ? ['  unschedulable: true'] : []),
          ...(opts.taints ? [`  taints: ${opts.taints}`] : []),
        ]
      : ['spec: {}']),
    'status:',
    '  capacity: {cpu: "4", memory: 8Gi, pods: "110"}',
    '',
  ].join('\n');
}

/** fluentdYaml is the DaemonSet most tests roll: one container, RollingUpdate with defaults. */
export function fluentdYaml(
  opts: { image?: string; namespace?: string; nodeSelector?: string; extraSpec?: string } = {},
): string {
  return [
    'apiVersion: apps/v1',
    'kind: DaemonSet',
    'metadata:',
    '  name: fluentd',
    `  namespace: ${opts.namespace ?? 'kube-system'}`,
    '  labels: {app: fluentd}',
    'spec:',
    '  selector:',
    '    matchLabels: {app: fluentd}',
    ...(opts.extraSpec ? [opts.extraSpec] : []),
    '  template:',
    '    metadata:',
    '      labels: {app: fluentd}',
    '    spec:',
    ...(opts.nodeSelector ? [`      nodeSelector: ${opts.nodeSelector}`] : []),
    '      containers:',
    '      - name: fluentd',
    `        image: ${opts.image ?? 'fluent/fluentd:v1.14-1'}`,
    '',
  ].join('\n');
}

/** kubectl runs one command line. */
export function kubectl(sim: Simulation, line: string, stdin?: string): KubectlResult {
  return runKubectl(sim, line, stdin === undefined ? {} : { stdin });
}

/** mustRun runs a command line and fails the test if kubectl reports an error. */
export function mustRun(sim: Simulation, line: string, stdin?: string): KubectlResult {
  const r = kubectl(sim, line, stdin);
  expect(r.stderr, `kubectl ${line}`).toBe('');
  expect(r.exitCode, `kubectl ${line}`).toBe(0);
  return r;
}

/** newCluster applies `count` nodes (node-1 ...) and optional manifests, then lets time pass. */
export function newCluster(opts: { nodes?: number; manifests?: string[]; until?: number } = {}): Simulation {
  const sim = new Simulation({ seed: 7 });
  const nodes = Array.from({ length: opts.nodes ?? 3 }, (_, i) => nodeYaml(`node-${i + 1}`)).join('---\n');
  if (nodes) mustRun(sim, 'apply -f -', nodes);
  for (const m of opts.manifests ?? []) mustRun(sim, 'apply -f -', m);
  sim.runUntil(opts.until ?? 0);
  return sim;
}

/** podNames lists pod names in a namespace, sorted. */
export function podNames(sim: Simulation, namespace: string): string[] {
  return sim.api
    .list('Pod', namespace)
    .map((p) => p.metadata.name)
    .sort();
}

/** ContainerYaml is one container of podYaml / deploymentYaml: a name, an image, optional requests. */
export interface ContainerYaml {
  name: string;
  image: string;
  requests?: { cpu?: string; memory?: string };
}

function containersYaml(containers: readonly ContainerYaml[], indent: string): string[] {
  return containers.flatMap((c) => [
    `${indent}- name: ${c.name}`,
    `${indent}  image: ${c.image}`,
    ...(c.requests
      ? [
          `${indent}  resources:`,
          `${indent}    requests: {${Object.entries(c.requests)
            .map(([k, v]) => `${k}: ${v}`)
            .join(', ')}}`,
        ]
      : []),
  ]);
}

/**
 * podYaml is a bare pod in `default` whose containers act as `behavior` says (SCENARIO-FORMAT.md,
 * the image model), optionally pinned to a node or given a node selector nothing matches.
 */
export function podYaml(
  name: string,
  opts: {
    behavior?: string;
    containers?: ContainerYaml[];
    nodeName?: string;
    nodeSelector?: string;
    labels?: Record<string, string>;
  } = {},
): string {
  const containers = opts.containers ?? [{ name: 'nginx', image: 'nginx:1.25' }];
  return [
    'apiVersion: v1',
    'kind: Pod',
    'metadata:',
    `  name: ${name}`,
    `  labels: {${Object.entries(opts.labels ?? { app: name })
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ')}}`,
    ...(opts.behavior ? ['  annotations:', `    playground/behavior: ${opts.behavior}`] : []),
    'spec:',
    ...(opts.nodeName ? [`  nodeName: ${opts.nodeName}`] : []),
    ...(opts.nodeSelector ? [`  nodeSelector: ${opts.nodeSelector}`] : []),
    '  containers:',
    ...containersYaml(containers, '  '),
    '',
  ].join('\n');
}

/** deploymentYaml is Deployment `web` in `default`: nginx:1.25 with 100m / 128Mi requests unless told. */
export function deploymentYaml(
  opts: { replicas?: number; image?: string; containers?: ContainerYaml[] } = {},
): string {
  const containers = opts.containers ?? [
    { name: 'nginx', image: opts.image ?? 'nginx:1.25', requests: { cpu: '100m', memory: '128Mi' } },
  ];
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    `  replicas: ${opts.replicas ?? 3}`,
    '  selector:',
    '    matchLabels: {app: web}',
    '  template:',
    '    metadata:',
    '      labels: {app: web}',
    '    spec:',
    '      containers:',
    ...containersYaml(containers, '      '),
    '',
  ].join('\n');
}
