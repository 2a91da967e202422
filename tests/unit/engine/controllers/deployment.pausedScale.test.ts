import { describe, expect, it } from 'vitest';
import type { ReplicaSet } from '../../../../src/engine/api/types';
import { pausedScale } from '../../../../src/engine/controllers/deployment/pausedScale';

function rs(name: string, replicas: number, created: string): ReplicaSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default', creationTimestamp: created },
    spec: { replicas, selector: {}, template: { spec: { containers: [] } } },
  };
}

const sized = (plan: [ReplicaSet, number][]) => plan.map(([r, to]) => `${r.metadata.name}=${to}`);

describe('pausedScale · how a paused Deployment scales (deployment controller scale())', () => {
  const old = rs('web-old', 2, '2025-01-01T00:00:00Z');
  const next = rs('web-new', 2, '2025-01-01T00:01:00Z');
  it.each([
    { name: 'one active ReplicaSet takes the new size', sets: [old], want: ['web-old=5'], replicas: 5 },
    { name: 'no change when the size is already right', sets: [old], want: [], replicas: 2 },
    {
      name: 'a rollout paused half-way grows in proportion, the newer set first among equals',
      sets: [old, next],
      want: ['web-new=4', 'web-old=4'],
      replicas: 8,
    },
    {
      name: 'and shrinks in proportion',
      sets: [rs('a', 4, '2025-01-01T00:00:00Z'), rs('b', 2, '2025-01-01T00:01:00Z')],
      want: ['b=1', 'a=2'],
      replicas: 3,
    },
  ])('$name', ({ sets, want, replicas }) => {
    expect(sized(pausedScale(sets, undefined, replicas, 0))).toEqual(want);
  });

  it('counts maxSurge in the allowed size, as scale() does for RollingUpdate', () => {
    expect(sized(pausedScale([old, next], undefined, 4, 1))).toEqual(['web-new=3']);
  });
});
