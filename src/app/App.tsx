// The page layout. Wide: the editor on the left, the DaemonSet table, the node grid and the
// console in the middle, the lesson, the inspector and the events on the right; the editor, the
// inspector and the events fold away to give the grid room. Narrow (phones, tablets): one panel
// at a time behind tabs, the grid first. Presenter mode hides the editor; an embed shows only
// the panels its URL asks for, under a slim bar of its own.
import { Suspense, lazy, useState } from 'react';
import type { CSSProperties } from 'react';
import { EditorPane } from './editorPane/EditorPane';
import { EMBED, PANEL_IDS } from './embed';
import type { PanelId } from './embed';
import { ErrorBoundary } from './ErrorBoundary';
import { GridPane } from './grid/GridPane';
import { Console } from './console/Console';
import { Inspector } from './inspector/Inspector';
import { EmbedBar } from './layout/EmbedBar';
import { PanelTabs } from './layout/PanelTabs';
import { SkipLinks } from './layout/SkipLinks';
import { Slot } from './layout/Slot';
import { ALL_OPEN } from './layout/panelPrefs';
import { useCollapsed, useNarrow } from './layout/useLayout';
import { DaemonSetPanel } from './panels/DaemonSetPanel';
import { EventsPanel } from './panels/EventsPanel';
import { Notices } from './panels/Notices';
import { useAppStore } from './store';
import { Scrubber } from './timeline/Scrubber';
import { TimeControls } from './timeline/TimeControls';
import { TopBar } from './TopBar';
import { useTheme } from './useTheme';

// A lesson's panel is a chunk of its own, fetched when a lesson is loaded: the default scenario has
// none, and its first paint does not wait for one.
const LessonPanel = lazy(() => import('./lessons/LessonPanel').then((m) => ({ default: m.LessonPanel })));

function LessonSlotBody() {
  const lesson = useAppStore((s) => s.scenario?.lesson !== undefined);
  return lesson ? (
    <Suspense fallback={null}>
      <LessonPanel />
    </Suspense>
  ) : null;
}

type ColumnState = 'open' | 'collapsed' | 'none';

// The workspace's columns; the widths are CSS variables (layout.css), so the 1,600 px step and
// presenter mode can change them.
function columns(editor: ColumnState, side: ColumnState): CSSProperties {
  const width = (state: ColumnState, open: string) =>
    state === 'none' ? [] : [state === 'open' ? open : 'var(--col-rail)'];
  return {
    gridTemplateColumns: [
      ...width(editor, 'var(--col-editor)'),
      'minmax(0, 1fr)',
      ...width(side, 'var(--col-side)'),
    ].join(' '),
  };
}

export function App() {
  const [theme, toggleTheme] = useTheme();
  const narrow = useNarrow();
  const [saved, toggle] = useCollapsed();
  const [tab, setTab] = useState<PanelId>('grid');
  const lesson = useAppStore((s) => (s.scenario?.lesson?.tasks.length ?? 0) > 0);
  const presenter = useAppStore((s) => s.presenter);

  const panels = (EMBED?.panels ?? PANEL_IDS).filter((p) => !(presenter && p === 'editor'));
  const has = (p: PanelId) => panels.includes(p);
  // Tabs show one whole panel at a time: nothing is folded there.
  const folded = narrow ? ALL_OPEN : saved;
  const active: PanelId = has(tab) ? tab : (panels[0] ?? 'grid');
  const visible = (p: PanelId) => !narrow || p === active;

  const editor: ColumnState = !has('editor') ? 'none' : folded.editor ? 'collapsed' : 'open';
  const sideOpen = (has('story') && (lesson || !folded.inspector)) || (has('events') && !folded.events);
  const side: ColumnState = !has('story') && !has('events') ? 'none' : sideOpen ? 'open' : 'collapsed';
  const center = has('grid') || has('console');

  return (
    <div className={`app${EMBED ? ' app--embed' : ''}${narrow ? ' app--narrow' : ''}`}>
      <SkipLinks panels={panels} onShow={setTab} />
      {EMBED ? (
        <EmbedBar />
      ) : (
        <>
          <TopBar theme={theme} onToggleTheme={toggleTheme}>
            <TimeControls />
          </TopBar>
          <Scrubber />
        </>
      )}
      {narrow && panels.length > 1 && (
        <PanelTabs panels={panels} active={active} onSelect={setTab} lesson={lesson} />
      )}
      <main
        className={`workspace${narrow ? ' workspace--tabs' : ''}`}
        data-active={narrow ? active : undefined}
        data-editor={editor}
        data-side={side}
        style={narrow ? undefined : columns(editor, side)}
      >
        {editor !== 'none' && (
          <section className="pane pane--editor" aria-label="Scenario editor">
            <Slot
              name="editor"
              tab="editor"
              visible={visible('editor')}
              fold={
                narrow
                  ? undefined
                  : { collapsed: folded.editor, label: 'editor', onToggle: () => toggle('editor') }
              }
            >
              <ErrorBoundary label="editor">
                <EditorPane theme={theme} />
              </ErrorBoundary>
            </Slot>
          </section>
        )}
        {center && (
          <section className="pane pane--center" aria-label="Cluster">
            {has('grid') && (
              <>
                <Slot name="ds" tab="grid" visible={visible('grid')}>
                  <ErrorBoundary label="DaemonSet">
                    <DaemonSetPanel />
                  </ErrorBoundary>
                </Slot>
                <Slot name="grid" tab="grid" visible={visible('grid')}>
                  <ErrorBoundary label="node grid">
                    <GridPane />
                  </ErrorBoundary>
                </Slot>
              </>
            )}
            {has('console') && (
              <Slot name="console" tab="console" visible={visible('console')}>
                <ErrorBoundary label="console">
                  <Console />
                </ErrorBoundary>
              </Slot>
            )}
          </section>
        )}
        {side !== 'none' && (
          <aside className="pane pane--side" aria-label="Details">
            {has('story') && (
              <>
                <Slot name="lesson" tab="story" visible={visible('story')}>
                  <ErrorBoundary label="lesson">
                    <LessonSlotBody />
                  </ErrorBoundary>
                </Slot>
                <Slot
                  name="inspector"
                  tab="story"
                  id="inspector-slot"
                  visible={visible('story')}
                  fold={
                    narrow
                      ? undefined
                      : {
                          collapsed: folded.inspector,
                          label: 'inspector',
                          onToggle: () => toggle('inspector'),
                        }
                  }
                >
                  <ErrorBoundary label="inspector">
                    <Inspector />
                  </ErrorBoundary>
                </Slot>
              </>
            )}
            {has('events') && (
              <Slot
                name="events"
                tab="events"
                visible={visible('events')}
                fold={
                  narrow
                    ? undefined
                    : { collapsed: folded.events, label: 'events', onToggle: () => toggle('events') }
                }
              >
                <ErrorBoundary label="events">
                  <EventsPanel />
                </ErrorBoundary>
              </Slot>
            )}
          </aside>
        )}
      </main>
      <Notices />
    </div>
  );
}
