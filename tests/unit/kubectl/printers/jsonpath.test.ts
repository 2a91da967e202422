import { describe, expect, it } from 'vitest';
import { jsonPath } from '../../../../src/kubectl/printers/jsonpath';

const list = {
  kind: 'List',
  items: [
    {
      metadata: { name: 'node-1', labels: { 'kubernetes.io/hostname': 'node-1' } },
      status: { conditions: [{ type: 'Ready', status: 'True' }] },
    },
    {
      metadata: { name: 'node-2', labels: { 'kubernetes.io/hostname': 'node-2' } },
      status: { conditions: [{ type: 'Ready', status: 'False' }] },
    },
  ],
};

describe('jsonpath · the subset kubectl -o jsonpath users reach for', () => {
  it.each([
    { name: 'joins a wildcard with spaces', template: '{.items[*].metadata.name}', want: 'node-1 node-2' },
    { name: 'indexes a list', template: '{.items[1].metadata.name}', want: 'node-2' },
    { name: 'slices a list', template: '{.items[0:1].metadata.name}', want: 'node-1' },
    {
      name: 'ranges with a literal newline',
      template: '{range .items[*]}{.metadata.name}{"\\n"}{end}',
      want: 'node-1\nnode-2\n',
    },
    {
      name: 'mixes text and actions',
      template: 'nodes: {.items[*].metadata.name}!',
      want: 'nodes: node-1 node-2!',
    },
    {
      name: 'filters by a field',
      template: '{.items[?(@.status.conditions[0].status=="False")].metadata.name}',
      want: 'node-2',
    },
    {
      name: 'reads keys with escaped dots',
      template: '{.items[0].metadata.labels.kubernetes\\.io/hostname}',
      want: 'node-1',
    },
    {
      name: 'prints maps as JSON',
      template: '{.items[0].metadata.labels}',
      want: '{"kubernetes.io/hostname":"node-1"}',
    },
    { name: 'prints nothing for a missing key', template: '{.items[0].spec.taints}', want: '' },
    { name: 'reads a bare expression as one action', template: '.items[0].metadata.name', want: 'node-1' },
  ])('$name', ({ template, want }) => {
    expect(jsonPath(template, list)).toBe(want);
  });

  it('rejects an unclosed range', () => {
    expect(() => jsonPath('{range .items[*]}{.metadata.name}', list)).toThrow('unclosed action');
  });
});
