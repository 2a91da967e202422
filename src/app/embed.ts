// Embed mode (`?embed=1`): the playground inside an iframe on a course page or a slide. It shows
// only the panels asked for, takes its state only from the URL (a share link's fragment or
// `?scenario=<gallery name>`), never touches localStorage, and tells its parent window when it is
// ready. The contract is documented in docs/embedding.md.

/** PanelId names the page's panels; the phone layout shows one at a time as tabs. */
export type PanelId = 'grid' | 'story' | 'console' | 'editor' | 'events';

/** PANEL_IDS in tab order: the grid first, as the thing to watch. */
export const PANEL_IDS: readonly PanelId[] = ['grid', 'story', 'console', 'editor', 'events'];

/** EMBED_DEFAULT_PANELS: what an embed shows when `panels` is missing or names nothing known. */
export const EMBED_DEFAULT_PANELS: readonly PanelId[] = ['grid', 'console', 'story'];

/** READY_MESSAGE_TYPE is the `type` of the message an embed posts to its parent once it shows the cluster. */
export const READY_MESSAGE_TYPE = 'daemonset-playground:ready';

export interface EmbedConfig {
  panels: readonly PanelId[];
  /** `&theme=dark|light` for a slide deck's colours; otherwise the system's. */
  theme?: 'light' | 'dark';
}

function isPanel(id: string): id is PanelId {
  return (PANEL_IDS as readonly string[]).includes(id);
}

/** parseEmbed reads the embed flags from a query string; null when the page is not embedded. */
export function parseEmbed(search: string): EmbedConfig | null {
  const params = new URLSearchParams(search);
  const flag = params.get('embed');
  if (flag === null || flag === '0' || flag === 'false') return null;
  const asked = (params.get('panels') ?? '')
    .split(',')
    .map((p) => p.trim().toLowerCase())
    .filter(isPanel);
  const panels = asked.length > 0 ? PANEL_IDS.filter((p) => asked.includes(p)) : EMBED_DEFAULT_PANELS;
  const theme = params.get('theme');
  return { panels, ...(theme === 'dark' || theme === 'light' ? { theme } : {}) };
}

/** EMBED is this page's embed configuration, read once at startup (null outside a browser). */
export const EMBED: EmbedConfig | null = typeof location === 'undefined' ? null : parseEmbed(location.search);

/**
 * playgroundHref is `href` without the embed flags: the same scenario or run in the full page.
 * The fragment (a share link) is kept.
 */
export function playgroundHref(href: string): string {
  const url = new URL(href);
  for (const key of ['embed', 'panels', 'theme']) url.searchParams.delete(key);
  return url.toString();
}

/** postReady tells the embedding page that the cluster is on screen (nothing when not in a frame). */
export function postReady(target: Window | null, detail: { scenario: string; nodes: number }): void {
  if (!target || target === window) return;
  // The message says nothing private (a title and a count), so any embedding origin may read it.
  target.postMessage({ type: READY_MESSAGE_TYPE, ...detail }, '*');
}
