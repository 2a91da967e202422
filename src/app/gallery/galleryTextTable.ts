// The gallery's texts themselves, eager within this module: it is loaded only through
// galleryTexts.ts's dynamic import, so all of them arrive as one chunk after the page starts.
import { GALLERY } from '../../scenario/gallery';

const TEXTS = import.meta.glob<string>('../../scenario/gallery/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** galleryText returns a built-in scenario's YAML, or undefined for an unknown name. */
export function galleryText(name: string): string | undefined {
  return TEXTS[`../../scenario/gallery/${name}.yaml`];
}

/** galleryEntries lists every gallery scenario's name with its text, in the gallery's order. */
export function* galleryEntries(): Generator<readonly [string, string]> {
  for (const { name } of GALLERY) {
    const text = galleryText(name);
    if (text !== undefined) yield [name, text];
  }
}
