// The page layout: editor on the left, the node grid with the DaemonSet status and the console
// in the middle, the inspector and the events feed on the right.
import { EditorPane } from './editorPane/EditorPane';
import { ErrorBoundary } from './ErrorBoundary';
import { GridPane } from './grid/GridPane';
import { Console } from './console/Console';
import { Inspector } from './inspector/Inspector';
import { LessonPanel } from './lessons/LessonPanel';
import { DaemonSetPanel } from './panels/DaemonSetPanel';
import { EventsPanel } from './panels/EventsPanel';
import { Notices } from './panels/Notices';
import { Scrubber } from './timeline/Scrubber';
import { TimeControls } from './timeline/TimeControls';
import { TopBar } from './TopBar';
import { useTheme } from './useTheme';

export function App() {
  const [theme, toggleTheme] = useTheme();
  return (
    <div className="app">
      <TopBar theme={theme} onToggleTheme={toggleTheme}>
        <TimeControls />
      </TopBar>
      <Scrubber />
      <main className="workspace">
        <section className="pane pane--editor" aria-label="Scenario editor">
          <ErrorBoundary label="editor">
            <EditorPane theme={theme} />
          </ErrorBoundary>
        </section>
        <section className="pane pane--center" aria-label="Cluster">
          <ErrorBoundary label="DaemonSet">
            <DaemonSetPanel />
          </ErrorBoundary>
          <ErrorBoundary label="node grid">
            <GridPane />
          </ErrorBoundary>
          <ErrorBoundary label="console">
            <Console />
          </ErrorBoundary>
        </section>
        <aside className="pane pane--side" aria-label="Details">
          <ErrorBoundary label="lesson">
            <LessonPanel />
          </ErrorBoundary>
          <ErrorBoundary label="inspector">
            <Inspector />
          </ErrorBoundary>
          <ErrorBoundary label="events">
            <EventsPanel />
          </ErrorBoundary>
        </aside>
      </main>
      <Notices />
    </div>
  );
}
