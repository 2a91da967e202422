import { describe, expect, it } from 'vitest';
import { splitPipeline } from '../../../../src/kubectl/shell/pipeline';

describe('splitPipeline cuts a line at the unquoted |, as bash parses a pipeline', () => {
  it.each([
    ['get pods', [['get', 'pods']]],
    [
      'get ds -o json | jq .status',
      [
        ['get', 'ds', '-o', 'json'],
        ['jq', '.status'],
      ],
    ],
    [
      `get ds -o json | jq '.items[] | .metadata.name'`,
      [
        ['get', 'ds', '-o', 'json'],
        ['jq', '.items[] | .metadata.name'],
      ],
    ],
    [
      `get pods|grep "a | b"|wc -l`,
      [
        ['get', 'pods'],
        ['grep', 'a | b'],
        ['wc', '-l'],
      ],
    ],
    ['get pods \\| x', [['get', 'pods', '|', 'x']]],
    [
      `get ds -o json | jq '.status'     # JSON status`,
      [
        ['get', 'ds', '-o', 'json'],
        ['jq', '.status'],
      ],
    ],
    ['get pods -l app#x', [['get', 'pods', '-l', 'app#x']]],
    [
      `get pods -o jsonpath='{.items[*].metadata.name}'`,
      [['get', 'pods', '-o', 'jsonpath={.items[*].metadata.name}']],
    ],
  ])('%s', (line, stages) => {
    const split = splitPipeline(line);
    expect(split.ok && split.stages.map((s) => s.words)).toEqual(stages);
  });
});

describe('operators the console does not run refuse the whole line, naming the operator', () => {
  it.each([
    ['get pods && get nodes', '"&&"'],
    ['get pods || true', '"||"'],
    ['get pods; get nodes', '";"'],
    ['get pods > pods.txt', '(">")'],
    ['get pods >> pods.txt', '(">>")'],
    ['apply -f - < ds.yaml', '("<")'],
    ['get pods &', '("&")'],
    ['delete pod $(get pods -o name)', '("$(…)")'],
    ['label node n1 a="$(whoami)"', '("$(…)")'],
    ['delete pod `get pods -o name`', '("`…`")'],
  ])('%s', (line, named) => {
    const split = splitPipeline(line);
    expect(split.ok).toBe(false);
    if (split.ok) return;
    expect(split.message).toMatch(/^playground: the console /);
    expect(split.message).toContain(named);
    expect(split.message.trim().split('\n')).toHaveLength(1);
    expect(split.exitCode).toBe(2);
  });

  it('keeps operators inside single quotes literal', () => {
    const split = splitPipeline(`annotate node n1 'note=a;b && c > d $(x)'`);
    expect(split.ok && split.stages[0]?.words).toEqual(['annotate', 'node', 'n1', 'note=a;b && c > d $(x)']);
  });

  it.each(['get pods |', '| grep x', 'get pods | | wc -l'])(
    "an empty stage is bash's syntax error: %s",
    (line) => {
      const split = splitPipeline(line);
      expect(split.ok).toBe(false);
      if (!split.ok) expect(split.message).toBe("playground: syntax error near unexpected token `|'\n");
    },
  );

  it("an open quote is the shell's unexpected EOF", () => {
    const split = splitPipeline(`get ds -o json | jq '.status`);
    expect(split.ok).toBe(false);
    if (!split.ok) expect(split.message).toBe("error: unexpected EOF while looking for matching `''\n");
  });
});
