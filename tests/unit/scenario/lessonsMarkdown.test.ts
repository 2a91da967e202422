// The Markdown subset lesson and scenario texts are written in: a tree of plain data, never HTML.
import { describe, expect, it } from 'vitest';
import { parseInline, parseMarkdown, safeHref } from '../../../src/app/lessons/markdown';

describe('lesson Markdown', () => {
  it('reads paragraphs, bold, emphasis and code', () => {
    expect(parseMarkdown('Run **fluentd** on *every*\nnode: `kubectl get ds`.\n\nSecond.')).toEqual([
      {
        kind: 'paragraph',
        children: [
          { kind: 'text', text: 'Run ' },
          { kind: 'strong', children: [{ kind: 'text', text: 'fluentd' }] },
          { kind: 'text', text: ' on ' },
          { kind: 'em', children: [{ kind: 'text', text: 'every' }] },
          { kind: 'text', text: ' node: ' },
          { kind: 'code', text: 'kubectl get ds' },
          { kind: 'text', text: '.' },
        ],
      },
      { kind: 'paragraph', children: [{ kind: 'text', text: 'Second.' }] },
    ]);
  });

  it('reads bullet and numbered lists, with indented continuation lines', () => {
    const blocks = parseMarkdown('Steps:\n\n1. cordon\n   the node\n2. drain it\n\n- a\n- b');
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'list', 'list']);
    expect(blocks[1]).toEqual({
      kind: 'list',
      ordered: true,
      items: [[{ kind: 'text', text: 'cordon the node' }], [{ kind: 'text', text: 'drain it' }]],
    });
    expect(blocks[2]).toMatchObject({ ordered: false, items: [[{ text: 'a' }], [{ text: 'b' }]] });
  });

  it('keeps fenced code as it is, dedented, and shows command lines as code', () => {
    expect(parseMarkdown('Add:\n\n  ```\n  tolerations:\n    - key: a\n  ```\nkubectl get ds')).toEqual([
      { kind: 'paragraph', children: [{ kind: 'text', text: 'Add:' }] },
      { kind: 'code', text: 'tolerations:\n  - key: a' },
      { kind: 'code', text: 'kubectl get ds' },
    ]);
  });

  it('makes links of http(s) addresses only; other schemes keep their text and lose the link', () => {
    expect(parseInline('[docs](https://kubernetes.io/docs/)')).toEqual([
      { kind: 'link', href: 'https://kubernetes.io/docs/', children: [{ kind: 'text', text: 'docs' }] },
    ]);
    expect(parseInline('[click](javascript:alert(1))')).not.toContainEqual(
      expect.objectContaining({ kind: 'link' }),
    );
    expect(parseInline('[x](data:text/html,hi)')).toEqual([{ kind: 'text', text: 'x' }]);
    expect(safeHref('HTTP://example.com')).toBe('HTTP://example.com');
    expect(safeHref('/relative')).toBeUndefined();
  });

  it('treats HTML as text: the tree has no HTML node to render', () => {
    const blocks = parseMarkdown('<img src=x onerror=alert(1)> <b>bold</b>');
    expect(blocks).toEqual([
      { kind: 'paragraph', children: [{ kind: 'text', text: '<img src=x onerror=alert(1)> <b>bold</b>' }] },
    ]);
  });

  it('leaves snake_case words, lone stars and unclosed markers alone', () => {
    expect(parseInline('max_unavailable and 2 * 3 and **open')).toEqual([
      { kind: 'text', text: 'max_unavailable and 2 * 3 and **open' },
    ]);
    expect(parseInline('\\*not em\\*')).toEqual([{ kind: 'text', text: '*not em*' }]);
  });

  it('reads headings and never throws on odd input', () => {
    expect(parseMarkdown('## Why')).toEqual([
      { kind: 'heading', level: 2, children: [{ kind: 'text', text: 'Why' }] },
    ]);
    for (const odd of ['', '```', '- ', '[', '**', '`', '\n\n\n', '1.\n2.', '[a](b'])
      expect(() => parseMarkdown(odd)).not.toThrow();
  });
});
