// The embed's slim top bar: the scenario's title, the time controls and the way out to the full
// playground. The link starts as the address the embed was opened with (without the embed
// flags) and, when followed, carries the run as it is by then, like a share link.
import type { MouseEvent } from 'react';
import { encodeLinkNow, preloadLinks } from '../share/links';
import { EMBED, postReady } from '../embed';
import { appStore, useAppStore } from '../store';
import { currentRun } from '../store/runSlice';
import { appServices } from '../store/services';
import { TID } from '../testIds';
import { TimeControls } from '../timeline/TimeControls';

let initialHref = '';

/** setInitialPlaygroundHref records the full page's address before the start-up link is consumed. */
export function setInitialPlaygroundHref(href: string): void {
  initialHref = href;
}

/**
 * announceReady posts the ready message to the embedding page once the cluster is drawn: the
 * mirror holds the run's objects, and two frames have passed for the grid to paint them.
 */
export function announceReady(): void {
  const send = () => {
    const s = appStore.getState();
    const nodes = Object.values(appServices.mirror.objects).filter((o) => o.kind === 'Node').length;
    postReady(window.parent, { scenario: s.scenario?.name ?? '', nodes });
  };
  const whenLoaded = () => {
    requestAnimationFrame(() => requestAnimationFrame(send));
  };
  if (appStore.getState().loaded) return whenLoaded();
  const stop = appStore.subscribe((s) => {
    if (!s.loaded) return;
    stop();
    whenLoaded();
  });
}

// The run as it is now, as a link (the address it was opened with until a run exists and the
// codec is in).
function currentHref(): string {
  const run = currentRun(appStore.getState());
  const fragment = run && encodeLinkNow(run);
  if (!fragment) return initialHref;
  const url = new URL(initialHref);
  url.hash = '';
  return url.toString() + fragment;
}

export function EmbedBar() {
  const title = useAppStore((s) => s.scenario?.title ?? '');
  // Refreshed as the pointer or the keyboard reaches the link, so it opens the run as it is then.
  const refresh = (e: MouseEvent<HTMLAnchorElement> | { currentTarget: HTMLAnchorElement }) => {
    const anchor = e.currentTarget;
    anchor.href = currentHref();
    // Reached before the codec is in (it comes once the grid shows): updated as soon as it is.
    void preloadLinks().then(() => (anchor.href = currentHref()));
  };
  if (!EMBED) return null;
  return (
    <header className="embed-bar">
      <span className="embed-bar__title" title={title}>
        {title}
      </span>
      <TimeControls />
      <a
        className="button button--small embed-bar__open"
        data-testid={TID.openInPlayground}
        href={initialHref}
        target="_blank"
        rel="noopener"
        onPointerDown={refresh}
        onFocus={refresh}
        onClick={refresh}
      >
        Open in the playground ↗
      </a>
    </header>
  );
}
