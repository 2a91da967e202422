// The page entry: styles, the engine worker, the run to open (a link, the saved run or the default), then React.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { EMBED, playgroundHref } from './embed';
import { announceReady, setInitialPlaygroundHref } from './layout/EmbedBar';
import { EngineHalted, ErrorBoundary, breakPanel } from './ErrorBoundary';
import { afterFirstPaint, atFirstPaint } from './firstPaint';
import { installPageHooks } from './share/pageHooks';
import { openInitialRun } from './share/runActions';
import { preloadLinks } from './share/links';
import { appServices } from './store/services';
import { applyTheme, initialTheme } from './theme';
import './styles/base.css';
import './styles/layout.css';
import './styles/editor.css';
import './styles/grid.css';
import './styles/overview.css';
import './styles/compare.css';
import './styles/podChips.css';
import './styles/nodeMenu.css';
import './styles/panels.css';
import './styles/inspector.css';
import './styles/dialog.css';
import './styles/console.css';
import './styles/share.css';
import './styles/responsive.css';
import './styles/presenter.css';

const { engine, installTestHooks, startEngine } = appServices.bridge;

applyTheme(initialTheme());
startEngine();
// `?test-hooks` only: Playwright crashes the worker or a panel on purpose.
installTestHooks(location.search, { breakPanel });
installPageHooks();
// kubectl's code waits in the engine worker until the grid is on screen; `kubectl explain`'s
// schemas wait for the first idle moment after that.
atFirstPaint(() => engine().painted());
afterFirstPaint(() => engine().loadSchemas());
// A share link in the URL wins over a gallery scenario named in it, then the run saved by the
// last visit, then the default. An embed's state comes from its URL only.
const embedded = EMBED !== null;
// Captured before the link is opened (which clears the fragment): an embed's way out to the full page.
setInitialPlaygroundHref(playgroundHref(location.href));
void openInitialRun(location.hash, { search: location.search, embedded }).then(() => {
  if (!embedded) return;
  announceReady();
  // The embed's way out builds its link as it is followed, with no time to wait for the codec
  // or the gallery's texts (a gallery scenario's link names it): they come once the grid shows.
  afterFirstPaint(() => void preloadLinks());
});

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <ErrorBoundary>
        <App />
        <EngineHalted />
      </ErrorBoundary>
    </StrictMode>,
  );
}
