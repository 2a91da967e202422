// The page-level wiring of sharing and hosting: a link pasted into the address bar of an open
// page (only the fragment changes, so nothing reloads), saving the run when the page is hidden
// or closed, and the offline service worker of production builds.
import { isRunFragment } from '../../share/fragment';
import { afterFirstPaint } from '../firstPaint';
import { runStorage } from '../store';
import { openLink } from './runActions';

/** installPageHooks wires the window's events; call once at startup. */
export function installPageHooks(): void {
  window.addEventListener('hashchange', () => {
    if (isRunFragment(location.hash)) void openLink(location.hash);
  });
  // The storage writes at most once a second; a reload or a closed tab must not lose the last change.
  window.addEventListener('pagehide', () => runStorage.flush());
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') runStorage.flush();
  });
  if (import.meta.env.PROD) registerServiceWorker();
}

/**
 * registerServiceWorker installs public/sw.js, scoped to the directory the page is served from
 * (the GitHub Pages sub-path), after the grid's first paint: the worker caches the whole build
 * (Monaco too) when it installs, which must not compete with what the first paint needs. The
 * window's load event is too early for that: it fires before the engine worker has answered.
 */
function registerServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  afterFirstPaint(() => {
    const scope = new URL('./', location.href);
    navigator.serviceWorker.register(new URL('sw.js', scope), { scope: scope.pathname }).catch(() => {
      // No service worker (private mode, an insecure origin): the page works, just not offline.
    });
  });
}
