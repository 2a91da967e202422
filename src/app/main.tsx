// The page entry: styles, the engine worker, the run to open (a link, the saved run or the default), then React.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { installPageHooks } from './share/pageHooks';
import { openInitialRun } from './share/runActions';
import { startEngine } from './store/bridge';
import { applyTheme, initialTheme } from './theme';
import './styles/base.css';
import './styles/layout.css';
import './styles/editor.css';
import './styles/grid.css';
import './styles/podChips.css';
import './styles/nodeMenu.css';
import './styles/panels.css';
import './styles/inspector.css';
import './styles/dialog.css';
import './styles/console.css';
import './styles/share.css';

applyTheme(initialTheme());
startEngine();
installPageHooks();
// A share link in the URL wins over the run saved by the last visit, which wins over the default.
void openInitialRun(location.hash);

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
