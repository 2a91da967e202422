// Presenter mode for projectors: a top-bar toggle that enlarges the lesson text and the node
// grid. It is a data attribute on <html>, like the theme, so the CSS does the scaling.
import { useEffect } from 'react';
import { appStore, useAppStore } from '../store';
import { TID } from '../testIds';

export function PresenterToggle() {
  const on = useAppStore((s) => s.presenter);
  useEffect(() => {
    const root = document.documentElement;
    if (on) root.dataset.presenter = 'on';
    else delete root.dataset.presenter;
  }, [on]);
  return (
    <button
      type="button"
      className={`button button--small${on ? ' is-active' : ''}`}
      data-testid={TID.presenter}
      aria-pressed={on}
      title={on ? 'Leave presenter mode' : 'Presenter mode: large type for projectors'}
      onClick={() => appStore.getState().setPresenter(!on)}
    >
      Presenter
    </button>
  );
}
