// Defaulting (src/engine/apiserver/defaults.ts) is tested here because validation always runs on
// defaulted objects; the cases mirror pkg/apis/apps/v1/defaults.go and pkg/apis/core/v1/defaults.go.
import { describe, expect, it } from 'vitest';
import type { Deployment, PriorityClass } from '../../../../src/engine/api/types';
import { applyDefaults, imageTag } from '../../../../src/engine/apiserver/defaults';
import { newDaemonSet, newNode, newPod } from '../../../fixtures/builders';

describe('DaemonSet defaults (SetDefaults_DaemonSet)', () => {
  it('defaults updateStrategy to RollingUpdate with maxUnavailable 1 and maxSurge 0, and keeps 10 revisions', () => {
    const ds = newDaemonSet('ds');
    delete ds.spec.updateStrategy;
    delete ds.spec.revisionHistoryLimit;
    const d = applyDefaults(ds);
    expect(d.spec.updateStrategy).toEqual({
      type: 'RollingUpdate',
      rollingUpdate: { maxUnavailable: 1, maxSurge: 0 },
    });
    expect(d.spec.revisionHistoryLimit).toBe(10);
    expect(d.spec.minReadySeconds).toBeUndefined();
  });

  it('leaves OnDelete without a rollingUpdate block', () => {
    const d = applyDefaults(newDaemonSet('ds', { updateStrategy: { type: 'OnDelete' } }));
    expect(d.spec.updateStrategy).toEqual({ type: 'OnDelete' });
  });

  it('fills only the missing half of rollingUpdate', () => {
    const d = applyDefaults(
      newDaemonSet('ds', { updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxSurge: 1 } } }),
    );
    expect(d.spec.updateStrategy?.rollingUpdate).toEqual({ maxSurge: 1, maxUnavailable: 1 });
  });

  it('does not change its input', () => {
    const ds = newDaemonSet('ds');
    const before = JSON.stringify(ds);
    applyDefaults(ds);
    expect(JSON.stringify(ds)).toBe(before);
  });
});

describe('pod spec defaults (SetDefaults_PodSpec, SetDefaults_Container, SetDefaults_Probe)', () => {
  it('fills restartPolicy, grace period, DNS policy, scheduler and security context', () => {
    const ds = newDaemonSet('ds');
    delete ds.spec.template.spec.restartPolicy;
    const spec = applyDefaults(ds).spec.template.spec as unknown as Record<string, unknown>;
    expect(spec).toMatchObject({
      restartPolicy: 'Always',
      terminationGracePeriodSeconds: 30,
      dnsPolicy: 'ClusterFirst',
      schedulerName: 'default-scheduler',
      securityContext: {},
    });
  });

  const pullCases = [
    { name: 'pulls Always for an image without a tag', image: 'nginx', policy: 'Always' },
    { name: 'pulls Always for :latest', image: 'nginx:latest', policy: 'Always' },
    { name: 'pulls IfNotPresent for a pinned tag', image: 'fluent/fluentd:v1.14-1', policy: 'IfNotPresent' },
    {
      name: 'reads a registry port as part of the name, not a tag',
      image: 'registry:5000/team/agent',
      policy: 'Always',
    },
    { name: 'pulls IfNotPresent for a digest', image: 'nginx@sha256:abc', policy: 'IfNotPresent' },
  ];
  it.each(pullCases)('$name', ({ image, policy }) => {
    const c = applyDefaults(newDaemonSet('ds', { image })).spec.template.spec.containers[0];
    expect(c?.imagePullPolicy).toBe(policy);
  });

  it('names the tag as ParseImageName does', () => {
    expect([
      imageTag('a/b:1'),
      imageTag('a:5000/b'),
      imageTag('b@sha256:x'),
      imageTag('b:2@sha256:x'),
    ]).toEqual(['1', 'latest', '', '2']);
  });

  it('fills probe timings and the httpGet scheme', () => {
    const ds = newDaemonSet('ds');
    const c = ds.spec.template.spec.containers[0];
    if (c) c.readinessProbe = { httpGet: { port: 8080 }, initialDelaySeconds: 3 };
    const probe = applyDefaults(ds).spec.template.spec.containers[0]?.readinessProbe;
    expect(probe).toEqual({
      httpGet: { port: 8080, path: '/', scheme: 'HTTP' },
      initialDelaySeconds: 3,
      timeoutSeconds: 1,
      periodSeconds: 10,
      successThreshold: 1,
      failureThreshold: 3,
    });
  });

  it('sets the termination message path and policy', () => {
    const c = applyDefaults(newDaemonSet('ds')).spec.template.spec.containers[0] as unknown as Record<
      string,
      unknown
    >;
    expect(c).toMatchObject({
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
    });
  });

  it('does not default requests from limits in a template (SetDefaults_Pod is for Pods only)', () => {
    const ds = newDaemonSet('ds', { resources: { limits: { 'nvidia.com/gpu': '1' } } });
    expect(applyDefaults(ds).spec.template.spec.containers[0]?.resources).toEqual({
      limits: { 'nvidia.com/gpu': '1' },
    });
  });
});

describe('Pod, Deployment, Node and PriorityClass defaults', () => {
  it('a Pod gets requests from its limits when it has none', () => {
    const pod = newPod('p');
    const c = pod.spec.containers[0];
    if (c) c.resources = { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '500m' } };
    expect(applyDefaults(pod).spec.containers[0]?.resources?.requests).toEqual({
      cpu: '500m',
      memory: '1Gi',
    });
  });

  it('a hostNetwork Pod gets hostPort from containerPort', () => {
    const pod = newPod('p', { hostNetwork: true });
    const c = pod.spec.containers[0];
    if (c) c.ports = [{ containerPort: 9100 }];
    expect(applyDefaults(pod).spec.containers[0]?.ports).toEqual([
      { containerPort: 9100, hostPort: 9100, protocol: 'TCP' },
    ]);
  });

  it('a Deployment gets 1 replica, RollingUpdate 25%/25%, 10 revisions and a 600s progress deadline', () => {
    const ds = newDaemonSet('web');
    const d: Deployment = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'default' },
      spec: { selector: ds.spec.selector, template: ds.spec.template },
    };
    expect(applyDefaults(d).spec).toMatchObject({
      replicas: 1,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: '25%' } },
      revisionHistoryLimit: 10,
      progressDeadlineSeconds: 600,
    });
  });

  it('a Node gets allocatable from capacity (SetDefaults_NodeStatus), never the reverse', () => {
    const n = newNode('n');
    delete n.status.allocatable;
    expect(applyDefaults(n).status.allocatable).toEqual(n.status.capacity);
    const m = newNode('m');
    delete m.status.capacity;
    expect(applyDefaults(m).status.capacity).toBeUndefined();
  });

  it('a PriorityClass preempts lower priorities by default', () => {
    const pc: PriorityClass = {
      apiVersion: 'scheduling.k8s.io/v1',
      kind: 'PriorityClass',
      metadata: { name: 'p' },
      value: 1,
    };
    expect(applyDefaults(pc).preemptionPolicy).toBe('PreemptLowerPriority');
  });
});
