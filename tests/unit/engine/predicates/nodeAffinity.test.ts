import { describe, expect, it } from 'vitest';
import type { Affinity, Labels, NodeSelectorTerm, PodSpec } from '../../../../src/engine/api/types';
import {
  describeNodeAffinityMismatch,
  describeNodeSelectorMismatch,
  matchRequiredNodeAffinity,
  preferredNodeAffinityScore,
} from '../../../../src/engine/predicates/nodeAffinity';
import type { RequiredNodeAffinityResult } from '../../../../src/engine/predicates/nodeAffinity';
import { newNode } from '../../../fixtures/builders';

const required = (...terms: NodeSelectorTerm[]): Affinity => ({
  nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } },
});
const spec = (extra: Partial<PodSpec>): PodSpec => ({ containers: [{ name: 'c', image: 'i' }], ...extra });

function explain(r: RequiredNodeAffinityResult): string {
  if (r.matches) return 'matches';
  return r.reason.kind === 'nodeSelector'
    ? describeNodeSelectorMismatch(r.reason)
    : describeNodeAffinityMismatch(r.reason);
}

describe('matchRequiredNodeAffinity', () => {
  // Cases after nodeaffinity_test.go TestNodeSelectorMatch / TestRequiredNodeAffinity and
  // daemon_controller_test.go TestNodeAffinityDaemonLaunchesPods.
  const cases: { name: string; labels: Labels; spec: PodSpec; nodeName?: string; expected: string }[] = [
    { name: 'no selector and no affinity match every node', labels: {}, spec: spec({}), expected: 'matches' },
    {
      name: 'a nodeSelector needs every label',
      labels: { disktype: 'ssd', zone: 'a' },
      spec: spec({ nodeSelector: { disktype: 'ssd', zone: 'a' } }),
      expected: 'matches',
    },
    {
      name: 'a nodeSelector names the missing label',
      labels: {},
      spec: spec({ nodeSelector: { disktype: 'ssd' } }),
      expected: 'nodeSelector disktype=ssd: node has no label disktype',
    },
    {
      name: 'a nodeSelector names the different value',
      labels: { disktype: 'hdd' },
      spec: spec({ nodeSelector: { disktype: 'ssd' } }),
      expected: 'nodeSelector disktype=ssd: node has disktype=hdd',
    },
    {
      name: 'terms are ORed: one matching term is enough',
      labels: { accelerator: 'gpu' },
      spec: spec({
        affinity: required(
          { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] },
          { matchExpressions: [{ key: 'accelerator', operator: 'In', values: ['gpu'] }] },
        ),
      }),
      expected: 'matches',
    },
    {
      name: 'requirements in a term are ANDed',
      labels: { accelerator: 'gpu', zone: 'b' },
      spec: spec({
        affinity: required({
          matchExpressions: [
            { key: 'accelerator', operator: 'In', values: ['gpu'] },
            { key: 'zone', operator: 'In', values: ['a'] },
          ],
        }),
      }),
      expected: 'no nodeSelectorTerm matched: term 1: zone In [a] (node has zone=b)',
    },
    {
      name: 'every failed term is explained',
      labels: { accelerator: 'none' },
      spec: spec({
        affinity: required(
          { matchExpressions: [{ key: 'accelerator', operator: 'In', values: ['gpu'] }] },
          { matchExpressions: [{ key: 'gpu', operator: 'Exists' }] },
        ),
      }),
      expected:
        'no nodeSelectorTerm matched: term 1: accelerator In [gpu] (node has accelerator=none); term 2: gpu Exists (node has no label gpu)',
    },
    {
      name: 'an empty term matches nothing',
      labels: {},
      spec: spec({ affinity: required({}) }),
      expected: 'no nodeSelectorTerm matched: term 1: an empty nodeSelectorTerm matches no node',
    },
    {
      name: 'required affinity with no terms matches nothing',
      labels: {},
      spec: spec({ affinity: required() }),
      expected: 'no nodeSelectorTerm matched: the required node affinity has no terms',
    },
    {
      name: 'NotIn matches a node without the label',
      labels: {},
      spec: spec({
        affinity: required({ matchExpressions: [{ key: 'spot', operator: 'NotIn', values: ['true'] }] }),
      }),
      expected: 'matches',
    },
    {
      name: 'DoesNotExist rejects a node with the label',
      labels: { spot: 'true' },
      spec: spec({ affinity: required({ matchExpressions: [{ key: 'spot', operator: 'DoesNotExist' }] }) }),
      expected: 'no nodeSelectorTerm matched: term 1: spot DoesNotExist (node has spot=true)',
    },
    {
      name: 'Gt compares the label as an integer',
      labels: { cores: '16' },
      spec: spec({
        affinity: required({ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['8'] }] }),
      }),
      expected: 'matches',
    },
    {
      name: 'Lt fails when the label is not an integer',
      labels: { cores: 'many' },
      spec: spec({
        affinity: required({ matchExpressions: [{ key: 'cores', operator: 'Lt', values: ['8'] }] }),
      }),
      expected:
        'no nodeSelectorTerm matched: term 1: cores Lt [8] (node has cores=many, which is not an integer)',
    },
    {
      name: 'Gt with a non-integer value makes the term invalid',
      labels: { cores: '16' },
      spec: spec({
        affinity: required({ matchExpressions: [{ key: 'cores', operator: 'Gt', values: ['eight'] }] }),
      }),
      expected: `no nodeSelectorTerm matched: term 1: invalid: for 'Gt', 'Lt' operators, the value must be an integer: "eight"`,
    },
    {
      name: 'an invalid term does not stop another term from matching',
      labels: { zone: 'a' },
      spec: spec({
        affinity: required(
          { matchExpressions: [{ key: 'zone', operator: 'In', values: [] }] },
          { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] },
        ),
      }),
      expected: 'matches',
    },
    {
      name: 'matchFields matches metadata.name',
      labels: {},
      nodeName: 'node-1',
      spec: spec({
        affinity: required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-1'] }] }),
      }),
      expected: 'matches',
    },
    {
      name: 'matchFields names the node it was not',
      labels: {},
      nodeName: 'node-2',
      spec: spec({
        affinity: required({ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-1'] }] }),
      }),
      expected: 'no nodeSelectorTerm matched: term 1: metadata.name In [node-1] (node is named node-2)',
    },
    {
      name: 'matchFields only allows In and NotIn',
      labels: {},
      nodeName: 'node-1',
      spec: spec({ affinity: required({ matchFields: [{ key: 'metadata.name', operator: 'Exists' }] }) }),
      expected:
        'no nodeSelectorTerm matched: term 1: invalid: matchFields operator "Exists" is not supported (only In and NotIn)',
    },
    {
      name: 'matchFields on metadata.name needs exactly one value',
      labels: {},
      nodeName: 'node-1',
      spec: spec({
        affinity: required({
          matchFields: [{ key: 'metadata.name', operator: 'In', values: ['node-1', 'node-2'] }],
        }),
      }),
      expected:
        'no nodeSelectorTerm matched: term 1: invalid: matchFields metadata.name In must have exactly one value',
    },
    {
      name: 'nodeSelector and required affinity must both match',
      labels: { accelerator: 'gpu' },
      spec: spec({
        nodeSelector: { disktype: 'ssd' },
        affinity: required({ matchExpressions: [{ key: 'accelerator', operator: 'In', values: ['gpu'] }] }),
      }),
      expected: 'nodeSelector disktype=ssd: node has no label disktype',
    },
    {
      name: 'preferred node affinity never excludes a node',
      labels: {},
      spec: spec({
        affinity: {
          nodeAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              {
                weight: 100,
                preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] },
              },
            ],
          },
        },
      }),
      expected: 'matches',
    },
  ];
  it.each(cases)('$name', ({ labels, spec: podSpec, nodeName, expected }) => {
    const node = newNode(nodeName ?? 'n1', { labels });
    expect(explain(matchRequiredNodeAffinity(podSpec, node))).toBe(expected);
  });
});

describe('preferredNodeAffinityScore', () => {
  it('sums the weights of matching preferred terms and skips weight 0 and empty terms', () => {
    const podSpec = spec({
      affinity: {
        nodeAffinity: {
          preferredDuringSchedulingIgnoredDuringExecution: [
            {
              weight: 10,
              preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] },
            },
            { weight: 5, preference: { matchExpressions: [{ key: 'ssd', operator: 'Exists' }] } },
            { weight: 7, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] } },
            { weight: 0, preference: { matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] } },
            { weight: 3, preference: {} },
          ],
        },
      },
    });
    expect(preferredNodeAffinityScore(podSpec, newNode('n1', { labels: { zone: 'a', ssd: '' } }))).toBe(15);
  });
});
