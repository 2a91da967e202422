import { describe, expect, it } from 'vitest';
import type { Container, PodSpec, ResourceList } from '../../../../src/engine/api/types';
import type { ResourceAmounts } from '../../../../src/engine/predicates/resources';
import {
  fitsResources,
  hostPortConflicts,
  nodeAllocatable,
  podRequests,
} from '../../../../src/engine/predicates/resources';
import { SCHED_REASON_NODE_PORTS } from '../../../../src/engine/api/wellKnown';
import { newNode, newPod } from '../../../fixtures/builders';

const c = (name: string, requests?: ResourceList, limits?: ResourceList): Container => ({
  name,
  image: 'i',
  resources: { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) },
});

describe('podRequests', () => {
  // fit.go computePodResourceRequest, including its worked example.
  const cases: { name: string; spec: PodSpec; requests: ResourceAmounts }[] = [
    {
      name: 'sums the containers and takes the max with each init container',
      spec: {
        initContainers: [c('i1', { cpu: '2', memory: '1G' }), c('i2', { cpu: '2', memory: '3G' })],
        containers: [c('c1', { cpu: '2', memory: '1G' }), c('c2', { cpu: '1', memory: '1G' })],
      },
      requests: { cpu: 3000, memory: 3e9 },
    },
    {
      name: 'a limit without a request counts as the request (API defaulting)',
      spec: { containers: [c('c', undefined, { cpu: '500m', memory: '128Mi' })] },
      requests: { cpu: 500, memory: 128 * 2 ** 20 },
    },
    {
      name: 'an explicit request wins over the limit',
      spec: { containers: [c('c', { cpu: '100m' }, { cpu: '1' })] },
      requests: { cpu: 100 },
    },
    {
      name: 'counts extended resources and ignores unknown unprefixed names',
      spec: { containers: [c('c', { 'nvidia.com/gpu': '1', bogus: '5' })] },
      requests: { 'nvidia.com/gpu': 1 },
    },
    { name: 'a pod without requests asks for nothing', spec: { containers: [c('c')] }, requests: {} },
  ];
  it.each(cases)('$name', ({ spec, requests }) => {
    expect(podRequests(spec)).toEqual(requests);
  });
});

describe('nodeAllocatable', () => {
  it('reads allocatable as millicores, bytes and counts', () => {
    expect(nodeAllocatable(newNode('n1'))).toEqual({ cpu: 4000, memory: 8 * 2 ** 30, pods: 110 });
  });
  it('falls back to capacity when allocatable is missing, as the API server defaults it', () => {
    const node = newNode('n1');
    delete node.status.allocatable;
    node.status.capacity = { cpu: '2', pods: '10' };
    expect(nodeAllocatable(node)).toEqual({ cpu: 2000, pods: 10 });
  });
});

