import { describe, expect, it } from 'vitest';
import { grep } from '../../../../src/kubectl/shell/grep';
import { filter, lines } from './helpers';

const PODS = lines(
  'NAME            READY   STATUS             NODE',
  'fluentd-abc12   1/1     Running            node-1',
  'fluentd-def34   0/1     Evicted            node-2',
  'web-1           1/1     Running            node-2',
  'fluentd-ghi56   0/1     CrashLoopBackOff   node-3',
  'Fluentd-upper   1/1     Running            node-4',
);

const TEN = lines('a1', 'b2', 'MATCH3', 'c4', 'd5', 'e6', 'MATCH7', 'f8', 'g9', 'MATCH10');

describe('grep (GNU grep 3): selected lines and exit status', () => {
  it.each([
    [
      'a pattern selects the lines containing it',
      ['Evicted'],
      lines('fluentd-def34   0/1     Evicted            node-2'),
      0,
    ],
    ['no match prints nothing and exits 1', ['Pending'], '', 1],
    [
      '-v selects the lines that do not match',
      ['-v', 'fluentd'],
      lines(
        'NAME            READY   STATUS             NODE',
        'web-1           1/1     Running            node-2',
        'Fluentd-upper   1/1     Running            node-4',
      ),
      0,
    ],
    ['-i ignores case', ['-i', '^fluentd-u'], lines('Fluentd-upper   1/1     Running            node-4'), 0],
    [
      'combined short flags: -iv',
      ['-iv', 'fluentd'],
      lines(
        'NAME            READY   STATUS             NODE',
        'web-1           1/1     Running            node-2',
      ),
      0,
    ],
    ['-c counts selected lines', ['-c', 'Running'], '3\n', 0],
    ['-c prints 0 and exits 1 when none is selected', ['-c', 'Pending'], '0\n', 1],
    [
      '-n numbers lines with a colon',
      ['-n', 'web'],
      lines('4:web-1           1/1     Running            node-2'),
      0,
    ],
    ['-w matches whole words only', ['-w', 'fluentd-ab'], '', 1],
    ['-w: a dash is not a word character', ['-cw', 'node'], '5\n', 0],
    [
      '-w finds a later whole-word occurrence',
      ['-w', 'node-2'],
      lines(
        'fluentd-def34   0/1     Evicted            node-2',
        'web-1           1/1     Running            node-2',
      ),
      0,
    ],
    ['-x matches whole lines only', ['-x', 'web-1'], '', 1],
    ['basic regex: + is literal', ['1+'], '', 1],
    [
      'basic regex: \\| is alternation (GNU)',
      ['Evicted\\|Crash'],
      lines(
        'fluentd-def34   0/1     Evicted            node-2',
        'fluentd-ghi56   0/1     CrashLoopBackOff   node-3',
      ),
      0,
    ],
    [
      '-E extended regex: | and +',
      ['-E', 'Evicted|Crash[a-zA-Z]+'],
      lines(
        'fluentd-def34   0/1     Evicted            node-2',
        'fluentd-ghi56   0/1     CrashLoopBackOff   node-3',
      ),
      0,
    ],
    ['bracket classes: [[:digit:]]', ['-c', 'web-[[:digit:]]'], '1\n', 0],
    [
      '-F takes the pattern literally',
      ['-F', '0/1     E'],
      lines('fluentd-def34   0/1     Evicted            node-2'),
      0,
    ],
    [
      '-o prints only the matches',
      ['-o', 'node-[0-9]'],
      lines('node-1', 'node-2', 'node-2', 'node-3', 'node-4'),
      0,
    ],
    [
      '-e gives the pattern, -- ends the options',
      ['-e', '-def34'],
      lines('fluentd-def34   0/1     Evicted            node-2'),
      0,
    ],
    [
      '-- before a pattern that starts with a dash',
      ['--', '-ghi'],
      lines('fluentd-ghi56   0/1     CrashLoopBackOff   node-3'),
      0,
    ],
    ['-q prints nothing, exit status only', ['-q', 'web'], '', 0],
    [
      '--color=auto is accepted',
      ['--color=auto', 'web'],
      lines('web-1           1/1     Running            node-2'),
      0,
    ],
  ])('%s', (_name, args, stdout, exitCode) => {
    const out = filter(grep, args, PODS);
    expect(out).toEqual({ stdout, stderr: '', exitCode });
  });
});

describe('grep context lines and the -- group separator, as GNU grep prints them', () => {
  it.each([
    [
      '-A 1 prints one line after each match',
      ['-A', '1', 'MATCH'],
      lines('MATCH3', 'c4', '--', 'MATCH7', 'f8', '--', 'MATCH10'),
    ],
    ['-A1 (value attached)', ['-A1', 'MATCH'], lines('MATCH3', 'c4', '--', 'MATCH7', 'f8', '--', 'MATCH10')],
    [
      '-B 1 prints one line before',
      ['-B', '1', 'MATCH'],
      lines('b2', 'MATCH3', '--', 'e6', 'MATCH7', '--', 'g9', 'MATCH10'),
    ],
    [
      '-C 2 joins groups that touch',
      ['-C', '2', 'MATCH'],
      lines('a1', 'b2', 'MATCH3', 'c4', 'd5', 'e6', 'MATCH7', 'f8', 'g9', 'MATCH10'),
    ],
    ['-1 is -C 1', ['-1', 'MATCH7'], lines('e6', 'MATCH7', 'f8')],
    ['-n marks context lines with a dash', ['-n', '-A', '1', 'MATCH7'], lines('7:MATCH7', '8-f8')],
    ['-A 5 past the end stops at the last line', ['-A', '5', 'MATCH10'], lines('MATCH10')],
    ['-c ignores context', ['-c', '-A', '3', 'MATCH'], '3\n'],
  ])('%s', (_name, args, stdout) => {
    expect(filter(grep, args, TEN).stdout).toBe(stdout);
  });
});

describe('grep errors, with status 2', () => {
  it.each([
    [
      'no pattern',
      [],
      "Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
    ],
    [
      'an unknown option',
      ['-z', 'x'],
      "grep: invalid option -- 'z'\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n",
    ],
    [
      'a file operand: the playground has no files',
      ['x', 'pods.txt'],
      'grep: pods.txt: No such file or directory\n',
    ],
    ['an unmatched [', ['[abc'], 'grep: Unmatched [, [^, [:, [., or [=\n'],
    ['an unmatched \\( in a basic regex', ['\\(a'], 'grep: Unmatched ( or \\(\n'],
    ['a bad context length', ['-A', 'x', 'a'], 'grep: x: invalid context length argument\n'],
  ])('%s', (_name, args, stderr) => {
    expect(filter(grep, args, TEN)).toEqual({ stdout: '', stderr, exitCode: 2 });
  });
});
