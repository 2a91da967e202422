import { describe, expect, it } from 'vitest';
import { awk } from '../../../../src/kubectl/shell/awk';
import { filter, lines } from './helpers';

const PODS = lines(
  'NAME            READY   STATUS    RESTARTS   NODE',
  'fluentd-abc12   1/1     Running   0          node-1',
  'fluentd-def34   0/1     Evicted   2          node-2',
  'web-1           1/1     Running   10         node-2',
);

describe('awk (gawk) one-liners on kubectl tables', () => {
  it.each([
    ['{print $1}', ['{print $1}'], lines('NAME', 'fluentd-abc12', 'fluentd-def34', 'web-1')],
    ['NR>1 skips the header', ['NR>1 {print $1}'], lines('fluentd-abc12', 'fluentd-def34', 'web-1')],
    ['$NF is the last field', ['NR>1 {print $NF}'], lines('node-1', 'node-2', 'node-2')],
    ['$(NF-1) counts back from it', ['NR==2 {print $(NF-1)}'], lines('0')],
    [
      'commas print OFS (a space) between',
      ['NR>1 {print $1, $3}'],
      lines('fluentd-abc12 Running', 'fluentd-def34 Evicted', 'web-1 Running'),
    ],
    ['juxtaposition concatenates', ['NR==3 {print $1 ":" $5}'], lines('fluentd-def34:node-2')],
    [
      'a /regex/ pattern alone prints the line',
      ['/Evicted/'],
      lines('fluentd-def34   0/1     Evicted   2          node-2'),
    ],
    ['a regex pattern with an action', ['/Evicted/ {print $1}'], lines('fluentd-def34')],
    ['$3 == "Running" compares strings', ['$3 == "Running" {print $1}'], lines('fluentd-abc12', 'web-1')],
    [
      'numeric fields compare as numbers (10 > 2)',
      ['NR>1 && $4 > 1 {print $1}'],
      lines('fluentd-def34', 'web-1'),
    ],
    ['~ and !~ match a field', ['$1 ~ /^fluentd/ && $3 !~ /Run/ {print $1}'], lines('fluentd-def34')],
    ['END sees NR', ['END {print NR}'], lines('4')],
    [
      'BEGIN runs before the input',
      ['BEGIN {print "pods:"} NR>1 {print $1}'],
      lines('pods:', 'fluentd-abc12', 'fluentd-def34', 'web-1'),
    ],
    [
      'print alone prints $0',
      ['NR==4 {print}'],
      lines('web-1           1/1     Running   10         node-2'),
    ],
    ['arithmetic', ['NR>1 {print $4 * 2 + 1}'], lines('1', '5', '21')],
    [
      'printf',
      ['NR>1 {printf "%-14s|%3d\\n", $1, $4}'],
      lines('fluentd-abc12 |  0', 'fluentd-def34 |  2', 'web-1         | 10'),
    ],
    [
      '-F sets the field separator',
      ['-F', '/', 'NR>1 {print $2}'],
      lines(
        '1     Running   0          node-1',
        '1     Evicted   2          node-2',
        '1     Running   10         node-2',
      ),
    ],
    ['-F: (attached)', ['-F:', '{print $2}'], lines('', '', '', '')],
    ['length() and toupper()', ['NR==4 {print toupper($1), length($1)}'], lines('WEB-1 5')],
    [
      'next skips the rest of the rules',
      ['NR==1 {next} {print $1}'],
      lines('fluentd-abc12', 'fluentd-def34', 'web-1'),
    ],
  ])('%s', (_name, args, stdout) => {
    expect(filter(awk, args, PODS)).toEqual({ stdout, stderr: '', exitCode: 0 });
  });

  it("a program outside the subset is gawk's syntax error, with a caret", () => {
    expect(filter(awk, ['{print $1'], PODS)).toEqual({
      stdout: '',
      stderr: 'awk: cmd. line:1: {print $1\nawk: cmd. line:1:          ^ syntax error\n',
      exitCode: 1,
    });
  });

  it('print redirection to a file is refused as a syntax error, never written', () => {
    expect(filter(awk, ['{print $1 > "names.txt"}'], PODS).exitCode).toBe(1);
  });

  it('a file operand cannot be opened', () => {
    expect(filter(awk, ['{print}', 'pods.txt'], PODS)).toEqual({
      stdout: '',
      stderr: "awk: fatal: cannot open file `pods.txt' for reading: No such file or directory\n",
      exitCode: 2,
    });
  });
});
