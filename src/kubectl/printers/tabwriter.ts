// Column alignment exactly as Go's text/tabwriter does it, because kubectl's tables (minwidth 6,
// padding 3, staging/src/k8s.io/cli-runtime/pkg/printers/tabwriter.go) and describe output
// (padding 2, `tabbedString` in describe.go) are both tabwriter output. Matching the algorithm,
// not just "pad each column", is what makes multi-line describe blocks line up like the real thing:
// a column is only as wide as the run of consecutive lines that have a cell in it.

/** TabwriterOptions are the tabwriter.Writer.Init parameters that matter for space padding. */
export interface TabwriterOptions {
  minWidth: number;
  padding: number;
}

/** TABLE_OPTIONS are kubectl's table printer settings (printers.GetNewTabWriter). */
export const TABLE_OPTIONS: TabwriterOptions = { minWidth: 6, padding: 3 };

/** DESCRIBE_OPTIONS are kubectl describe's settings (`out.Init(buf, 0, 8, 2, ' ', 0)`). */
export const DESCRIBE_OPTIONS: TabwriterOptions = { minWidth: 0, padding: 2 };

// Width in terminal cells: Go counts runes (utf8.RuneCount), not UTF-16 units.
function runeWidth(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * tabwrite aligns tab-separated cells. Every line's cells except the last are tab-terminated; a
 * column block is a run of consecutive lines that have a terminated cell in that column, and its
 * width is the widest cell plus padding (at least minWidth). Text without a final newline is
 * treated as if it had one.
 */
export function tabwrite(text: string, opts: TabwriterOptions): string {
  const endsWithNewline = text.endsWith('\n');
  const lines = (endsWithNewline ? text.slice(0, -1) : text).split('\n').map((l) => l.split('\t'));
  const widths: number[] = [];
  const out: string[] = [];

  const writeLines = (from: number, to: number): void => {
    for (let i = from; i < to; i++) {
      const cells = lines[i] ?? [];
      let line = '';
      cells.forEach((cell, j) => {
        line += cell;
        const w = widths[j];
        if (j < cells.length - 1 && w !== undefined) line += ' '.repeat(Math.max(0, w - runeWidth(cell)));
      });
      out.push(line);
    }
  };

  const format = (line0: number, line1: number): void => {
    const column = widths.length;
    let start = line0;
    for (let i = line0; i < line1; i++) {
      if (column >= (lines[i]?.length ?? 0) - 1) continue;
      // A block of lines with a cell in this column starts here.
      writeLines(start, i);
      let width = opts.minWidth;
      let j = i;
      for (; j < line1; j++) {
        const cells = lines[j] ?? [];
        if (column >= cells.length - 1) break;
        width = Math.max(width, runeWidth(cells[column] ?? '') + opts.padding);
      }
      widths.push(width);
      format(i, j);
      widths.pop();
      start = j;
      i = j - 1;
    }
    writeLines(start, line1);
  };

  format(0, lines.length);
  return out.join('\n') + '\n';
}

/**
 * ColumnWidths remembers column widths across writes, like the RememberWidths flag of the
 * tabwriter fork kubectl uses: rows printed later by `get -w` line up with the header printed
 * first, and a wider cell widens its column from then on.
 */
export class ColumnWidths {
  private widths: number[] = [];

  constructor(private readonly opts: TabwriterOptions = TABLE_OPTIONS) {}

  /** render pads rows (arrays of cells) to the remembered widths, growing them as needed. */
  render(rows: readonly (readonly string[])[]): string {
    for (const row of rows) {
      row.forEach((cell, j) => {
        if (j === row.length - 1) return;
        const w = Math.max(this.opts.minWidth, runeWidth(cell) + this.opts.padding);
        this.widths[j] = Math.max(this.widths[j] ?? 0, w);
      });
    }
    return rows
      .map((row) =>
        row
          .map((cell, j) =>
            j === row.length - 1 ? cell : cell + ' '.repeat((this.widths[j] ?? 0) - runeWidth(cell)),
          )
          .join(''),
      )
      .join('\n')
      .concat(rows.length > 0 ? '\n' : '');
  }
}
