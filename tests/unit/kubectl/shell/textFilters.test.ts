import { describe, expect, it } from 'vitest';
import { cut } from '../../../../src/kubectl/shell/cut';
import { head, tail } from '../../../../src/kubectl/shell/headTail';
import type { Program } from '../../../../src/kubectl/shell/program';
import { sort } from '../../../../src/kubectl/shell/sort';
import { uniq } from '../../../../src/kubectl/shell/uniq';
import { wc } from '../../../../src/kubectl/shell/wc';
import { filter, lines } from './helpers';

const NUMBERS = lines('1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12');
const NODES = lines('node-3 zone-b 10', 'node-1 zone-a 2', 'node-2 zone-b 2', 'node-10 zone-a 100');

describe.each<[string, Program, [string, string[], string, string][]]>([
  [
    'head (GNU coreutils)',
    head,
    [
      [
        'prints the first 10 lines by default',
        [],
        NUMBERS,
        lines('1', '2', '3', '4', '5', '6', '7', '8', '9', '10'),
      ],
      ['-n 3', ['-n', '3'], NUMBERS, lines('1', '2', '3')],
      ['-3 is -n 3', ['-3'], NUMBERS, lines('1', '2', '3')],
      ['-n -10 prints all but the last 10', ['-n', '-10'], NUMBERS, lines('1', '2')],
      ['-c 3 prints bytes', ['-c', '3'], NUMBERS, '1\n2'],
      ['a last line without a newline stays so', ['-n', '5'], 'a\nb', 'a\nb'],
    ],
  ],
  [
    'tail (GNU coreutils)',
    tail,
    [
      [
        'prints the last 10 lines by default',
        [],
        NUMBERS,
        lines('3', '4', '5', '6', '7', '8', '9', '10', '11', '12'),
      ],
      ['-n 2', ['-n', '2'], NUMBERS, lines('11', '12')],
      ['-1 is -n 1', ['-1'], NUMBERS, lines('12')],
      ['-n +11 prints from line 11 on', ['-n', '+11'], NUMBERS, lines('11', '12')],
      ['-n +2 drops a header line', ['-n', '+2'], lines('NAME', 'a', 'b'), lines('a', 'b')],
      ['-n 0 prints nothing', ['-n', '0'], NUMBERS, ''],
    ],
  ],
  [
    'wc (GNU coreutils, standard input)',
    wc,
    [
      ['-l counts newlines', ['-l'], NUMBERS, '12\n'],
      ['-l of empty input is 0', ['-l'], '', '0\n'],
      ['-w counts words', ['-w'], NODES, '12\n'],
      ['-c counts bytes (UTF-8)', ['-c'], 'é\n', '3\n'],
      ['no option: lines, words, bytes in 7 columns', [], 'hello world\n', '      1       2      12\n'],
      ['-lw: two columns', ['-lw'], 'hello world\n', '      1       2\n'],
    ],
  ],
  [
    'sort (GNU coreutils, LC_ALL=C)',
    sort,
    [
      ['byte order by default', [], lines('b', 'B', 'a', '10', '9'), lines('10', '9', 'B', 'a', 'b')],
      ['-r reverses', ['-r'], lines('a', 'c', 'b'), lines('c', 'b', 'a')],
      ['-n compares leading numbers', ['-n'], lines('10', '9', '100', 'x'), lines('x', '9', '10', '100')],
      [
        '-k 3 -n sorts by the third field',
        ['-k', '3', '-n'],
        NODES,
        lines('node-1 zone-a 2', 'node-2 zone-b 2', 'node-3 zone-b 10', 'node-10 zone-a 100'),
      ],
      [
        '-k2,2 with ties broken by the whole line',
        ['-k2,2'],
        NODES,
        lines('node-1 zone-a 2', 'node-10 zone-a 100', 'node-2 zone-b 2', 'node-3 zone-b 10'),
      ],
      ['-u keeps one line per key', ['-u', '-k2,2'], NODES, lines('node-1 zone-a 2', 'node-3 zone-b 10')],
      ['-u on whole lines', ['-u'], lines('b', 'a', 'b'), lines('a', 'b')],
      ['-t, -k2 with a separator', ['-t', ',', '-k2'], lines('x,b', 'y,a'), lines('y,a', 'x,b')],
      ['-rn together', ['-rn'], lines('2', '10', '1'), lines('10', '2', '1')],
    ],
  ],
  [
    'uniq (GNU coreutils)',
    uniq,
    [
      ['collapses adjacent equal lines', [], lines('a', 'a', 'b', 'a'), lines('a', 'b', 'a')],
      ['-c prefixes the count in 7 columns', ['-c'], lines('a', 'a', 'b'), lines('      2 a', '      1 b')],
      ['-d keeps repeated lines', ['-d'], lines('a', 'a', 'b'), lines('a')],
      ['-u keeps unrepeated lines', ['-u'], lines('a', 'a', 'b'), lines('b')],
    ],
  ],
  [
    'cut (GNU coreutils)',
    cut,
    [
      ['-d " " -f1', ['-d', ' ', '-f1'], NODES, lines('node-3', 'node-1', 'node-2', 'node-10')],
      [
        '-f 1,3 keeps the delimiter between',
        ['-d', ' ', '-f', '1,3'],
        NODES,
        lines('node-3 10', 'node-1 2', 'node-2 2', 'node-10 100'),
      ],
      ['-f2- to the end', ['-d', ' ', '-f2-'], lines('a b c'), lines('b c')],
      [
        'a line without the delimiter is printed whole',
        ['-d', ',', '-f2'],
        lines('a,b', 'plain'),
        lines('b', 'plain'),
      ],
      ['-s drops lines without the delimiter', ['-s', '-d', ',', '-f2'], lines('a,b', 'plain'), lines('b')],
      ['-c 1-3 characters', ['-c', '1-3'], lines('node-1'), lines('nod')],
      ['TAB is the default delimiter', ['-f2'], lines('a\tb'), lines('b')],
    ],
  ],
])('%s', (_tool, program, rows) => {
  it.each(rows)('%s', (_name, args, stdin, stdout) => {
    expect(filter(program, args, stdin)).toEqual({ stdout, stderr: '', exitCode: 0 });
  });
});

describe('the text filters answer a bad option or a file in GNU words', () => {
  it.each<[Program, string[], string, number]>([
    [head, ['-n', 'x'], "head: invalid number of lines: 'x'\n", 1],
    [tail, ['-z'], "tail: invalid option -- 'z'\nTry 'tail --help' for more information.\n", 1],
    [wc, ['pods.txt'], 'wc: pods.txt: No such file or directory\n', 1],
    [sort, ['-k', '0'], "sort: invalid number at field start: invalid count at start of '0'\n", 2],
    [uniq, ['--bogus'], "uniq: unrecognized option '--bogus'\nTry 'uniq --help' for more information.\n", 1],
    [
      cut,
      [],
      "cut: you must specify a list of bytes, characters, or fields\nTry 'cut --help' for more information.\n",
      1,
    ],
  ])('%#: %j', (program, args, stderr, exitCode) => {
    expect(filter(program, args, 'a\n')).toEqual({ stdout: '', stderr, exitCode });
  });
});
