import { describe, expect, it } from 'vitest';
import { jq } from '../../../../src/kubectl/shell/jq/index';
import { filter } from './helpers';

const LIST = `${JSON.stringify(
  {
    kind: 'List',
    items: [
      {
        metadata: { name: 'fluentd-a', labels: { app: 'fluentd' } },
        spec: { nodeName: 'node-1' },
        status: { phase: 'Running', restarts: 0 },
      },
      {
        metadata: { name: 'fluentd-b', labels: { app: 'fluentd' } },
        spec: { nodeName: 'node-2' },
        status: { phase: 'Failed', restarts: 3 },
      },
      {
        metadata: { name: 'web-1' },
        spec: { nodeName: 'node-2' },
        status: { phase: 'Running', restarts: 1 },
      },
    ],
    status: { desiredNumberScheduled: 3, numberReady: 2, empty: {}, none: [] },
  },
  null,
  4,
)}\n`;
// jq names the line it had read up to: the whole (one) input.
const END = LIST.split('\n').length - 1;

const run = (args: string[], stdin = LIST) => filter(jq, args, stdin);

describe('jq filters (the jq 1.7 manual), on kubectl -o json output', () => {
  it.each([
    [
      '. pretty-prints with two spaces and {} / [] for empty containers',
      ['.status'],
      '{\n  "desiredNumberScheduled": 3,\n  "numberReady": 2,\n  "empty": {},\n  "none": []\n}\n',
    ],
    ['.a.b', ['.status.numberReady'], '2\n'],
    ['.["k"] and ."k"', ['.["status"]."numberReady"'], '2\n'],
    ['a missing key is null', ['.status.nothing'], 'null\n'],
    ['.[] iterates', ['-c', '.items[].status.phase'], '"Running"\n"Failed"\n"Running"\n'],
    ['.[N] and negative indices', ['.items[-1].metadata.name'], '"web-1"\n'],
    ['-r prints strings raw', ['-r', '.items[].metadata.name'], 'fluentd-a\nfluentd-b\nweb-1\n'],
    [
      'pipes and select with ==',
      ['-r', '.items[] | select(.spec.nodeName == "node-2") | .metadata.name'],
      'fluentd-b\nweb-1\n',
    ],
    [
      'select with and / or / not',
      [
        '-r',
        '.items[] | select(.status.phase != "Running" or (.status.restarts > 0 and (.metadata.labels | not))) | .metadata.name',
      ],
      'fluentd-b\nweb-1\n',
    ],
    ['select with <', ['-r', '.items[] | select(.status.restarts < 1) | .metadata.name'], 'fluentd-a\n'],
    ['map and length', ['.items | map(select(.status.phase == "Running")) | length'], '2\n'],
    [
      'keys are sorted',
      ['-c', '.status | keys'],
      '["desiredNumberScheduled","empty","none","numberReady"]\n',
    ],
    ['has("k")', ['-c', '[.items[].metadata | has("labels")]'], '[true,true,false]\n'],
    [
      'object construction with shorthand',
      ['-c', '.items[0] | {name: .metadata.name, node: .spec.nodeName, status}'],
      '{"name":"fluentd-a","node":"node-1","status":{"phase":"Running","restarts":0}}\n',
    ],
    ['array construction', ['-c', '[.items[].spec.nodeName] | unique'], '["node-1","node-2"]\n'],
    [
      'string interpolation',
      ['-r', '.items[] | "\\(.metadata.name) on \\(.spec.nodeName)"'],
      'fluentd-a on node-1\nfluentd-b on node-2\nweb-1 on node-2\n',
    ],
    [
      '// gives the right side for null and false',
      ['-r', '.items[] | .metadata.labels.app // "none"'],
      'fluentd\nfluentd\nnone\n',
    ],
    ["// keeps the left side's truthy outputs", ['-c', '[(null, 1, false, 2) // 3]'], '[1,2]\n'],
    ['arithmetic and add', ['[.items[].status.restarts] | add * 2 - 1'], '7\n'],
    ['comma makes several outputs', ['-c', '.status.numberReady, .status.desiredNumberScheduled'], '2\n3\n'],
    [
      'if / then / else',
      ['-r', '.items[] | if .status.phase == "Running" then "ok" else "bad" end'],
      'ok\nbad\nok\n',
    ],
    [
      'to_entries / from_entries / with_entries',
      ['-c', '.items[0].metadata.labels | with_entries(.value |= ascii_upcase)'],
      '{"app":"FLUENTD"}\n',
    ],
    [
      'group_by and sort_by',
      ['-c', '.items | group_by(.spec.nodeName) | map({node: .[0].spec.nodeName, pods: length})'],
      '[{"node":"node-1","pods":1},{"node":"node-2","pods":2}]\n',
    ],
    [
      '@tsv rows',
      ['-r', '.items[] | [.metadata.name, .status.restarts] | @tsv'],
      'fluentd-a\t0\nfluentd-b\t3\nweb-1\t1\n',
    ],
    ['@csv rows', ['-r', '.items[0] | [.metadata.name, .status.restarts] | @csv'], '"fluentd-a",0\n'],
    [
      'del removes paths',
      ['-c', '.items[0] | del(.status, .spec)'],
      '{"metadata":{"name":"fluentd-a","labels":{"app":"fluentd"}}}\n',
    ],
    [
      '= sets a path',
      ['-c', '.items[0].spec.nodeName = "node-9" | .items[0].spec'],
      '{"nodeName":"node-9"}\n',
    ],
    [
      'test() with a regex',
      ['-r', '.items[] | select(.metadata.name | test("^fluentd-")) | .metadata.name'],
      'fluentd-a\nfluentd-b\n',
    ],
    [
      '--arg binds a variable',
      ['-r', '--arg', 'n', 'node-1', '.items[] | select(.spec.nodeName == $n) | .metadata.name'],
      'fluentd-a\n',
    ],
    ['-S sorts keys', ['-cS', '{b: 1, a: 2}'], '{"a":2,"b":1}\n'],
    ['reduce', ['reduce .items[] as $p (0; . + $p.status.restarts)'], '4\n'],
    ['no filter is .', ['-c'], `${JSON.stringify(JSON.parse(LIST))}\n`],
  ])('%s', (_name, args, stdout) => {
    expect(run(args)).toEqual({ stdout, stderr: '', exitCode: 0 });
  });

  it('reads a stream of JSON texts, one result per input', () => {
    expect(run(['-c', '.a'], '{"a":1}\n{"a":[2]}\n')).toEqual({
      stdout: '1\n[2]\n',
      stderr: '',
      exitCode: 0,
    });
  });
});

