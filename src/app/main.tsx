// The page entry: styles, the engine worker, the default scenario, then React.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { DEFAULT_SCENARIO } from './defaultScenario';
import { loadScenario, startEngine } from './store/bridge';
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

applyTheme(initialTheme());
startEngine();
void loadScenario(DEFAULT_SCENARIO, { play: true });

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
