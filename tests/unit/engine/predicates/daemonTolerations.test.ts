import { describe, expect, it } from 'vitest';
import type { PodSpec, Toleration } from '../../../../src/engine/api/types';
import {
  addOrUpdateDaemonPodTolerations,
  addOrUpdateToleration,
} from '../../../../src/engine/predicates/daemonTolerations';

const base: PodSpec = { containers: [{ name: 'c', image: 'i' }] };
const exists = (key: string, effect: 'NoSchedule' | 'NoExecute'): Toleration => ({
  key,
  operator: 'Exists',
  effect,
});

const DEFAULTS: Toleration[] = [
  exists('node.kubernetes.io/not-ready', 'NoExecute'),
  exists('node.kubernetes.io/unreachable', 'NoExecute'),
  exists('node.kubernetes.io/disk-pressure', 'NoSchedule'),
  exists('node.kubernetes.io/memory-pressure', 'NoSchedule'),
  exists('node.kubernetes.io/pid-pressure', 'NoSchedule'),
  exists('node.kubernetes.io/unschedulable', 'NoSchedule'),
];

describe('addOrUpdateDaemonPodTolerations', () => {
  // daemonset_util_test.go TestAddOrUpdateDaemonPodTolerations (behaviour of util.AddOrUpdateDaemonPodTolerations).
  const cases: { name: string; spec: PodSpec; tolerations: Toleration[] }[] = [
    {
      name: 'adds not-ready and unreachable NoExecute forever, and the pressure and unschedulable NoSchedule',
      spec: base,
      tolerations: DEFAULTS,
    },
    {
      name: 'network-unavailable is tolerated only with hostNetwork',
      spec: { ...base, hostNetwork: true },
      tolerations: [...DEFAULTS, exists('node.kubernetes.io/network-unavailable', 'NoSchedule')],
    },
    {
      name: 'keeps the user tolerations first and adds the defaults after them',
      spec: {
        ...base,
        tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoSchedule' }],
      },
      tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoSchedule' }, ...DEFAULTS],
    },
    {
      name: 'replaces a not-ready toleration with tolerationSeconds by the one that never expires',
      spec: {
        ...base,
        tolerations: [{ ...exists('node.kubernetes.io/not-ready', 'NoExecute'), tolerationSeconds: 300 }],
      },
      tolerations: DEFAULTS,
    },
    {
      name: 'does not duplicate a toleration the template already has',
      spec: { ...base, tolerations: [exists('node.kubernetes.io/unschedulable', 'NoSchedule')] },
      tolerations: [
        exists('node.kubernetes.io/unschedulable', 'NoSchedule'),
        ...DEFAULTS.filter((t) => t.key !== 'node.kubernetes.io/unschedulable'),
      ],
    },
    {
      name: 'keeps a broader user toleration and still adds its own (identity is key, effect, operator, value)',
      spec: { ...base, tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists' }] },
      tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists' }, ...DEFAULTS],
    },
  ];
  it.each(cases)('$name', ({ spec, tolerations }) => {
    expect(addOrUpdateDaemonPodTolerations(spec).tolerations).toEqual(tolerations);
  });

  it('returns a new spec and leaves the input untouched', () => {
    const spec: PodSpec = {
      ...base,
      tolerations: [{ ...exists('node.kubernetes.io/not-ready', 'NoExecute'), tolerationSeconds: 5 }],
    };
    const before = JSON.stringify(spec);
    const out = addOrUpdateDaemonPodTolerations(spec);
    expect(out).not.toBe(spec);
    expect(JSON.stringify(spec)).toBe(before);
  });

  it('is idempotent', () => {
    const once = addOrUpdateDaemonPodTolerations({ ...base, hostNetwork: true });
    expect(addOrUpdateDaemonPodTolerations(once)).toEqual(once);
  });
});

describe('addOrUpdateToleration', () => {
  it('appends a new toleration without changing the input list', () => {
    const list: Toleration[] = [exists('a', 'NoSchedule')];
    expect(addOrUpdateToleration(list, exists('b', 'NoSchedule'))).toEqual([
      exists('a', 'NoSchedule'),
      exists('b', 'NoSchedule'),
    ]);
    expect(list).toHaveLength(1);
  });
});
