// The kubectl console: what was typed and printed, the command history, and whether a
// `-w` watch is streaming.
import type { SliceCreator } from './types';

export interface ConsoleLine {
  id: number;
  kind: 'input' | 'stdout' | 'stderr' | 'info' | 'watch';
  text: string;
  /** Where an input came from: typed, built by a click in the grid, or run by a scenario step. */
  source?: 'console' | 'grid' | 'scenario';
}

export interface ConsoleSlice {
  lines: ConsoleLine[];
  lineSeq: number;
  history: string[];
  watching: boolean;
  appendConsole(lines: readonly Omit<ConsoleLine, 'id'>[]): void;
  clearConsole(): void;
  pushHistory(line: string): void;
  setWatching(watching: boolean): void;
}

/** MAX_CONSOLE_LINES keeps a long watch from growing the page without bound. */
export const MAX_CONSOLE_LINES = 1000;
const MAX_HISTORY = 200;

export const createConsoleSlice: SliceCreator<ConsoleSlice> = (set) => ({
  lines: [],
  lineSeq: 0,
  history: [],
  watching: false,
  appendConsole: (added) =>
    set((s) => {
      const numbered = added.filter((l) => l.text !== '').map((l, i) => ({ ...l, id: s.lineSeq + i + 1 }));
      if (numbered.length === 0) return {};
      const lines = [...s.lines, ...numbered];
      return {
        lines: lines.length > MAX_CONSOLE_LINES ? lines.slice(lines.length - MAX_CONSOLE_LINES) : lines,
        lineSeq: s.lineSeq + numbered.length,
      };
    }),
  clearConsole: () => set({ lines: [] }),
  pushHistory: (line) =>
    set((s) => {
      // Like a shell with ignoredups: repeating the last command does not add it again.
      if (!line.trim() || s.history.at(-1) === line) return {};
      return { history: [...s.history, line].slice(-MAX_HISTORY) };
    }),
  setWatching: (watching) => set({ watching }),
});
