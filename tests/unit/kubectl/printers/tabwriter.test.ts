import { describe, expect, it } from 'vitest';
import {
  ColumnWidths,
  DESCRIBE_OPTIONS,
  TABLE_OPTIONS,
  tabwrite,
} from '../../../../src/kubectl/printers/tabwriter';

describe('tabwriter · aligned as Go text/tabwriter does', () => {
  it('pads table columns to the widest cell plus three spaces, leaving the last column bare', () => {
    expect(tabwrite('NAME\tREADY\tAGE\nfluentd-x7k2p\t1/1\t45s\n', TABLE_OPTIONS)).toBe(
      'NAME            READY   AGE\nfluentd-x7k2p   1/1     45s\n',
    );
  });

  it('keeps a narrow column at the minimum width of six', () => {
    expect(tabwrite('A\tB\n', TABLE_OPTIONS)).toBe('A     B\n');
  });

  it('aligns describe blocks separately, split by lines without tabs', () => {
    const text =
      'Name:\tfluentd\nNamespace:\tkube-system\nDesired Number of Nodes Scheduled: 3\nPods Status:\t3 Running\n';
    expect(tabwrite(text, DESCRIBE_OPTIONS)).toBe(
      'Name:       fluentd\nNamespace:  kube-system\nDesired Number of Nodes Scheduled: 3\nPods Status:  3 Running\n',
    );
  });

  it('gives a column only the lines that have a cell in it (nested blocks)', () => {
    const text = 'Labels:\ta=b\n\tc=d\nLimits:\n  memory:\t200Mi\n';
    expect(tabwrite(text, DESCRIBE_OPTIONS)).toBe('Labels:  a=b\n         c=d\nLimits:\n  memory:  200Mi\n');
  });

  it('remembers widths across writes, as `get -w` rows line up with the header', () => {
    const widths = new ColumnWidths();
    expect(
      widths.render([
        ['NAME', 'READY', 'AGE'],
        ['a', '0/1', '1s'],
      ]),
    ).toBe('NAME   READY   AGE\na      0/1     1s\n');
    expect(widths.render([['fluentd-abcde', '1/1', '9s']])).toBe('fluentd-abcde   1/1     9s\n');
  });
});