describe('fitsResources', () => {
  const busy = newPod('busy', { nodeName: 'n1', requests: { cpu: '3500m', memory: '7Gi' } });
  // fit_test.go TestEnoughRequests: each reason in the scheduler's words.
  const cases: {
    name: string;
    requests: ResourceList;
    allocatable?: ResourceList;
    pods?: ReturnType<typeof newPod>[];
    reasons: string[];
  }[] = [
    {
      name: 'a pod that fits has no reasons',
      requests: { cpu: '500m', memory: '1Gi' },
      pods: [busy],
      reasons: [],
    },
    { name: 'too little cpu left', requests: { cpu: '501m' }, pods: [busy], reasons: ['Insufficient cpu'] },
    {
      name: 'too little memory left',
      requests: { memory: '2Gi' },
      pods: [busy],
      reasons: ['Insufficient memory'],
    },
    {
      name: 'pod slots full',
      requests: {},
      allocatable: { cpu: '4', memory: '8Gi', pods: '1' },
      pods: [busy],
      reasons: ['Too many pods'],
    },
    {
      name: 'an extended resource the node lacks',
      requests: { 'nvidia.com/gpu': '1' },
      reasons: ['Insufficient nvidia.com/gpu'],
    },
    {
      name: 'an extended resource the node has',
      requests: { 'nvidia.com/gpu': '1' },
      allocatable: { cpu: '4', memory: '8Gi', pods: '110', 'nvidia.com/gpu': '1' },
      reasons: [],
    },
    {
      name: 'a resource the pod does not ask for never fails, even when overcommitted',
      requests: { memory: '1Mi' },
      pods: [newPod('hog', { nodeName: 'n1', requests: { cpu: '10' } })],
      reasons: [],
    },
    {
      name: 'finished pods use nothing',
      requests: { cpu: '1' },
      pods: [newPod('done', { nodeName: 'n1', phase: 'Succeeded', requests: { cpu: '4' } })],
      reasons: [],
    },
    {
      name: 'reports every shortage in the scheduler order',
      requests: { cpu: '1', memory: '2Gi', 'nvidia.com/gpu': '1' },
      allocatable: { cpu: '4', memory: '8Gi', pods: '1' },
      pods: [busy],
      reasons: ['Too many pods', 'Insufficient cpu', 'Insufficient memory', 'Insufficient nvidia.com/gpu'],
    },
  ];
  it.each(cases)('$name', ({ requests, allocatable, pods, reasons }) => {
    const node = newNode('n1', allocatable ? { allocatable } : {});
    const result = fitsResources(podRequests({ containers: [c('c', requests)] }), node, pods ?? []);
    expect(result.map((r) => r.reason)).toEqual(reasons);
  });

  it('reports the amounts and whether an empty node could fit the pod', () => {
    const [cpu] = fitsResources({ cpu: 5000 }, newNode('n1'), []);
    expect(cpu).toEqual({
      resourceName: 'cpu',
      reason: 'Insufficient cpu',
      requested: 5000,
      used: 0,
      capacity: 4000,
      unresolvable: true,
    });
  });
});

describe('hostPortConflicts', () => {
  const withPort = (hostPort: number, protocol?: string): PodSpec => ({
    containers: [
      { name: 'c', image: 'i', ports: [{ containerPort: 80, hostPort, ...(protocol ? { protocol } : {}) }] },
    ],
  });
  const onNode = (name: string, spec: PodSpec, phase?: 'Failed') => ({
    ...newPod(name, { nodeName: 'n1', ...(phase ? { phase } : {}) }),
    spec,
  });
  // node_ports_test.go TestNodePorts and daemon_controller_test.go TestNoPortConflictNodeDaemonLaunchesPod.
  it.each([
    {
      name: 'the same host port and protocol conflict',
      spec: withPort(666),
      others: [onNode('a', withPort(666))],
      conflicts: 1,
    },
    {
      name: 'different host ports do not conflict',
      spec: withPort(6662),
      others: [onNode('a', withPort(6661))],
      conflicts: 0,
    },
    {
      name: 'the same port over UDP and TCP does not conflict',
      spec: withPort(53, 'UDP'),
      others: [onNode('a', withPort(53))],
      conflicts: 0,
    },
    {
      name: 'a finished pod holds no port',
      spec: withPort(666),
      others: [onNode('a', withPort(666), 'Failed')],
      conflicts: 0,
    },
    {
      name: 'a hostNetwork pod claims its containerPort on the host',
      spec: { hostNetwork: true, containers: [{ name: 'c', image: 'i', ports: [{ containerPort: 80 }] }] },
      others: [onNode('a', withPort(80))],
      conflicts: 1,
    },
    {
      name: 'a container port without hostPort claims nothing',
      spec: { containers: [{ name: 'c', image: 'i', ports: [{ containerPort: 80 }] }] },
      others: [onNode('a', withPort(80))],
      conflicts: 0,
    },
  ])('$name', ({ spec, others, conflicts }) => {
    expect(hostPortConflicts(spec, others)).toHaveLength(conflicts);
  });

  it('uses the NodePorts plugin message', () => {
    expect(SCHED_REASON_NODE_PORTS).toBe("node(s) didn't have free ports for the requested pod ports");
  });
});
