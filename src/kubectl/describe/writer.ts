// kubectl describe's PrefixWriter: two spaces per level, cells separated by tabs, and the whole
// text aligned by the tabwriter at the end (describe.go tabbedString).
import { DESCRIBE_OPTIONS, tabwrite } from '../printers/tabwriter';

/** PrefixWriter collects describe output; `text()` returns it aligned. */
export class PrefixWriter {
  private buf = '';

  /** write appends text at an indentation level (each level is two spaces). */
  write(level: number, text: string): void {
    this.buf += '  '.repeat(level) + text;
  }

  /** line appends text and a newline with no indentation (WriteLine). */
  line(text: string): void {
    this.buf += text + '\n';
  }

  /** text is the aligned result. */
  text(): string {
    return this.buf === '' ? '' : tabwrite(this.buf, DESCRIBE_OPTIONS);
  }
}
