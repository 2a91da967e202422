// Which code snippets in the page's texts are console commands: one line that the console runs
// (`kubectl …`, a pipeline of it, or a playground `sim …` action), with a leading `$ ` dropped.

/** snippetCommand returns the command a snippet holds, or undefined when it is not one. */
export function snippetCommand(text: string): string | undefined {
  const line = text.trim().replace(/^\$\s+/, '');
  if (line.includes('\n')) return undefined;
  return /^(kubectl|sim)\s+\S/.test(line) ? line : undefined;
}
