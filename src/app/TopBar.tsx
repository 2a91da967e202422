// The top bar: the product name, the scenario's title, the time controls and the theme toggle.
import type { ReactNode } from 'react';
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
      <div className="topbar__spacer" />
      {children}
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
