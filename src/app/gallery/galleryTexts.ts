// The gallery's scenario texts, bundled by Vite (`?raw`). Kept apart from the index
// (src/scenario/gallery/index.ts), which must also run in Node, where `?raw` does not exist.
// The texts (about 30 kB gzip) are one lazy chunk (galleryTextTable.ts): the first paint of the
// default scenario needs none of them, so only a page that opens or links a gallery scenario
// fetches it.

import type * as GalleryTextTable from './galleryTextTable';

/** GalleryTexts is the loaded chunk: the texts by name, and all of them in the gallery's order. */
export type GalleryTexts = typeof GalleryTextTable;

let loading: Promise<GalleryTexts> | undefined;

/** loadGalleryTexts fetches the texts' chunk once; every later call gets the same answer. */
export function loadGalleryTexts(): Promise<GalleryTexts> {
  loading ??= import('./galleryTextTable');
  return loading;
}

/** galleryText returns a built-in scenario's YAML, or undefined for an unknown name. */
export async function galleryText(name: string): Promise<string | undefined> {
  return (await loadGalleryTexts()).galleryText(name);
}
