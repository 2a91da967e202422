import { LineCounter, parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { collectPositions, locate, parsePath } from '../../../src/manifests/positions';

describe('field paths', () => {
  const cases = [
    { path: 'spec.template.spec.restartPolicy', segments: ['spec', 'template', 'spec', 'restartPolicy'] },
    { path: 'spec.containers[0].image', segments: ['spec', 'containers', 0, 'image'] },
    { path: 'resources.requests[nvidia.com/gpu]', segments: ['resources', 'requests', 'nvidia.com/gpu'] },
    { path: 'items[3].metadata.name', segments: ['items', 3, 'metadata', 'name'] },
    { path: '', segments: [] },
  ];
  it.each(cases)('splits $path as field.Path prints it', ({ path, segments }) => {
    expect(parsePath(path)).toEqual(segments);
  });
});

describe('path → line:column on a YAML document', () => {
  const text = [
    'spec:', //                     1
    '  containers:', //             2
    '  - name: a', //               3
    '    image: nginx', //          4
    '    resources:', //            5
    '      limits: {nvidia.com/gpu: 1}', // 6
    'flow: {a: [1, 2]}', //         7
  ].join('\n');
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const at = (path: string) => locate(doc, lineCounter, doc.contents, path);

  const cases = [
    { name: 'a scalar is marked at its value', path: 'spec.containers[0].image', line: 4, column: 12 },
    {
      name: 'a block mapping is marked at its key',
      path: 'spec.containers[0].resources',
      line: 5,
      column: 5,
    },
    { name: 'a list item is marked at its start', path: 'spec.containers[0]', line: 3, column: 5 },
    {
      name: 'a key with dots is found through brackets',
      path: 'spec.containers[0].resources.limits[nvidia.com/gpu]',
      line: 6,
      column: 32,
    },
    {
      name: 'a missing field falls back to its closest parent',
      path: 'spec.containers[0].ports[0].hostPort',
      line: 3,
      column: 5,
    },
    {
      name: 'a missing list item falls back to the list',
      path: 'spec.containers[4].image',
      line: 2,
      column: 3,
    },
    { name: 'flow collections are found too', path: 'flow.a[1]', line: 7, column: 15 },
  ];
  it.each(cases)('$name', ({ path, line, column }) => {
    expect(at(path)).toEqual({ line, column });
  });

  it('collects the position of every path for later lookups', () => {
    const { values, keys } = collectPositions(doc, lineCounter, doc.contents);
    expect(values['spec.containers[0].name']).toEqual({ line: 3, column: 11 });
    expect(keys['spec.containers[0].name']).toEqual({ line: 3, column: 5 });
    expect(values['flow.a[0]']).toEqual({ line: 7, column: 12 });
  });
});
