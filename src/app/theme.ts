// Light and dark themes: the system preference until the user picks one with the toggle, which
// is remembered. The theme is a data attribute on <html>; the CSS variables do the rest.
import { EMBED } from './embed';

export type Theme = 'light' | 'dark';

const KEY = 'daemonset-playground.theme';

function stored(): Theme | null {
  // An embed takes its look from its URL (or the system), never from the visitor's storage.
  if (EMBED) return EMBED.theme ?? null;
  try {
    const value = localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : null;
  } catch {
    // Storage can be blocked (private mode, sandboxed frames); the system preference still works.
    return null;
  }
}

/** initialTheme is the remembered choice, else the system's colour scheme. */
export function initialTheme(): Theme {
  return stored() ?? (matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light');
}

/** applyTheme sets the theme on the document. */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
  document.documentElement.style.colorScheme = theme;
}

/** saveTheme remembers an explicit choice. */
export function saveTheme(theme: Theme): void {
  if (EMBED) return;
  try {
    localStorage.setItem(KEY, theme);
  } catch {
    // Not remembered; the toggle still works for this visit.
  }
}
