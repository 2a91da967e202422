// The page layout: editor on the left, the node grid with the DaemonSet status and the console
// in the middle, the inspector and the events feed on the right.
import { EditorPane } from './editorPane/EditorPane';
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
          <EditorPane theme={theme} />
        </section>
        <section className="pane pane--center" aria-label="Cluster">
          <DaemonSetPanel />
          <GridPane />
          <Console />
        </section>
        <aside className="pane pane--side" aria-label="Details">
          <LessonPanel />
          <Inspector />
          <EventsPanel />
        </aside>
      </main>
      <Notices />
    </div>
  );
}
