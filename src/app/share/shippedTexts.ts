// The texts this build ships, by name, for short share links: every gallery scenario under its
// file name, and the page's default scenario as "default". The gallery's texts come in a lazy
// chunk (see galleryTexts.ts), so the table is built once that chunk is in.
import { namedTexts } from '../../share/namedTexts';
import type { NamedTexts } from '../../share/namedTexts';
import { DEFAULT_SCENARIO } from '../defaultScenario';
import { loadGalleryTexts } from '../gallery/galleryTexts';

const DEFAULT_ENTRY = ['default', DEFAULT_SCENARIO] as const;

let shipped: NamedTexts | undefined;
let loading: Promise<NamedTexts> | undefined;

/** shippedTexts returns the named texts, built once the gallery's texts are in. */
export function shippedTexts(): Promise<NamedTexts> {
  loading ??= loadGalleryTexts().then(
    (gallery) => (shipped = namedTexts([DEFAULT_ENTRY, ...gallery.galleryEntries()])),
  );
  return loading;
}

/**
 * shippedTextsNow is for links that must be made synchronously (an anchor's href as it is
 * followed): the named texts when they are in, else only the default scenario's, so a gallery
 * scenario's link then carries its whole text, as links to edited texts do, and opens the same.
 */
export function shippedTextsNow(): NamedTexts {
  return shipped ?? namedTexts([DEFAULT_ENTRY]);
}
