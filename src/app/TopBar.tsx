// The top bar: the product name, the scenario's title, the time controls, the run's actions
// (import, export, share, reset) and the theme toggle.
import type { ReactNode } from 'react';
import { GalleryButton } from './gallery/GalleryButton';
import { ImportExportButtons } from './importExport/ImportExportButtons';
import { confirmDiscardLesson } from './lessons/confirmDiscard';
import { resetAll } from './share/runActions';
import { SharePanel } from './share/SharePanel';
import { PresenterToggle } from './lessons/PresenterToggle';
import { useAppStore } from './store';
import type { Theme } from './theme';
import { TID } from './testIds';

export function TopBar({
  theme,
  onToggleTheme,
  children,
}: {
  theme: Theme;
  onToggleTheme(): void;
  children: ReactNode;
}) {
  const title = useAppStore((s) => s.scenario?.title ?? '');
  return (
    <header className="topbar">
      <div className="brand">
        <svg className="brand__logo" viewBox="0 0 24 24" aria-hidden="true">
          <rect x="2" y="2" width="9" height="9" rx="2" />
          <rect x="13" y="2" width="9" height="9" rx="2" />
          <rect x="2" y="13" width="9" height="9" rx="2" />
          <rect x="13" y="13" width="9" height="9" rx="2" />
        </svg>
        <span className="brand__name">DaemonSet Playground</span>
      </div>
      {title && (
        <div className="topbar__scenario" title={title}>
          {title}
        </div>
      )}
      <GalleryButton />
      <div className="topbar__spacer" />
      {children}
      <div className="topbar__actions" role="group" aria-label="Run">
        <ImportExportButtons />
        <SharePanel />
        <button
          type="button"
          className="button button--small"
          data-testid={TID.reset}
          onClick={() => confirmDiscardLesson('Reset') && void resetAll()}
          title="Forget the saved session and open the default scenario"
        >
          Reset
        </button>
      </div>
      <PresenterToggle />
      <button
        type="button"
        className="icon-button"
        data-testid={TID.themeToggle}
        onClick={onToggleTheme}
        aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'}
        title={theme === 'dark' ? 'Light theme' : 'Dark theme'}
      >
        {theme === 'dark' ? '☀' : '☾'}
      </button>
    </header>
  );
}
