// The top-bar Gallery button. The picker it opens (Gallery.tsx, with the gallery's list) is a
// chunk of its own, fetched when the button is first pressed.
import { Suspense, lazy, useState } from 'react';
import { TID } from '../testIds';

const GalleryDialog = lazy(() => import('./Gallery').then((m) => ({ default: m.GalleryDialog })));

/** GalleryButton is the top-bar button and the picker it opens. */
export function GalleryButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button--small"
        data-testid={TID.galleryOpen}
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        title="Open a built-in scenario or workshop lesson"
      >
        Gallery
      </button>
      <Suspense fallback={null}>{open && <GalleryDialog onClose={() => setOpen(false)} />}</Suspense>
    </>
  );
}
