// The gallery picker: the dialog the top-bar button (GalleryButton.tsx) opens, a list of the built-in scenarios and workshop
// lessons. Opening one puts its text in the editor and starts a new run from t = 0, through the
// same path as any scenario load (loadScenario), so the editor, the grid and a share link agree.
import { useEffect, useRef } from 'react';
import { GALLERY } from '../../scenario/gallery';
import type { GalleryEntry } from '../../scenario/gallery';
import { appStore, useAppStore } from '../store';
import { useBridge } from '../store/services';
import { TID } from '../testIds';
import { galleryText, loadGalleryTexts } from './galleryTexts';
import './gallery.css';

function EntryButton({ entry, current, onPick }: { entry: GalleryEntry; current: boolean; onPick(): void }) {
  return (
    <li>
      <button
        type="button"
        className={`gallery__entry${current ? ' is-current' : ''}`}
        data-scenario={entry.name}
        aria-current={current ? 'true' : undefined}
        onClick={onPick}
      >
        <span className="gallery__title">
          {entry.title}
          {entry.lesson && <span className="gallery__badge">lesson</span>}
        </span>
        <span className="gallery__summary">{entry.summary}</span>
      </button>
    </li>
  );
}

/** GalleryDialog is the picker GalleryButton opens (a lazy chunk, with the gallery's list). */
export function GalleryDialog({ onClose }: { onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const current = useAppStore((s) => s.scenario?.name ?? '');
  const { loadScenario } = useBridge();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    // The texts' chunk is fetched while the list is read, so a pick starts at once.
    void loadGalleryTexts();
    return () => dialog?.close();
  }, []);

  const pick = async (entry: GalleryEntry) => {
    onClose();
    const text = await galleryText(entry.name);
    if (text === undefined) return;
    // The console keeps the last run's lines; mark where the new scenario begins.
    appStore.getState().appendConsole([{ kind: 'info', text: `# opened "${entry.title}" from the gallery` }]);
    void loadScenario(text, { play: true });
  };

  const section = (heading: string, entries: GalleryEntry[]) => (
    <section className="gallery__section" aria-label={heading}>
      <h3 className="gallery__heading">{heading}</h3>
      <ul className="gallery__list">
        {entries.map((e) => (
          <EntryButton key={e.name} entry={e} current={e.name === current} onPick={() => void pick(e)} />
        ))}
      </ul>
    </section>
  );

  return (
    <dialog
      ref={ref}
      className="dialog gallery"
      aria-labelledby="gallery-title"
      data-testid={TID.gallery}
      onClose={onClose}
      // A click on the backdrop lands on the dialog element itself.
      onClick={(e) => e.target === e.currentTarget && onClose()}
    >
      <div className="gallery__body">
        <header className="gallery__header">
          <h2 id="gallery-title" className="dialog__title">
            Scenario gallery
          </h2>
          <button type="button" className="icon-button" aria-label="Close the gallery" onClick={onClose}>
            ✕
          </button>
        </header>
        <p className="muted gallery__intro">
          Opening a scenario replaces the editor's text and restarts the cluster from t = 0.
        </p>
        {section(
          'Scenarios',
          GALLERY.filter((e) => !e.lesson),
        )}
        {section(
          'Workshop lessons',
          GALLERY.filter((e) => e.lesson),
        )}
      </div>
    </dialog>
  );
}
