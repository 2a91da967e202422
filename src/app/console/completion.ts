// Turning the kubectl layer's completions into a new input line. Completions may be whole lines
// or the next word; either way the shared prefix is filled in and the choices are listed.

/** commonPrefix is the longest prefix all strings share. */
export function commonPrefix(items: readonly string[]): string {
  if (items.length === 0) return '';
  let prefix = items[0] ?? '';
  for (const item of items) {
    while (!item.startsWith(prefix)) prefix = prefix.slice(0, -1);
  }
  return prefix;
}

/**
 * completeInput returns the line after completing `line` with `candidates`, and the choices to
 * show when there is more than one. A candidate that starts with the whole line is a full line;
 * otherwise it replaces the word being typed.
 */
export function completeInput(
  line: string,
  candidates: readonly string[],
): { line: string; choices: string[] } {
  if (candidates.length === 0) return { line, choices: [] };
  const wordStart = line.search(/\S*$/);
  const head = line.slice(0, wordStart);
  const full = candidates.map((c) => (c.startsWith(line) && line !== '' ? c : head + c));
  const prefix = commonPrefix(full);
  const unique = full.length === 1 ? (full[0] ?? line) : null;
  if (unique !== null) return { line: unique.endsWith(' ') ? unique : `${unique} `, choices: [] };
  return { line: prefix.length > line.length ? prefix : line, choices: candidates.slice(0, 50) };
}
