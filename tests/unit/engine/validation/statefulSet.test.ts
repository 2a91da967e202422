// StatefulSet defaulting (pkg/apis/apps/v1/defaults.go SetDefaults_StatefulSet) and validation
// (pkg/apis/apps/validation/validation.go ValidateStatefulSet, ValidateStatefulSetSpec,
// ValidatePodTemplateSpecForStatefulSet, validateRollingUpdateStatefulSet,
// ValidateStatefulSetUpdate), through the API server as kubectl apply would reach it.
import { describe, expect, it } from 'vitest';
import type { StatefulSet } from '../../../../src/engine/api/types';
import { applyDefaults } from '../../../../src/engine/apiserver/defaults';
import { Simulation } from '../../../../src/engine/simulation';
import { newStatefulSet } from '../../../fixtures/builders';

describe('StatefulSet defaults (SetDefaults_StatefulSet)', () => {
  it('defaults OrderedReady, RollingUpdate partition 0, 1 replica, 10 revisions and Retain/Retain', () => {
    const s = newStatefulSet('web');
    delete s.spec.replicas;
    const d = applyDefaults(s);
    expect(d.spec).toMatchObject({
      replicas: 1,
      podManagementPolicy: 'OrderedReady',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
      revisionHistoryLimit: 10,
      persistentVolumeClaimRetentionPolicy: { whenDeleted: 'Retain', whenScaled: 'Retain' },
    });
    expect(d.spec.serviceName).toBeUndefined();
  });

  it.each([
    [{ type: 'RollingUpdate' as const }, { type: 'RollingUpdate' }],
    [{ type: 'OnDelete' as const }, { type: 'OnDelete' }],
    [
      { type: 'RollingUpdate' as const, rollingUpdate: {} },
      { type: 'RollingUpdate', rollingUpdate: { partition: 0 } },
    ],
  ])('keeps an explicit strategy %j as %j (rollingUpdate only filled when present)', (given, want) => {
    expect(applyDefaults(newStatefulSet('web', { updateStrategy: given })).spec.updateStrategy).toEqual(want);
  });

  it('gives volume claim templates their kind and volumeMode Filesystem', () => {
    const s = newStatefulSet('web');
    s.spec.volumeClaimTemplates = [{ metadata: { name: 'www' }, spec: { accessModes: ['ReadWriteOnce'] } }];
    expect(applyDefaults(s).spec.volumeClaimTemplates![0]).toEqual({
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'www' },
      spec: { accessModes: ['ReadWriteOnce'], volumeMode: 'Filesystem' },
    });
  });
});

function create(change: (s: StatefulSet) => void): string {
  const sim = new Simulation();
  const s = newStatefulSet('web');
  change(s);
  const res = sim.api.create(s);
  return res.ok ? 'ok' : res.error.message;
}

