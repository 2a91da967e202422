// What the page shows when something breaks instead of going blank: a render error caught by an
// error boundary (the whole app, or one panel), and the simulation engine stopped after too many
// crashes in a row (the worker bridge restarts it by itself before that).
import { Component, useSyncExternalStore } from 'react';
import type { ReactNode } from 'react';
import { STORAGE_KEY } from '../share/persistence';
import { EMBED } from './embed';
import { appStore } from './store';
import { useBridge } from './store/services';
import { TID } from './testIds';

interface Props {
  children: ReactNode;
  /** The panel this boundary guards ("Inspector"); absent for the whole page. */
  label?: string;
}

interface State {
  error: Error | null;
}

/**
 * resetSavedWork forgets the run saved for the next visit and reloads. Only this app's key is
 * removed (a GitHub Pages origin is shared with other projects), and the store is told to save
 * "start fresh" from now on, so the write on page hide does not put the run back.
 */
function resetSavedWork(): void {
  // An embed has saved nothing and must not touch the visitor's storage (embed.ts).
  if (EMBED) return location.reload();
  try {
    appStore.persist.setOptions({ partialize: () => ({ run: null }) });
    void appStore.persist.clearStorage();
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage blocked: there is nothing saved to clear.
  }
  // Without the fragment, so a broken link is not opened again.
  location.replace(location.pathname + location.search);
}

// The `?test-hooks` fault: the boundary with this label throws on its next render, once.
let faultyPanel: string | null = null;
const faultListeners = new Set<() => void>();

/** breakPanel makes one boundary's content throw ("app" for the page), for the robustness tests. */
export function breakPanel(label: string): void {
  faultyPanel = label;
  for (const fn of faultListeners) fn();
}

function clearFault(label: string): void {
  if (faultyPanel === label) faultyPanel = null;
}

function subscribeFault(fn: () => void): () => void {
  faultListeners.add(fn);
  return () => faultListeners.delete(fn);
}

function TestFault({ label }: { label: string }) {
  const faulty = useSyncExternalStore(subscribeFault, () => faultyPanel);
  if (faulty === label) throw new Error(`test fault in the ${label} panel`);
  return null;
}

/** ErrorBoundary shows what failed and how to recover instead of an empty page or panel. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(): void {
    // React has reported the error to the console already; a test fault fires only once.
    clearFault(this.props.label ?? 'app');
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (!error)
      return (
        <>
          <TestFault label={this.props.label ?? 'app'} />
          {this.props.children}
        </>
      );
    const { label } = this.props;
    return (
      <div className="error-boundary" role="alert" data-testid={TID.errorBoundary} style={{ padding: 16 }}>
        <p>
          <strong>{label ? `The ${label} panel failed.` : 'The playground failed.'}</strong> {error.message}
        </p>
        <p>
          Reloading usually helps; your run is saved in this browser. If the page fails again right away,
          reset the saved work to start from the default scenario.
        </p>
        <p className="error-boundary__actions">
          {label && (
            <button
              type="button"
              className="button button--small"
              onClick={() => this.setState({ error: null })}
            >
              Try again
            </button>
          )}
          <button type="button" className="button button--small" onClick={() => location.reload()}>
            Reload
          </button>
          <button type="button" className="button button--small" onClick={resetSavedWork}>
            Reset saved work
          </button>
        </p>
      </div>
    );
  }
}

/** EngineHalted offers "Restart engine" once the worker crashed too often to be restarted automatically. */
export function EngineHalted() {
  const bridge = useBridge();
  const status = useSyncExternalStore(bridge.subscribeEngineStatus, bridge.engineStatus);
  if (status !== 'halted') return null;
  return (
    <div
      className="notice notice--error"
      role="alert"
      style={{ position: 'fixed', left: 14, bottom: 14, maxWidth: 420, zIndex: 50 }}
    >
      <span className="notice__text">The simulation engine is stopped.</span>
      <button
        type="button"
        className="button button--small"
        data-testid={TID.restartEngine}
        onClick={() => void bridge.restartEngine()}
      >
        Restart engine
      </button>
    </div>
  );
}
