// A scenario description is a little Markdown-like text: paragraphs split by blank lines, and
// command lines (kubectl …, sim …, $ …) shown as code. Pure, so it is tested without a browser.

export type Block = { kind: 'text'; text: string } | { kind: 'code'; text: string };

const COMMAND = /^(\$ |kubectl |sim )/;

/** describeBlocks splits a description into paragraphs and command blocks. */
export function describeBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  for (const para of text.split(/\n\s*\n/)) {
    let prose: string[] = [];
    const flush = () => {
      if (prose.length) blocks.push({ kind: 'text', text: prose.join(' ') });
      prose = [];
    };
    for (const raw of para.split('\n')) {
      const line = raw.trim();
      if (!line) continue;
      if (COMMAND.test(line)) {
        flush();
        blocks.push({ kind: 'code', text: line.replace(/^\$ /, '') });
      } else prose.push(line);
    }
    flush();
  }
  return blocks;
}
