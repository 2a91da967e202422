import { describe, expect, it } from 'vitest';
import type { Taint, Toleration } from '../../../../src/engine/api/types';
import {
  findMatchingUntoleratedTaint,
  findUntoleratedTaints,
  formatTaint,
  getMatchingTolerations,
  isNoScheduleOrNoExecute,
  nodeUnschedulableFits,
  toleratesTaint,
  tolerationsTolerateTaint,
} from '../../../../src/engine/predicates/taints';
import { newNode } from '../../../fixtures/builders';

const dedicated: Taint = { key: 'dedicated', value: 'db', effect: 'NoSchedule' };

describe('toleratesTaint', () => {
  // Rules of Toleration.ToleratesTaint (core/v1 toleration_test.go TestTolerationToleratesTaint).
  const cases: { name: string; toleration: Toleration; taint: Taint; tolerates: boolean }[] = [
    {
      name: 'an Exists toleration with an empty key tolerates every taint',
      toleration: { operator: 'Exists' },
      taint: { key: 'anything', value: 'x', effect: 'NoExecute' },
      tolerates: true,
    },
    {
      name: 'an empty effect tolerates every effect of the key',
      toleration: { key: 'dedicated', operator: 'Equal', value: 'db' },
      taint: { key: 'dedicated', value: 'db', effect: 'NoExecute' },
      tolerates: true,
    },
    {
      name: 'a different effect does not tolerate',
      toleration: { key: 'dedicated', operator: 'Equal', value: 'db', effect: 'NoExecute' },
      taint: dedicated,
      tolerates: false,
    },
    {
      name: 'Equal needs the same value',
      toleration: { key: 'dedicated', operator: 'Equal', value: 'web', effect: 'NoSchedule' },
      taint: dedicated,
      tolerates: false,
    },
    {
      name: 'no operator means Equal',
      toleration: { key: 'dedicated', value: 'db' },
      taint: dedicated,
      tolerates: true,
    },
    {
      name: 'Equal with no value tolerates a taint with no value',
      toleration: { key: 'gpu', operator: 'Equal', effect: 'NoSchedule' },
      taint: { key: 'gpu', effect: 'NoSchedule' },
      tolerates: true,
    },
    {
      name: 'Exists ignores the value',
      toleration: { key: 'dedicated', operator: 'Exists' },
      taint: dedicated,
      tolerates: true,
    },
    {
      name: 'a different key does not tolerate',
      toleration: { key: 'other', operator: 'Exists' },
      taint: dedicated,
      tolerates: false,
    },
    {
      name: 'an empty-string effect counts as no effect',
      toleration: { key: 'dedicated', operator: 'Exists', effect: '' },
      taint: dedicated,
      tolerates: true,
    },
  ];
  it.each(cases)('$name', ({ toleration, taint, tolerates }) => {
    expect(toleratesTaint(toleration, taint)).toBe(tolerates);
    expect(tolerationsTolerateTaint([toleration], taint)).toBe(tolerates);
  });

  it('no tolerations tolerate nothing', () => {
    expect(tolerationsTolerateTaint(undefined, dedicated)).toBe(false);
  });
});

describe('findMatchingUntoleratedTaint', () => {
  const prefer: Taint = { key: 'spot', effect: 'PreferNoSchedule' };
  const execute: Taint = { key: 'broken', effect: 'NoExecute' };
  const cases: {
    name: string;
    taints: Taint[];
    tolerations: Toleration[];
    first: Taint | undefined;
    all: Taint[];
  }[] = [
    {
      name: 'PreferNoSchedule never excludes a node',
      taints: [prefer],
      tolerations: [],
      first: undefined,
      all: [],
    },
    {
      name: 'returns the first untolerated NoSchedule or NoExecute taint in node order',
      taints: [prefer, dedicated, execute],
      tolerations: [],
      first: dedicated,
      all: [dedicated, execute],
    },
    {
      name: 'skips tolerated taints',
      taints: [dedicated, execute],
      tolerations: [{ key: 'dedicated', operator: 'Exists' }],
      first: execute,
      all: [execute],
    },
    { name: 'no taints means nothing untolerated', taints: [], tolerations: [], first: undefined, all: [] },
  ];
  it.each(cases)('$name', ({ taints, tolerations, first, all }) => {
    expect(findMatchingUntoleratedTaint(taints, tolerations, isNoScheduleOrNoExecute)).toEqual(first);
    expect(findUntoleratedTaints(taints, tolerations, isNoScheduleOrNoExecute)).toEqual(all);
  });

  it('checks every effect, PreferNoSchedule included, when no filter is given', () => {
    expect(findMatchingUntoleratedTaint([prefer], [])).toEqual(prefer);
  });
});

describe('getMatchingTolerations', () => {
  const secs: Toleration = { key: 'broken', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 30 };
  it.each([
    {
      name: 'no taints are tolerated with no tolerations needed',
      taints: [],
      tolerations: [],
      result: { tolerated: true, tolerations: [] },
    },
    {
      name: 'returns the first matching toleration for each taint',
      taints: [{ key: 'broken', effect: 'NoExecute' } as Taint],
      tolerations: [secs, { operator: 'Exists' } as Toleration],
      result: { tolerated: true, tolerations: [secs] },
    },
    {
      name: 'one untolerated taint means not tolerated and no list',
      taints: [dedicated, { key: 'broken', effect: 'NoExecute' } as Taint],
      tolerations: [secs],
      result: { tolerated: false, tolerations: [] },
    },
  ])('$name', ({ taints, tolerations, result }) => {
    expect(getMatchingTolerations(taints, tolerations)).toEqual(result);
  });
});

describe('formatTaint and nodeUnschedulableFits', () => {
  it.each([
    { taint: dedicated, text: 'dedicated=db:NoSchedule' },
    {
      taint: { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' } as Taint,
      text: 'node.kubernetes.io/unreachable:NoExecute',
    },
  ])('prints $text as kubectl does', ({ taint, text }) => {
    expect(formatTaint(taint)).toBe(text);
  });

  // node_unschedulable_test.go TestNodeUnschedulable.
  it.each([
    {
      name: 'a cordoned node rejects a pod without the unschedulable toleration',
      unschedulable: true,
      tolerations: [],
      fits: false,
    },
    {
      name: 'a cordoned node takes a pod that tolerates node.kubernetes.io/unschedulable',
      unschedulable: true,
      tolerations: [
        { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' } as Toleration,
      ],
      fits: true,
    },
    { name: 'a schedulable node takes any pod', unschedulable: false, tolerations: [], fits: true },
  ])('$name', ({ unschedulable, tolerations, fits }) => {
    expect(nodeUnschedulableFits(tolerations, newNode('n1', { unschedulable }))).toBe(fits);
  });
});
