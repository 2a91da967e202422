// Shell-like history navigation for the console input: ↑ goes back, ↓ forward, and the line
// being typed is kept as a draft to come back to.

export interface HistoryCursor {
  /** Index into the history while browsing; null while editing the draft. */
  index: number | null;
  draft: string;
}

export const NO_CURSOR: HistoryCursor = { index: null, draft: '' };

/**
 * moveInHistory returns the next cursor and the text to show after ↑ (`-1`) or ↓ (`+1`);
 * `current` is the input's text, kept as the draft when browsing starts.
 */
export function moveInHistory(
  history: readonly string[],
  cursor: HistoryCursor,
  current: string,
  dir: -1 | 1,
): { cursor: HistoryCursor; text: string } {
  if (history.length === 0) return { cursor, text: current };
  if (cursor.index === null) {
    if (dir === 1) return { cursor, text: current };
    const index = history.length - 1;
    return { cursor: { index, draft: current }, text: history[index] ?? '' };
  }
  const index = cursor.index + dir;
  if (index < 0) return { cursor, text: history[cursor.index] ?? '' };
  if (index >= history.length) return { cursor: { index: null, draft: '' }, text: cursor.draft };
  return { cursor: { index, draft: cursor.draft }, text: history[index] ?? '' };
}