describe("jq's errors and exit statuses", () => {
  it.each([
    [
      'a syntax error is a compile error (3)',
      ['.status['],
      'jq: error: syntax error, unexpected end of file (Unix shell quoting issues?) at <top-level>, line 1:\n.status[\njq: 1 compile error\n',
      3,
    ],
    [
      'an unknown function is a compile error',
      ['.items | lenght'],
      'jq: error: lenght/0 is not defined at <top-level>, line 1:\n.items | lenght\njq: 1 compile error\n',
      3,
    ],
    [
      'an undefined variable is a compile error',
      ['$x'],
      'jq: error: $x is not defined at <top-level>, line 1:\n$x\njq: 1 compile error\n',
      3,
    ],
    [
      'indexing an array with a string is a runtime error (5)',
      ['.items.name'],
      `jq: error (at <stdin>:${END}): Cannot index array with "name"\n`,
      5,
    ],
    ['iterating over null', ['.nothing[]'], `jq: error (at <stdin>:${END}): Cannot iterate over null\n`, 5],
    [
      'keys of a number',
      ['.status.numberReady | keys'],
      `jq: error (at <stdin>:${END}): number (2) has no keys\n`,
      5,
    ],
    [
      'adding a string to a number',
      ['.status.numberReady + "x"'],
      `jq: error (at <stdin>:${END}): number (2) and string ("x") cannot be added\n`,
      5,
    ],
    [
      'an unknown option (2)',
      ['-z', '.'],
      'jq: Unknown option: -z\nUse jq --help for help with command-line options,\nor see the jq manpage, or online docs  at https://jqlang.github.io/jq\n',
      2,
    ],
    ['a file operand', ['.', 'ds.json'], 'jq: error: Could not open ds.json: No such file or directory\n', 2],
  ])('%s', (_name, args, stderr, exitCode) => {
    expect(run(args)).toEqual({ stdout: '', stderr, exitCode });
  });

  it.each([
    [
      'a table header is an invalid numeric literal',
      'NAME   READY\nfluentd 1/1\n',
      'jq: parse error: Invalid numeric literal at line 1, column 5\n',
    ],
    [
      'a word starting like null is an invalid literal',
      'node-1\n',
      'jq: parse error: Invalid literal at line 2, column 0\n',
    ],
  ])('non-JSON input: %s (2)', (_name, stdin, stderr) => {
    expect(run(['.'], stdin)).toEqual({ stdout: '', stderr, exitCode: 2 });
  });

  it('? and try suppress errors', () => {
    expect(run(['-c', '[.items[] | .metadata.name.x?], (try error("boom") catch .)'])).toEqual({
      stdout: '[]\n"boom"\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it.each([
    ['a true last output', '.status.numberReady == 2', 0],
    ['a false last output', '.status.numberReady == 3', 1],
    ['null', '.nothing', 1],
    ['no output', 'empty', 4],
  ])('-e sets the status from %s', (_name, program, exitCode) => {
    expect(run(['-e', program]).exitCode).toBe(exitCode);
  });
});
