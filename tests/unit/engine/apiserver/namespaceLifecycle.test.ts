// Namespaces as the API server and the namespace controller treat them: NamespaceLifecycle
// admission (plugin/pkg/admission/namespace/lifecycle), the registry's delete that only marks a
// namespace Terminating, and pkg/controller/namespace emptying it before it goes.
import { describe, expect, it } from 'vitest';
import type { ConfigMap, KubeObject, Namespace } from '../../../../src/engine/api/types';
import { newDeployment, newNode, newPod } from '../../../fixtures/builders';
import { newCluster } from '../../../fixtures/cluster';

const ns = (name: string): Namespace => ({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
const cm = (name: string, data: Record<string, string>, namespace = 'default'): ConfigMap => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, namespace },
  data,
});

describe('NamespaceLifecycle and the namespace controller', () => {
  it('defaults a created namespace: its name label, the kubernetes finalizer, phase Active', () => {
    const sim = newCluster([]);
    const created = sim.api.create(ns('monitoring'));
    expect(created.ok && created.object.metadata.labels).toEqual({
      'kubernetes.io/metadata.name': 'monitoring',
    });
    expect(created.ok && created.object.spec).toEqual({ finalizers: ['kubernetes'] });
    expect(created.ok && created.object.status).toEqual({ phase: 'Active' });
  });

  it.each([
    ['a built-in namespace', 'kube-system'],
    ['a namespace implied by its objects', 'team-a'],
  ])('refuses to create %s again (AlreadyExists)', (_, name) => {
    const sim = newCluster([newPod('p', { namespace: 'team-a' })]);
    const r = sim.api.create(ns(name));
    expect(r.ok ? undefined : r.error).toEqual({
      code: 409,
      reason: 'AlreadyExists',
      message: `namespaces "${name}" already exists`,
    });
  });

  it.each(['default', 'kube-system', 'kube-public'])(
    'refuses to delete the immortal namespace %s',
    (name) => {
      const r = newCluster([]).api.delete('Namespace', undefined, name);
      expect(r.ok ? undefined : r.error.message).toBe(
        `namespaces "${name}" is forbidden: this namespace may not be deleted`,
      );
    },
  );

  it('marks a deleted namespace Terminating, empties it, refuses new content, then removes it', () => {
    const sim = newCluster([newNode('node-1'), newDeployment('web', { replicas: 2, namespace: 'shop' })]);
    sim.runUntil(30);
    expect(sim.api.list('Pod', 'shop')).toHaveLength(2);
    const r = sim.api.delete('Namespace', undefined, 'shop');
    expect(r.ok && (r.object as Namespace).status?.phase).toBe('Terminating');
    const refused = sim.api.create(cm('late', { a: '1' }, 'shop'));
    expect(refused.ok ? undefined : refused.error.message).toBe(
      'configmaps "late" is forbidden: unable to create new content in namespace shop because it is being terminated',
    );
    sim.settle();
    expect(sim.api.list('Deployment', 'shop')).toHaveLength(0);
    expect(sim.api.get('Namespace', undefined, 'shop')).toBeDefined();
    sim.runUntil(120);
    const left: KubeObject[] = sim.api.list('Pod', 'shop');
    expect(left).toHaveLength(0);
    expect(sim.api.get('Namespace', undefined, 'shop')).toBeUndefined();
    expect(sim.api.store.namespaces()).not.toContain('shop');
  });
});

describe('ConfigMap validation (ValidateConfigMap)', () => {
  it.each([
    [
      'a key with a space',
      { 'a b': '1' },
      /^data\[a b\]: Invalid value: "a b": a valid config key must consist of alphanumeric characters, '-', '_' or '\.'/,
    ],
    ['the key ..', { '..': '1' }, /^data\[\.\.\]: Invalid value: "\.\.": must not be '\.\.'$/],
    [
      'a key starting with ..',
      { '..x': '1' },
      /^data\[\.\.x\]: Invalid value: "\.\.x": must not start with '\.\.'$/,
    ],
  ])('refuses %s', (_, data, message) => {
    const r = newCluster([]).api.create(cm('cfg', data));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.fieldErrors?.map((e) => `${e.path}: ${e.message}`)[0]).toMatch(message);
  });

  it('refuses more than 1 MiB of data', () => {
    const r = newCluster([]).api.create(cm('big', { blob: 'x'.repeat(1024 * 1024) }));
    expect(r.ok ? undefined : r.error.fieldErrors?.[0]?.message).toBe(
      'Too long: must have at most 1048576 bytes',
    );
  });

  it('keeps an immutable ConfigMap’s data', () => {
    const sim = newCluster([]);
    sim.api.create({ ...cm('frozen', { a: '1' }), immutable: true });
    const r = sim.api.update({ ...cm('frozen', { a: '2' }), immutable: true });
    expect(r.ok ? undefined : r.error.fieldErrors?.map((e) => `${e.path}: ${e.message}`)).toEqual([
      'data: Forbidden: field is immutable when `immutable` is set',
    ]);
  });
});