describe('StatefulSet validation (ValidateStatefulSetSpec)', () => {
  it.each<[string, (s: StatefulSet) => void, string]>([
    ['accepts a StatefulSet without serviceName (optional in apps/v1)', () => {}, 'ok'],
    [
      'rejects a selector that does not match the template labels',
      (s) => (s.spec.selector = { matchLabels: { app: 'db' } }),
      'The StatefulSet "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"web"}: `selector` does not match template `labels`',
    ],
    [
      'rejects an empty selector',
      (s) => (s.spec.selector = {}),
      'The StatefulSet "web" is invalid: spec.selector: Invalid value: {}: empty selector is invalid for statefulset',
    ],
    [
      'rejects an unknown podManagementPolicy',
      (s) => (s.spec.podManagementPolicy = 'Random' as 'Parallel'),
      `The StatefulSet "web" is invalid: spec.podManagementPolicy: Invalid value: "Random": must be 'OrderedReady' or 'Parallel'`,
    ],
    [
      'rejects an unknown update strategy',
      (s) => (s.spec.updateStrategy = { type: 'Recreate' as 'OnDelete' }),
      `The StatefulSet "web" is invalid: spec.updateStrategy: Invalid value: {"type":"Recreate"}: must be 'RollingUpdate' or 'OnDelete'`,
    ],
    [
      'rejects rollingUpdate with OnDelete',
      (s) => (s.spec.updateStrategy = { type: 'OnDelete', rollingUpdate: { partition: 1 } }),
      `The StatefulSet "web" is invalid: spec.updateStrategy.rollingUpdate: Invalid value: {"partition":1}: only allowed for updateStrategy 'RollingUpdate'`,
    ],
    [
      'rejects a negative partition',
      (s) => (s.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { partition: -1 } }),
      'The StatefulSet "web" is invalid: spec.updateStrategy.rollingUpdate.partition: Invalid value: -1: must be greater than or equal to 0',
    ],
    [
      'rejects maxUnavailable 0',
      (s) => (s.spec.updateStrategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0 } }),
      'The StatefulSet "web" is invalid: spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: 0: cannot be 0',
    ],
    [
      'rejects negative replicas',
      (s) => (s.spec.replicas = -1),
      'The StatefulSet "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    ],
    [
      'rejects a retention policy other than Retain or Delete',
      (s) => (s.spec.persistentVolumeClaimRetentionPolicy = { whenDeleted: 'Keep' as 'Retain' }),
      'The StatefulSet "web" is invalid: spec.persistentVolumeClaimRetentionPolicy.whenDeleted: Unsupported value: "Keep": supported values: "Retain", "Delete"',
    ],
    [
      'rejects restartPolicy Never',
      (s) => (s.spec.template.spec.restartPolicy = 'Never'),
      'The StatefulSet "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    ],
    [
      'rejects a name that is not a DNS label (ValidateStatefulSetName)',
      (s) => (s.metadata.name = 'web.v1'),
      'The StatefulSet "web.v1" is invalid: metadata.name: Invalid value: "web.v1": must not contain dots',
    ],
  ])('%s', (_name, change, want) => {
    expect(create(change)).toBe(want);
  });

  it('leaves the pod spec to pod creation, as upstream does: the controller reports FailedCreate', () => {
    const sim = new Simulation();
    const s = newStatefulSet('web', { replicas: 1 });
    s.spec.template.spec.containers[0]!.image = '';
    expect(sim.api.create(s).ok).toBe(true);
    sim.settle();
    const ev = sim.recorder.log.find((e) => e.reason === 'FailedCreate');
    expect(ev?.message).toMatch(/^create Pod web-0 in StatefulSet web failed error: .*image/);
  });
});

describe('StatefulSet update validation (ValidateStatefulSetUpdate)', () => {
  const FORBIDDEN =
    "The StatefulSet \"web\" is invalid: spec: Forbidden: updates to statefulset spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', 'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden";
  it.each<[string, (s: StatefulSet) => void, string]>([
    ['replicas may change', (s) => (s.spec.replicas = 5), 'ok'],
    ['the template may change', (s) => (s.spec.template.spec.containers[0]!.image = 'nginx:1.26'), 'ok'],
    ['the update strategy may change', (s) => (s.spec.updateStrategy = { type: 'OnDelete' }), 'ok'],
    ['serviceName may not', (s) => (s.spec.serviceName = 'other'), FORBIDDEN],
    ['podManagementPolicy may not', (s) => (s.spec.podManagementPolicy = 'Parallel'), FORBIDDEN],
    [
      'the selector may not',
      (s) => {
        s.spec.selector = { matchLabels: { app: 'web', tier: 'x' } };
        s.spec.template.metadata!.labels = { app: 'web', tier: 'x' };
      },
      FORBIDDEN,
    ],
  ])('%s', (_name, change, want) => {
    const sim = new Simulation();
    expect(sim.api.create(newStatefulSet('web')).ok).toBe(true);
    const next = structuredClone(sim.api.get<StatefulSet>('StatefulSet', 'default', 'web')!);
    change(next);
    const res = sim.api.update(next);
    expect(res.ok ? 'ok' : res.error.message).toBe(want);
  });
});
